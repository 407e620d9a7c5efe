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
}

export const defaultSettings: Settings = {
  explanationLanguage: "auto",
  ignore: [],
  receiveErrorAfterSeconds: 120,
  timeZone: "",
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
