// "ICM Trace: Open Trace Bundle…": a zip (or .gz, or a folder) as the customer sent it, mounted
// read-only under `icm-bundle:` so its members open as traces with every language feature; a
// "Trace Bundle" view lists them by host and process with their time span and counts, and the
// bundle's findings go to Problems. The server reads the archive; this side only shows it.

import vscode = require("vscode");
import {
  BUNDLE_SCHEME,
  LANGUAGE_ID,
  openBundleRequest,
  readBundleMemberRequest,
  type BundleInventory,
  type BundleMember,
} from "../../server/src/shared/protocol";
import { withAnalysis } from "./largeFiles";
import type { TraceLanguageClient } from "./languageClient";

export const traceBundleCommands = {
  open: "icmTrace.openTraceBundle",
  openMember: "icmTrace.openBundleMember",
  copyConvert: "icmTrace.copyDumplogCommand",
} as const;

const VIEW_ID = "icmTrace.traceBundle";
const CONTEXT_KEY = "icmTrace.traceBundleOpen";

/** Members by their name: what the file system reads and the view shows. */
class BundleFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly members = new Map<string, BundleMember>();

  constructor(private readonly client: TraceLanguageClient) {}

  remember(inventory: BundleInventory): void {
    for (const member of inventory.members) this.members.set(member.file, member);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const base64 = await this.client.request(readBundleMemberRequest, { member: uri.path });
    return Buffer.from(base64, "base64");
  }

  watch(): vscode.Disposable {
    return { dispose: () => undefined };
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
}

type BundleNode =
  | { readonly kind: "host"; readonly host: string; readonly members: readonly BundleMember[] }
  | { readonly kind: "process"; readonly host: string; readonly process: string; readonly members: readonly BundleMember[] }
  | { readonly kind: "member"; readonly member: BundleMember };

const UNKNOWN_HOST = "?";

function innerName(member: BundleMember): string {
  return member.file.replace(/^.*!\//, "");
}

export function memberUri(member: BundleMember): vscode.Uri {
  return vscode.Uri.from({ scheme: BUNDLE_SCHEME, path: member.file.startsWith("/") ? member.file : `/${member.file}` });
}

/** The "Trace Bundle" view: hosts, their processes, the members. */
class BundleTree implements vscode.TreeDataProvider<BundleNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private members: readonly BundleMember[] = [];

  show(inventory: BundleInventory): void {
    this.members = inventory.members;
    this.changed.fire();
  }

  getChildren(node?: BundleNode): BundleNode[] {
    if (node === undefined) {
      const hosts = new Map<string, BundleMember[]>();
      for (const m of this.members) hosts.set(m.host ?? UNKNOWN_HOST, [...(hosts.get(m.host ?? UNKNOWN_HOST) ?? []), m]);
      return [...hosts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([host, members]) => ({ kind: "host", host, members }));
    }
    if (node.kind === "host") {
      const processes = new Map<string, BundleMember[]>();
      for (const m of node.members) processes.set(m.process ?? UNKNOWN_HOST, [...(processes.get(m.process ?? UNKNOWN_HOST) ?? []), m]);
      return [...processes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([process, members]) => ({ kind: "process", host: node.host, process, members }));
    }
    if (node.kind === "process") return node.members.map((member) => ({ kind: "member", member }));
    return [];
  }

  getTreeItem(node: BundleNode): vscode.TreeItem {
    if (node.kind !== "member") {
      const label = node.kind === "host" ? (node.host === UNKNOWN_HOST ? vscode.l10n.t("(host unknown)") : node.host) : node.process;
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      const errors = node.members.reduce((n, m) => n + m.errors, 0);
      const warnings = node.members.reduce((n, m) => n + m.warnings, 0);
      item.description = vscode.l10n.t("{0} errors, {1} warnings", errors, warnings);
      item.contextValue = node.kind;
      return item;
    }
    const { member } = node;
    const item = new vscode.TreeItem(innerName(member), vscode.TreeItemCollapsibleState.None);
    item.tooltip = member.problem === null ? member.file : `${member.file}\n${member.problem}`;
    if (member.format === "ems") {
      item.description = member.convert ?? "";
      item.contextValue = "emsMember";
      item.iconPath = new vscode.ThemeIcon("file-binary");
    } else if (member.problem !== null) {
      item.description = member.problem;
      item.iconPath = new vscode.ThemeIcon("warning");
    } else if (member.format === "other") {
      item.description = vscode.l10n.t("not a trace");
      item.iconPath = new vscode.ThemeIcon("file");
    } else {
      const span = member.first === null ? "" : `${member.first} – ${member.last} · `;
      item.description = `${span}${vscode.l10n.t("{0} errors, {1} warnings", member.errors, member.warnings)}`;
      item.contextValue = "traceMember";
      item.iconPath = new vscode.ThemeIcon(member.errors > 0 ? "error" : member.warnings > 0 ? "warning" : "pass");
      item.command = { command: traceBundleCommands.openMember, title: vscode.l10n.t("Open"), arguments: [member] };
    }
    return item;
  }
}

export function registerTraceBundles(client: TraceLanguageClient): vscode.Disposable[] {
  const files = new BundleFileSystem(client);
  const tree = new BundleTree();
  /** Opens a bundle in the view; its inventory, or undefined when none was opened. */
  const open = async (uri?: vscode.Uri): Promise<BundleInventory | undefined> => {
    const target = uri ?? (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t("Open Trace Bundle"), filters: { [vscode.l10n.t("Trace bundles")]: ["zip", "gz"] } }))?.[0];
    if (target === undefined) return;
    if (target.scheme !== "file") {
      void vscode.window.showErrorMessage(vscode.l10n.t("ICM Trace: a trace bundle must be a file on this machine ({0})", target.toString()));
      return;
    }
    const inventory = await withAnalysis(client, vscode.l10n.t("Reading the trace bundle {0}", target.path.replace(/^.*\//, "")), openBundleRequest, { uri: target.toString() });
    if (inventory === undefined) return;
    files.remember(inventory);
    tree.show(inventory);
    await vscode.commands.executeCommand("setContext", CONTEXT_KEY, true);
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    const errors = inventory.members.reduce((n, m) => n + m.errors, 0);
    const warnings = inventory.members.reduce((n, m) => n + m.warnings, 0);
    void vscode.window.showInformationMessage(vscode.l10n.t("{0}: {1} members, {2} errors, {3} warnings (in Problems).", target.path.replace(/^.*\//, ""), inventory.members.length, errors, warnings));
    return inventory;
  };
  return [
    vscode.workspace.registerFileSystemProvider(BUNDLE_SCHEME, files, { isReadonly: true, isCaseSensitive: true }),
    vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.commands.registerCommand(traceBundleCommands.open, open),
    vscode.commands.registerCommand(traceBundleCommands.openMember, async (member: BundleMember) => {
      const document = await vscode.workspace.openTextDocument(memberUri(member));
      const trace = document.languageId === LANGUAGE_ID ? document : await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
      await vscode.window.showTextDocument(trace, { preview: true });
    }),
    vscode.commands.registerCommand(traceBundleCommands.copyConvert, async (node: { member?: BundleMember } | undefined) => {
      const command = node?.member?.convert;
      if (command === null || command === undefined) return;
      await vscode.env.clipboard.writeText(command);
      void vscode.window.showInformationMessage(vscode.l10n.t("Copied: {0}", command));
    }),
  ];
}
