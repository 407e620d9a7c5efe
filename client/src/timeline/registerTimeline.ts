// The A/B commands: "Compare Sending and Receiving Sides" (palette, explorer on two files) and
// "Copy Diagnosis as Markdown", plus the serializer that brings timelines back after a reload.
// The panel, with the compare renderings it uses, is a bundle of its own (dist/timelinePanel.js),
// loaded when a timeline is first asked for: activation does not load it.

import vscode = require("vscode");
import { LANGUAGE_ID } from "../../../server/src/shared/protocol";
import { loadBundle } from "../bundles";
import type { TraceLanguageClient } from "../languageClient";
import { TIMELINE_VIEW_TYPE } from "./messages";
import { pickOtherSide } from "./pickOtherSide";
import type * as TimelinePanelModule from "./timelinePanel";

export const timelineCommands = {
  compareSides: "icmTrace.compareSides",
  copyDiagnosis: "icmTrace.copyDiagnosis",
} as const;

let panelModule: typeof TimelinePanelModule | undefined;

function timelinePanel(context: vscode.ExtensionContext): typeof TimelinePanelModule {
  return (panelModule ??= loadBundle<typeof TimelinePanelModule>(context, "timelinePanel"));
}

export function registerTimeline(context: vscode.ExtensionContext, client: TraceLanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(timelineCommands.compareSides, async (uri?: unknown, uris?: unknown) => {
      const pair = await choosePair(uri, uris);
      if (pair !== undefined) await timelinePanel(context).TransferTimelinePanel.show(context, client, pair);
    }),
    vscode.commands.registerCommand(timelineCommands.copyDiagnosis, async (uri?: unknown, uris?: unknown) => {
      const { TransferTimelinePanel, requestCompare, diagnosisMarkdown } = timelinePanel(context);
      const panel = TransferTimelinePanel.current;
      if (panel !== undefined && uri === undefined && (await panel.copyDiagnosis())) return;
      // No timeline open: compare without showing one, and copy that.
      const pair = await choosePair(uri, uris);
      if (pair === undefined) return;
      try {
        const result = await requestCompare(client, pair);
        await vscode.env.clipboard.writeText(diagnosisMarkdown(result, result.model.offsetSeconds));
        void vscode.window.showInformationMessage(vscode.l10n.t("Diagnosis copied as Markdown."));
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t("Could not compare the traces: {0}", error instanceof Error ? error.message : String(error)));
      }
    }),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: unknown) => timelinePanel(context).TransferTimelinePanel.restore(context, client, panel, state),
    }),
  ];
}

/**
 * The two traces to compare: both from the explorer's selection, or the clicked / active trace
 * and the one the user picks.
 */
async function choosePair(uri: unknown, uris: unknown): Promise<[vscode.Uri, vscode.Uri] | undefined> {
  const selected = Array.isArray(uris) ? uris.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : [];
  if (selected.length === 2) return [selected[0]!, selected[1]!];
  if (selected.length > 2) {
    void vscode.window.showWarningMessage(vscode.l10n.t("Select two traces to compare: the sending and the receiving side."));
    return undefined;
  }
  const first = uri instanceof vscode.Uri ? uri : activeTraceUri();
  if (first === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t("Open an ICM trace first."));
    return undefined;
  }
  const other = await pickOtherSide(first);
  if (other === undefined) return undefined;
  if (other.toString() === first.toString()) {
    void vscode.window.showWarningMessage(vscode.l10n.t("Pick the other side's trace, not the same file."));
    return undefined;
  }
  return [first, other];
}

function activeTraceUri(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor !== undefined && editor.document.languageId === LANGUAGE_ID) return editor.document.uri;
  // From the timeline itself, if one was ever opened: compare its first trace with another one.
  const panel = panelModule?.TransferTimelinePanel.current;
  const shown = panel?.panel.active === true ? panel.compareResult?.uris[0] : undefined;
  return shown === undefined ? undefined : vscode.Uri.parse(shown);
}
