// The merged timeline panel: asks the server for the open traces as lanes on one clock, shows them
// in a webview and answers it (merge again with offsets set by hand, reveal a finding's line, open
// the Logger pair's transfer timeline). A bundle of its own (dist/mergedTimelinePanel.js), loaded
// when a merged timeline is first asked for. The webview gets its data by postMessage only.

import vscode = require("vscode");
import { isMergedTimelineState, type MergedTimelineState } from "../../../server/src/render/mergedTimeline";
import { mergedTimelineRequest, type MergedTimeline, type MergedTimelineParams, type TracePosition } from "../../../server/src/shared/protocol";
import type { TraceLanguageClient } from "../languageClient";
import { DelayedCall, displayLanguage, REFRESH_DELAY_MS, revealFromPanel, webviewHtml, webviewOptions } from "../webviewPanels";
import { isFromWebview, type FromWebview, type ToWebview } from "./messages";
import { MERGED_TIMELINE_VIEW_TYPE } from "./viewType";

export interface ShowOptions {
  readonly uris: readonly string[];
  /** Open on `seconds` each way of the entry at this position. */
  readonly around?: MergedTimelineParams["around"];
}

export class MergedTimelinePanel implements vscode.Disposable {
  private static current: MergedTimelinePanel | undefined;

  /** Shows the merged timeline of `uris`, in the panel already open if there is one. */
  static async show(context: vscode.ExtensionContext, client: TraceLanguageClient, options: ShowOptions): Promise<MergedTimelinePanel> {
    const open = MergedTimelinePanel.current;
    if (open !== undefined) {
      // Another set: its clocks are other clocks; the hand offsets and the followed call go.
      if (open.uris.join("\n") !== options.uris.join("\n")) {
        open.offsets = {};
        open.callLocations = [];
      }
      open.uris = options.uris;
      open.panel.reveal(undefined, true);
      await open.refresh(options.around);
      return open;
    }
    const panel = vscode.window.createWebviewPanel(
      MERGED_TIMELINE_VIEW_TYPE,
      vscode.l10n.t("Merged timeline"),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: options.around !== undefined },
      webviewOptions(context),
    );
    const timeline = new MergedTimelinePanel(context, client, panel, { uris: options.uris, offsets: {}, callLocations: [] });
    await timeline.refresh(options.around);
    return timeline;
  }

  /** Marks a call's entries on the open merged timeline, if one is open. */
  static async markCall(locations: readonly TracePosition[]): Promise<void> {
    const open = MergedTimelinePanel.current;
    if (open === undefined) return;
    open.callLocations = locations;
    await open.refresh();
  }

  /** Brings a merged timeline back after a reload of the window, with its traces and hand offsets. */
  static async restore(context: vscode.ExtensionContext, client: TraceLanguageClient, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    panel.webview.options = webviewOptions(context);
    if (!isMergedTimelineState(state)) {
      panel.dispose();
      return;
    }
    // The server merges open documents: open the traces again (not shown); one that cannot be
    // opened any more (a bundle no longer mounted, a deleted file) is left out.
    const opened = await Promise.all(
      state.uris.map((uri) => vscode.workspace.openTextDocument(vscode.Uri.parse(uri)).then(() => uri, () => undefined)),
    );
    const uris = opened.filter((u): u is string => u !== undefined);
    if (uris.length === 0) {
      panel.dispose();
      return;
    }
    MergedTimelinePanel.current?.dispose();
    const timeline = new MergedTimelinePanel(context, client, panel, { uris, offsets: state.offsets, callLocations: state.callLocations.filter((l) => uris.includes(l.uri)) });
    await timeline.refresh();
  }

  private uris: readonly string[];
  private offsets: Readonly<Record<string, number>>;
  private callLocations: readonly TracePosition[];
  private timeline: MergedTimeline | undefined;
  private last: ToWebview | undefined;
  private webviewReady = false;
  private generation = 0;
  /** Edits to a trace refresh the panel once they pause. */
  private readonly refreshLater = new DelayedCall(() => void this.refresh(), REFRESH_DELAY_MS);
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: TraceLanguageClient,
    readonly panel: vscode.WebviewPanel,
    state: Pick<MergedTimelineState, "uris" | "offsets" | "callLocations">,
  ) {
    this.uris = state.uris;
    this.offsets = state.offsets;
    this.callLocations = state.callLocations;
    MergedTimelinePanel.current = this;
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isFromWebview(message)) void this.onMessage(message);
      }),
      // Edits to a trace merge again.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.uris.includes(event.document.uri.toString())) this.refreshLater.request();
      }),
    );
  }

  async refresh(around?: MergedTimelineParams["around"]): Promise<void> {
    const generation = ++this.generation;
    if (this.timeline !== undefined) this.post({ type: "busy" });
    const params: MergedTimelineParams = {
      uris: this.uris,
      offsets: this.offsets,
      ...(around === undefined ? {} : { around }),
      ...(this.callLocations.length === 0 ? {} : { callLocations: this.callLocations }),
    };
    try {
      const timeline = await this.client.request(mergedTimelineRequest, params);
      // An answer to an older request (the offset was moved again meanwhile) is dropped.
      if (generation !== this.generation) return;
      this.timeline = timeline;
      this.panel.title = vscode.l10n.t("Merged timeline: {0} traces", timeline.lanes.length);
      this.post({ type: "model", timeline, state: { uris: this.uris, offsets: this.offsets, callLocations: this.callLocations } });
    } catch (error) {
      if (generation !== this.generation) return;
      const message = vscode.l10n.t("Could not merge the traces: {0}", error instanceof Error ? error.message : String(error));
      void vscode.window.showErrorMessage(message);
      this.post({ type: "error", message });
    }
  }


  /**
   * Posts to the webview once it is ready. The last model (or error) is kept: a webview that was
   * hidden loads again when shown, says it is ready, and gets it again.
   */
  private post(message: ToWebview): void {
    if (message.type !== "busy") this.last = message;
    if (this.webviewReady) void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case "ready":
        this.webviewReady = true;
        if (this.last !== undefined) void this.panel.webview.postMessage(this.last);
        return;
      case "offsets":
        this.offsets = message.offsets;
        await this.refresh();
        return;
      case "reveal":
        await this.reveal(message.lane, message.line, message.column);
        return;
      case "openCompare": {
        const pair = this.timeline?.verdict?.uris;
        if (pair !== undefined) await vscode.commands.executeCommand("icmTrace.compareSides", undefined, pair.map((u) => vscode.Uri.parse(u)));
        return;
      }
      case "clearCall":
        this.callLocations = [];
        await this.refresh();
        return;
    }
  }

  /** Opens a lane's trace and selects the position, in the editor group the trace is shown in. */
  private async reveal(lane: number, line: number, column: number): Promise<void> {
    const uri = this.timeline?.lanes[lane]?.uri;
    if (uri !== undefined) await revealFromPanel(this.panel, uri, line, column);
  }

  private html(): string {
    const ja = displayLanguage() === "ja";
    return webviewHtml(this.panel, this.context, {
      bundle: "mergedTimeline",
      title: ja ? "統合タイムライン" : "Merged timeline",
      loading: ja ? "トレースを統合しています…" : "Merging the traces…",
      extra: '<div id="tooltip" role="tooltip" hidden></div>\n',
    });
  }

  dispose(): void {
    if (MergedTimelinePanel.current === this) MergedTimelinePanel.current = undefined;
    this.refreshLater.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
