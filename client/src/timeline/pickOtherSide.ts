// Picks the other side's trace for a comparison: open trace editors first, then trace files of
// the workspace, then a file dialog. Names that say the opposite side (sideB for sideA) come first.

import vscode = require("vscode");
import { sideFromFileName } from "../../../server/src/shared/compareModel";
import { LANGUAGE_ID } from "../../../server/src/shared/protocol";

interface SideItem extends vscode.QuickPickItem {
  readonly uri?: vscode.Uri;
  readonly browse?: true;
}

/** Logger traces by name (`*lgr*.txt`, as the language's file patterns) and `.icmtrace` files. */
const WORKSPACE_TRACES = "**/*{lgr,Lgr,LGR}*.{txt,TXT,log}";
const WORKSPACE_TRACE_FILES = "**/*.icmtrace";
const EXCLUDE = "**/{node_modules,.git,.vscode-test,out,dist}/**";
const MAX_FILES = 300;

export async function pickOtherSide(first: vscode.Uri): Promise<vscode.Uri | undefined> {
  const firstSide = sideFromFileName(first.path);
  const items = listCandidates(first, firstSide);
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t("Compare {0} with…", baseName(first)),
    placeHolder: vscode.l10n.t("Pick the other side's trace (the sending side if this one received)"),
    matchOnDescription: true,
    ignoreFocusOut: false,
  });
  if (picked === undefined) return undefined;
  if (picked.browse === true) {
    const chosen = await vscode.window.showOpenDialog({
      title: vscode.l10n.t("The other side's trace"),
      openLabel: vscode.l10n.t("Compare"),
      canSelectMany: false,
      defaultUri: vscode.Uri.joinPath(first, ".."),
      filters: { [vscode.l10n.t("Traces")]: ["txt", "log", "icmtrace"], [vscode.l10n.t("All files")]: ["*"] },
    });
    return chosen?.[0];
  }
  return picked.uri;
}

async function listCandidates(first: vscode.Uri, firstSide: "A" | "B" | null): Promise<SideItem[]> {
  const seen = new Set<string>([first.toString()]);
  const open: vscode.Uri[] = [];
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (!(tab.input instanceof vscode.TabInputText)) continue;
      const uri = tab.input.uri;
      if (seen.has(uri.toString()) || !isOpenTrace(uri)) continue;
      seen.add(uri.toString());
      open.push(uri);
    }
  }
  let files: vscode.Uri[] = [];
  try {
    const [byName, byExtension] = await Promise.all([
      vscode.workspace.findFiles(WORKSPACE_TRACES, EXCLUDE, MAX_FILES),
      vscode.workspace.findFiles(WORKSPACE_TRACE_FILES, EXCLUDE, MAX_FILES),
    ]);
    files = [...byName, ...byExtension].filter((uri) => {
      if (seen.has(uri.toString())) return false;
      seen.add(uri.toString());
      return true;
    });
  } catch {
    // No folder open, or a virtual workspace without search: the open editors and Browse remain.
  }
  const likely = (uri: vscode.Uri): number => {
    const side = sideFromFileName(uri.path);
    return firstSide !== null && side !== null && side !== firstSide ? 0 : 1;
  };
  const byLikelihood = (p: vscode.Uri, q: vscode.Uri) => likely(p) - likely(q) || baseName(p).localeCompare(baseName(q));
  const item = (uri: vscode.Uri): SideItem => {
    const side = sideFromFileName(uri.path);
    const relative = vscode.workspace.asRelativePath(uri, false);
    const dir = relative.includes("/") ? relative.replace(/\/[^/]*$/, "") : "";
    const hint = firstSide !== null && side !== null && side !== firstSide ? vscode.l10n.t("Side {0}: likely the other side", side) : "";
    return { label: baseName(uri), description: [hint, dir].filter((t) => t !== "").join(" · "), uri };
  };
  const items: SideItem[] = [];
  if (open.length > 0) {
    items.push({ label: vscode.l10n.t("Open traces"), kind: vscode.QuickPickItemKind.Separator });
    items.push(...open.sort(byLikelihood).map(item));
  }
  if (files.length > 0) {
    items.push({ label: vscode.l10n.t("Workspace traces"), kind: vscode.QuickPickItemKind.Separator });
    items.push(...files.sort(byLikelihood).map(item));
  }
  items.push({ label: "", kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: `$(folder-opened) ${vscode.l10n.t("Browse…")}`, description: vscode.l10n.t("Choose a file on disk"), alwaysShow: true, browse: true });
  return items;
}

/** An open tab is offered when its document is an ICM trace, or its name looks like one. */
function isOpenTrace(uri: vscode.Uri): boolean {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document !== undefined) return document.languageId === LANGUAGE_ID;
  return /lgr.*\.(txt|log)$|\.icmtrace$/i.test(uri.path);
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.replace(/^.*\//, "");
}
