// "ICM Trace: Open Merged Timeline": the open traces as lanes on one clock, grouped by host, side or
// file, with their findings. This module registers the command and the serializer that brings the
// timeline back after a reload; the panel is a bundle of its own (dist/mergedTimelinePanel.js),
// loaded when a merged timeline is first asked for: activation does not load it.

import vscode = require("vscode");
import type { MergedTimelineParams } from "../../../server/src/shared/protocol";
import { loadBundle } from "../bundles";
import type { TraceLanguageClient } from "../languageClient";
import { openTraceDocuments } from "../mergedView";
import type * as MergedTimelinePanelModule from "./mergedTimelinePanel";
import { MERGED_TIMELINE_VIEW_TYPE } from "./viewType";

export const OPEN_MERGED_TIMELINE = "icmTrace.openMergedTimeline";

let panelModule: typeof MergedTimelinePanelModule | undefined;

function mergedTimelinePanel(context: vscode.ExtensionContext): typeof MergedTimelinePanelModule {
  return (panelModule ??= loadBundle<typeof MergedTimelinePanelModule>(context, "mergedTimelinePanel"));
}

/** What the command takes when another command opens it: the window around an entry, the traces (else the open ones). */
interface OpenArguments {
  readonly around?: MergedTimelineParams["around"];
  readonly uris?: readonly string[];
}

export function registerMergedTimeline(context: vscode.ExtensionContext, client: TraceLanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(OPEN_MERGED_TIMELINE, async (args?: OpenArguments) => {
      const given = typeof args === "object" && args !== null && Array.isArray(args.uris) && args.uris.every((u) => typeof u === "string") ? args.uris : [];
      const uris = given.length > 0 ? [...given] : openTraceDocuments().map((d) => d.uri.toString());
      if (uris.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t("ICM Trace: open the traces to merge first."));
        return;
      }
      const around = typeof args === "object" && args !== null && args.around !== undefined ? args.around : undefined;
      await mergedTimelinePanel(context).MergedTimelinePanel.show(context, client, { uris, ...(around === undefined ? {} : { around }) });
    }),
    vscode.window.registerWebviewPanelSerializer(MERGED_TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: unknown) => mergedTimelinePanel(context).MergedTimelinePanel.restore(context, client, panel, state),
    }),
  ];
}

/** Marks a call's entries on the merged timeline, when one is open. */
export async function markCallOnMergedTimeline(locations: readonly vscode.Location[]): Promise<void> {
  await panelModule?.MergedTimelinePanel.markCall(
    locations.map((l) => ({ uri: l.uri.toString(), line: l.range.start.line, character: l.range.start.character })),
  );
}
