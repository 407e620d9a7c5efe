// The transfer timeline panel: asks the server for the compare model of two traces, shows it in a
// webview beside the editor and answers the webview (reveal an entry, copy the diagnosis).
// The webview gets its data by postMessage only; its HTML holds no trace text.

import vscode = require("vscode");
import { compareAsMarkdown } from "../../../server/src/render/compareMarkdown";
import { shortSideName, type TimelineViewState } from "../../../server/src/render/compareTimeline";
import { compareRequest, type CompareResult } from "../../../server/src/shared/protocol";
import type { TraceLanguageClient } from "../languageClient";
import { DelayedCall, displayLanguage, REFRESH_DELAY_MS, revealFromPanel, webviewHtml, webviewOptions } from "../webviewPanels";
import { isFromWebview, TIMELINE_VIEW_TYPE, type FileNames, type FromWebview, type TimelineWebviewState, type ToWebview } from "./messages";

/** Asks the server to compare two traces; `uris` in any order, the result in the model's order. */
export async function requestCompare(client: TraceLanguageClient, uris: readonly [vscode.Uri, vscode.Uri]): Promise<CompareResult> {
  return client.request(compareRequest, { uris: [uris[0].toString(), uris[1].toString()] });
}

/** How a trace is named in the view and in the Markdown: workspace-relative when it can be. */
export function displayName(uri: string): string {
  const parsed = vscode.Uri.parse(uri);
  return vscode.workspace.asRelativePath(parsed, false);
}

export function fileNamesOf(result: CompareResult): FileNames {
  return [displayName(result.uris[0]), displayName(result.uris[1])];
}

export function diagnosisMarkdown(result: CompareResult, offsetSeconds: number): string {
  return compareAsMarkdown(result.model, result.language, { files: fileNamesOf(result), offsetSeconds });
}

export class TransferTimelinePanel implements vscode.Disposable {
  private static readonly open = new Map<string, TransferTimelinePanel>();
  private static lastActive: TransferTimelinePanel | undefined;

  /** The active timeline, or the last one that was active while still open. */
  static get current(): TransferTimelinePanel | undefined {
    for (const panel of TransferTimelinePanel.open.values()) if (panel.panel.active) return panel;
    return TransferTimelinePanel.lastActive;
  }

  /** Shows the timeline of two traces, reusing the panel that already shows them. */
  static async show(context: vscode.ExtensionContext, client: TraceLanguageClient, uris: readonly [vscode.Uri, vscode.Uri]): Promise<TransferTimelinePanel> {
    const key = pairKey(uris.map(String));
    const existing = TransferTimelinePanel.open.get(key);
    if (existing !== undefined) {
      existing.panel.reveal(undefined, false);
      await existing.refresh();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      TIMELINE_VIEW_TYPE,
      vscode.l10n.t("Transfer timeline"),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      webviewOptions(context),
    );
    const timeline = new TransferTimelinePanel(context, client, panel, uris.map(String) as [string, string]);
    await timeline.refresh();
    return timeline;
  }

  /** Brings back a timeline after a reload of the window (see registerTimeline's serializer). */
  static async restore(context: vscode.ExtensionContext, client: TraceLanguageClient, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    panel.webview.options = webviewOptions(context);
    const saved = isSavedState(state) ? state : undefined;
    if (saved === undefined) {
      panel.dispose();
      return;
    }
    const timeline = new TransferTimelinePanel(context, client, panel, saved.uris, saved.view);
    await timeline.refresh();
  }

  private result: CompareResult | undefined;
  private error: string | undefined;
  private webviewReady = false;
  private readonly disposables: vscode.Disposable[] = [];
  /** Edits to a trace refresh the panel once they pause. */
  private readonly refreshLater = new DelayedCall(() => void this.refresh(), REFRESH_DELAY_MS);

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: TraceLanguageClient,
    readonly panel: vscode.WebviewPanel,
    private uris: readonly [string, string],
    private view?: TimelineViewState,
  ) {
    TransferTimelinePanel.open.set(pairKey(uris), this);
    TransferTimelinePanel.lastActive = this;
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (panel.active) TransferTimelinePanel.lastActive = this;
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isFromWebview(message)) void this.onMessage(message);
      }),
      // Edits to either trace (or a language change) re-run the comparison.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.uris.includes(event.document.uri.toString())) this.refreshLater.request();
      }),
    );
  }

  get compareResult(): CompareResult | undefined {
    return this.result;
  }

  /** The offset the user has set in the view, or the model's. */
  get offsetSeconds(): number | undefined {
    return this.view?.offsetSeconds ?? this.result?.model.offsetSeconds;
  }

  async refresh(): Promise<void> {
    try {
      const result = await requestCompare(this.client, [vscode.Uri.parse(this.uris[0]), vscode.Uri.parse(this.uris[1])]);
      this.result = result;
      this.error = undefined;
      // The server orders the sides (A first); keep the panel's key in that order.
      if (result.uris[0] !== this.uris[0] || result.uris[1] !== this.uris[1]) this.uris = result.uris;
      const [a, b] = result.model.sides;
      this.panel.title = vscode.l10n.t("Transfer timeline: {0} ⇄ {1}", shortSideName(a), shortSideName(b));
    } catch (error) {
      this.result = undefined;
      this.error = vscode.l10n.t("Could not compare the traces: {0}", error instanceof Error ? error.message : String(error));
      void vscode.window.showErrorMessage(this.error);
    }
    this.postModel();
  }


  private postModel(): void {
    if (!this.webviewReady) return;
    if (this.result !== undefined) this.post({ type: "model", result: this.result, fileNames: fileNamesOf(this.result) });
    else if (this.error !== undefined) this.post({ type: "error", message: this.error });
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case "ready":
        this.webviewReady = true;
        this.postModel();
        return;
      case "viewState":
        this.view = message.view;
        return;
      case "reveal":
        await this.reveal(message.sideIndex, message.line, message.column);
        return;
      case "copyDiagnosis":
        if (this.view !== undefined) this.view = { ...this.view, offsetSeconds: message.offsetSeconds };
        await this.copyDiagnosis(message.offsetSeconds);
        this.post({ type: "copied" });
        return;
    }
  }

  /** Opens the trace of one side and selects the entry, in the editor group the trace is shown in. */
  private async reveal(sideIndex: number, line: number, column: number): Promise<void> {
    const uri = (this.result?.uris ?? this.uris)[sideIndex];
    if (uri !== undefined) await revealFromPanel(this.panel, uri, line, column);
  }

  async copyDiagnosis(offsetSeconds = this.offsetSeconds): Promise<boolean> {
    if (this.result === undefined) return false;
    await vscode.env.clipboard.writeText(diagnosisMarkdown(this.result, offsetSeconds ?? this.result.model.offsetSeconds));
    void vscode.window.showInformationMessage(vscode.l10n.t("Diagnosis copied as Markdown."));
    return true;
  }

  private html(): string {
    const ja = displayLanguage() === "ja";
    return webviewHtml(this.panel, this.context, { bundle: "timeline", title: ja ? "転送タイムライン" : "Transfer timeline", loading: ja ? "2 つのトレースを比較しています…" : "Comparing the two traces…" });
  }

  dispose(): void {
    if (TransferTimelinePanel.open.get(pairKey(this.uris)) === this) TransferTimelinePanel.open.delete(pairKey(this.uris));
    for (const [key, panel] of TransferTimelinePanel.open) if (panel === this) TransferTimelinePanel.open.delete(key);
    if (TransferTimelinePanel.lastActive === this) TransferTimelinePanel.lastActive = undefined;
    this.refreshLater.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** The same pair in either order is one timeline. */
function pairKey(uris: readonly string[]): string {
  return [...uris].sort().join("\n");
}

function isSavedState(state: unknown): state is TimelineWebviewState {
  if (typeof state !== "object" || state === null) return false;
  const s = state as Partial<TimelineWebviewState>;
  return Array.isArray(s.uris) && s.uris.length === 2 && s.uris.every((u) => typeof u === "string" && u !== "") && typeof s.view === "object" && s.view !== null;
}
