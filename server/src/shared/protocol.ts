// Requests, notifications, commands and settings shared by the client and the server, typed in
// one place so that the two sides cannot drift. No `vscode` import: the server bundles it too.

// The message types alone, not the whole protocol library. The client's first bundle gets a
// stand-in with just the method (client/src/messageTypes.ts): the client library, loaded later,
// is a bundle of its own, which is why the client sends by method.
import { NotificationType, RequestType } from "vscode-jsonrpc/lib/common/messages";

export const LANGUAGE_ID = "icm-trace";
export const DIAGNOSTIC_SOURCE = "icm-trace";
/** Scheme of the read-only split copies ("ICM Trace: Open Split Copy"). */
export const SPLIT_COPY_SCHEME = "icm-trace-split";

export interface Settings {
  /** `auto` follows the editor's display language. */
  readonly explanationLanguage: "auto" | "en" | "ja";
  /** Catalogue ids not to report. */
  readonly ignore: readonly string[];
  /** Seconds of waiting after which an incomplete RECEIVE is an error (before: a warning). */
  readonly receiveErrorAfterSeconds: number;
  /** The zone of traces' local times (`+0900`, `UTC`), or "" when unknown. */
  readonly timeZone: string;
  /** A bundle member may inflate to at most this many times its compressed size. */
  readonly bundleMaxInflateRatio: number;
  /** And to at most this many megabytes. */
  readonly bundleMaxMemberMegabytes: number;
}

export const defaultSettings: Settings = {
  explanationLanguage: "auto",
  ignore: [],
  receiveErrorAfterSeconds: 120,
  timeZone: "",
  bundleMaxInflateRatio: 1000,
  bundleMaxMemberMegabytes: 16384,
};

export interface DocumentParams {
  readonly uri: string;
}

export interface TraceSummary {
  readonly side: "A" | "B" | null;
  readonly role: "send" | "receive" | null;
  readonly entries: number;
  readonly errors: number;
  readonly warnings: number;
}

/** Side, role and counts of an open trace, for the status bar. */
export const traceSummaryRequest = new RequestType<DocumentParams, TraceSummary | null, void>("icmTrace/traceSummary");

/** The document's text with every run-together entry on its own line. */
export const splitTextRequest = new RequestType<DocumentParams, string | null, void>("icmTrace/splitText");

export interface EntryAtTimeParams extends DocumentParams {
  /** `HH:MM` or `HH:MM:SS`. */
  readonly time: string;
}

export interface EntryPosition {
  readonly line: number;
  readonly character: number;
  readonly time: string;
}

/** The first entry at or after a clock time. */
export const entryAtTimeRequest = new RequestType<EntryAtTimeParams, EntryPosition | null, void>("icmTrace/entryAtTime");

export interface ExplanationParams {
  readonly id: string;
}

/** A catalogue record's explanation as Markdown, in the language in effect. */
export const explanationRequest = new RequestType<ExplanationParams, string | null, void>("icmTrace/explanation");

/** Commands the server's code actions name; the client implements them. */
export const clientCommands = {
  copyToClipboard: "icmTrace.copyToClipboard",
  ignoreSignature: "icmTrace.ignoreSignature",
  showExplanation: "icmTrace.showExplanation",
  openUrl: "icmTrace.openUrl",
} as const;

export interface CompareParams {
  /** The two traces' URIs, in any order. Open documents are read from the editor, others from disk. */
  readonly uris: readonly [string, string];
}

export interface CompareResult {
  /** The model; its sides[i] is the trace at uris[i]. */
  readonly model: import("./compareModel").CompareModel;
  readonly uris: readonly [string, string];
  readonly language: "en" | "ja";
}

/** Reads both traces and returns the compare model for the timeline view. */
export const compareRequest = new RequestType<CompareParams, CompareResult, void>("icmTrace/compare");

export interface AnalyzeFileParams {
  /** A file: URI; the server reads it from disk in chunks. */
  readonly uri: string;
}

export interface FileSummary {
  readonly uri: string;
  readonly entries: number;
  readonly errors: number;
  readonly warnings: number;
  readonly bytes: number;
  readonly encoding: string;
  readonly side: "A" | "B" | null;
  readonly role: "send" | "receive" | null;
  /** Why the file could not be analysed (binary, unreadable), when it could not. */
  readonly problem: string | null;
}

/** Analyses a trace from disk (any size) and publishes its findings as the file's diagnostics. */
export const analyzeFileRequest = new RequestType<AnalyzeFileParams, FileSummary, void>("icmTrace/analyzeFile");

export interface AnalyzeFolderParams {
  readonly uri: string;
}

/** Analyses every trace file in a folder (recursively); publishes each file's findings. */
export const analyzeFolderRequest = new RequestType<AnalyzeFolderParams, readonly FileSummary[], void>("icmTrace/analyzeFolder");

export interface AnalysisProgress {
  /** The file or folder the request is about. */
  readonly uri: string;
  /** 0..1 */
  readonly fraction: number;
  readonly message: string;
}

/** Sent by the server while a file or folder analysis runs. */
export const analysisProgressNotification = new NotificationType<AnalysisProgress>("icmTrace/analysisProgress");

/** The scheme under which a bundle's members open, read-only: `icm-bundle:/path/case.zip!/LoggerA/lgr.txt`. */
export const BUNDLE_SCHEME = "icm-bundle";

/** A member of a trace bundle as the inventory lists it (the CLI's `bundle --json` holds the same). */
export interface BundleMember {
  /** `ARCHIVE!/path/in/archive`, nested `a.zip!/b.zip!/c.txt`: the member's name and the path of its URI. */
  readonly file: string;
  readonly host: string | null;
  readonly side: "A" | "B" | null;
  readonly process: string | null;
  /** The format's name; `ems` for a binary log, `other` for a file that is not a trace. */
  readonly format: string;
  readonly encoding: string | null;
  /** ISO 8601 with date and zone where the trace gives them, else `HH:MM:SS`. */
  readonly first: string | null;
  readonly last: string | null;
  readonly entries: number;
  readonly errors: number;
  readonly warnings: number;
  /** For an `.ems` member: the dumplog command that converts it; else null. */
  readonly convert: string | null;
  /** Why it was not read, or null. */
  readonly problem: string | null;
}

export interface OpenBundleParams {
  /** A file: URI of an archive, a `.gz` file or a folder. */
  readonly uri: string;
}

export interface BundleInventory {
  readonly uri: string;
  readonly members: readonly BundleMember[];
}

/**
 * Reads a bundle's every member (with analysisProgressNotification, cancellable), publishes each
 * trace member's findings under its `icm-bundle:` URI, and returns the inventory.
 */
export const openBundleRequest = new RequestType<OpenBundleParams, BundleInventory, void>("icmTrace/openBundle");

export interface ReadBundleMemberParams {
  /** The member's name (`BundleMember.file`). */
  readonly member: string;
}

/** A member's bytes, base64, as the archive holds them decompressed. */
export const readBundleMemberRequest = new RequestType<ReadBundleMemberParams, string, void>("icmTrace/readBundleMember");

/** The `icm-bundle:` URI of a member, as a string both sides parse alike. */
export function bundleMemberUri(member: string): string {
  const withSlash = member.startsWith("/") ? member : `/${member}`;
  return `${BUNDLE_SCHEME}:${withSlash.split("/").map(encodeURIComponent).join("/")}`;
}

/** The scheme of the merged view's read-only document. */
export const MERGED_SCHEME = "icm-merged";

export interface MergedViewParams {
  /** The traces to merge: open documents' URIs (or file: URIs read from disk). */
  readonly uris: readonly string[];
  /** Offsets set by hand, in seconds, by clock (`host:…`, `side:…`, `file:…`) or by a lane's `who`. */
  readonly offsets?: Readonly<Record<string, number>>;
  /** Only the entries within `seconds` of the entry at this position (of one of `uris`), on the common clock. */
  readonly around?: { readonly uri: string; readonly line: number; readonly seconds: number };
}

export interface MergedViewLine {
  /** The source entry's document and its 0-based position. */
  readonly uri: string;
  readonly line: number;
  readonly column: number;
}

export interface MergedViewDiagnostic {
  /** The merged view's 0-based line. */
  readonly line: number;
  readonly severity: "error" | "warning" | "information" | "hint";
  readonly code: string;
  readonly message: string;
}

export interface MergedView {
  /** One line per entry: `lane  time  message`. */
  readonly text: string;
  readonly lines: readonly MergedViewLine[];
  readonly diagnostics: readonly MergedViewDiagnostic[];
  readonly clocks: readonly { readonly clock: string; readonly offsetSeconds: number; readonly anchor: string }[];
}

/** Every entry of the traces in corrected time order, with the findings of its entries. */
export const mergedViewRequest = new RequestType<MergedViewParams, MergedView, void>("icmTrace/mergedView");

/** A position in a trace: 0-based, as in LSP. */
export interface TracePosition {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
}

export interface MergedTimelineParams {
  /** The traces, as for the merged view; the first one's clock is the reference. */
  readonly uris: readonly string[];
  /** Offsets set by hand, in seconds, by clock (`host:…`, `side:…`, `file:…`). */
  readonly offsets?: Readonly<Record<string, number>>;
  /** The window to open on: `seconds` each way of the entry at this position, on the common clock. */
  readonly around?: { readonly uri: string; readonly line: number; readonly seconds: number };
  /** Where one call's identifiers are written (its references): their entries are marked. */
  readonly callLocations?: readonly TracePosition[];
}

/** A finding drawn on a lane: at its entry's corrected time. */
export interface MergedTimelineMark {
  readonly time: number;
  readonly severity: "error" | "warning" | "information";
  readonly code: string;
  readonly message: string;
  /** Where the finding starts in the lane's trace, 0-based. */
  readonly line: number;
  readonly column: number;
}

export interface MergedTimelineLane {
  /** `<who>/<process>`, as the merged view names it. */
  readonly name: string;
  readonly uri: string;
  /** The trace's path or bundle member (`case.zip!/LoggerA/lgr.txt`). */
  readonly file: string;
  readonly clock: string;
  /** The corrected times of its first and last timed entries; null when it has none. */
  readonly span: { readonly from: number; readonly to: number } | null;
  /** Its timed entries. */
  readonly entries: number;
  /** Corrected times of its entries, at most a few hundred (close ones drawn as one tick). */
  readonly entryTimes: readonly number[];
  readonly marks: readonly MergedTimelineMark[];
  /** Findings left out to keep the view small (the least severe first). */
  readonly omittedMarks: number;
}

export interface MergedTimelineGroup {
  readonly clock: string;
  readonly offsetSeconds: number;
  /** What placed the clock: `reference`, `call`, `transfer`, `peer-sync`, `given` (by hand), `none`; the merge may name others. */
  readonly anchor: string;
  /** Indexes into `lanes`. */
  readonly lanes: readonly number[];
}

/** An entry that names the call being followed. */
export interface MergedTimelineCallMark {
  readonly lane: number;
  readonly time: number;
  readonly line: number;
  readonly column: number;
  /** The entry's message, cut to a readable length. Untrusted: render as text. */
  readonly text: string;
}

/** The A/B compare's verdict on the Logger pair the set holds. */
export interface MergedTimelineVerdict {
  readonly code: import("./compareModel").VerdictCode;
  readonly summary: string;
  /** The lanes of the pair in the compare's order, and their traces (for the transfer timeline). */
  readonly lanes: readonly [number, number];
  readonly uris: readonly [string, string];
  readonly evidence: readonly { readonly lane: number; readonly line: number; readonly column: number; readonly clock: string; readonly text: string }[];
}

export interface MergedTimeline {
  readonly language: "en" | "ja";
  readonly groups: readonly MergedTimelineGroup[];
  readonly lanes: readonly MergedTimelineLane[];
  /** The window asked for with `around`, on the common clock; else null. */
  readonly window: { readonly from: number; readonly to: number } | null;
  readonly callMarks: readonly MergedTimelineCallMark[];
  readonly verdict: MergedTimelineVerdict | null;
}

/** The open traces as lanes on one clock, grouped by clock, with their findings as marks. */
export const mergedTimelineRequest = new RequestType<MergedTimelineParams, MergedTimeline, void>("icmTrace/mergedTimeline");
