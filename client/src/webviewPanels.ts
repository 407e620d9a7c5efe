// What the timeline panels share: their webview's options and page (a strict CSP with a nonce, the
// built script and stylesheet, a loading text), the language of that text, opening a trace at a
// position from the panel, and refreshing once a trace's edits pause.

import vscode = require("vscode");
import { cspNonce } from "../../server/src/render/html";

export function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    // Only the built bundles and their stylesheets: nothing else of the extension or the workspace.
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, "media", "dist")],
  };
}

/** The language of the loading text, before the server has said which it uses. */
export function displayLanguage(): "en" | "ja" {
  const setting = vscode.workspace.getConfiguration("icmTrace").get<string>("explanationLanguage", "auto");
  if (setting === "en" || setting === "ja") return setting;
  return vscode.env.language.toLowerCase().startsWith("ja") ? "ja" : "en";
}

export interface WebviewPage {
  /** `media/dist/<bundle>.js` and `.css`. */
  readonly bundle: string;
  readonly title: string;
  readonly loading: string;
  /** Fixed markup after the app's element (no trace text). */
  readonly extra?: string;
}

/** The page of a panel: its script only with the nonce, styles, images and fonts only from the extension. */
export function webviewHtml(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, page: WebviewPage): string {
  const webview = panel.webview;
  const nonce = cspNonce();
  const dist = vscode.Uri.joinPath(context.extensionUri, "media", "dist");
  const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, `${page.bundle}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, `${page.bundle}.css`));
  const csp = ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`, `font-src ${webview.cspSource}`].join("; ");
  return `<!DOCTYPE html>
<html lang="${displayLanguage()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style.toString()}">
<title>${page.title}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">${page.loading}</p></main>
${page.extra ?? ""}<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** Opens a trace and selects the position, in the editor group it is shown in, else the group left of the panel (or beside it). */
export async function revealFromPanel(panel: vscode.WebviewPanel, uri: string, line: number, column: number): Promise<void> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  const panelColumn = panel.viewColumn;
  const viewColumn = visible?.viewColumn ?? (panelColumn === undefined || panelColumn <= vscode.ViewColumn.One ? vscode.ViewColumn.Beside : ((panelColumn - 1) as vscode.ViewColumn));
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const position = document.validatePosition(new vscode.Position(line, column));
  const editor = await vscode.window.showTextDocument(document, { viewColumn, preserveFocus: false, preview: false });
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
}

/** How long a trace's edits pause before its panel refreshes. */
export const REFRESH_DELAY_MS = 800;

/** A call made once requests pause for `delayMs` (a trace being typed into refreshes its panel once). */
export class DelayedCall implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly call: () => void,
    private readonly delayMs: number,
  ) {}

  request(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.call();
    }, this.delayMs);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
