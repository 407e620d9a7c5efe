// A status-bar item for the active trace: its side, role and finding counts. Click: Problems.

import vscode = require("vscode");
import { LANGUAGE_ID, traceSummaryRequest } from "../../server/src/shared/protocol";
import type { TraceLanguageClient } from "./languageClient";

export class TraceStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("icmTrace.summary", vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: TraceLanguageClient) {
    this.item.name = vscode.l10n.t("ICM Trace summary");
    this.item.command = "workbench.actions.view.problems";
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.languages.onDidChangeDiagnostics(() => void this.update()),
      client.onReady(() => void this.update()),
    );
    void this.update();
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (document === undefined || document.languageId !== LANGUAGE_ID || this.client.running === undefined) {
      this.item.hide();
      return;
    }
    try {
      const summary = await this.client.request(traceSummaryRequest, { uri: document.uri.toString() });
      if (summary === null || vscode.window.activeTextEditor?.document !== document) return;
      const side = summary.side === null ? vscode.l10n.t("side ?") : vscode.l10n.t("Side {0}", summary.side);
      const role = summary.role === "send" ? vscode.l10n.t("sending") : summary.role === "receive" ? vscode.l10n.t("receiving") : "";
      this.item.text = `$(pulse) ${side}${role === "" ? "" : ` · ${role}`}  $(error) ${summary.errors}  $(warning) ${summary.warnings}`;
      this.item.tooltip = vscode.l10n.t("ICM trace: {0} entries. Click to open Problems.", summary.entries);
      this.item.show();
    } catch {
      this.item.hide();
    }
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
