// Trace bundles in the editor: the server reads the archive (never extracting it), lists its members,
// publishes each trace member's findings under its `icm-bundle:` URI, and hands a member's bytes to
// the client's read-only file system, so a member opens as a trace with every language feature.

import { fileURLToPath } from "node:url";
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from "vscode-languageserver";
import { analyzeBundle, BundleCancelled } from "../analysis/bundle";
import { DEFAULT_ARCHIVE_LIMITS, isMemberPath, readWhole, UnreadableArchiveError, walkBundle, type ArchiveLimits } from "../engine/archive";
import { isEditorOnly } from "../knowledge/catalogue";
import type { Language } from "../shared/text";
import { analysisProgressNotification, bundleMemberUri, type BundleInventory, type BundleMember, type OpenBundleParams, type ReadBundleMemberParams, type Settings } from "../shared/protocol";
import { findingToDiagnostic } from "./diagnostics";
import { analysisOptions } from "./settings";

interface Context {
  readonly connection: Connection;
  readonly settings: () => Settings;
  readonly language: () => Language;
}

/** The archive limits the settings give. */
function archiveLimits(settings: Settings): ArchiveLimits {
  return { ...DEFAULT_ARCHIVE_LIMITS, maxInflateRatio: settings.bundleMaxInflateRatio, maxMemberBytes: settings.bundleMaxMemberMegabytes * 1024 * 1024 };
}

/** A member is read whole for the editor: VS Code hands no larger text to extensions. */
const MAX_MEMBER_BYTES = 64 * 1024 * 1024;

export function registerTraceBundleHandlers(context: Context): {
  openBundle: (params: OpenBundleParams, token: CancellationToken) => Promise<BundleInventory>;
  readMember: (params: ReadBundleMemberParams) => Promise<string>;
} {
  return {
    async openBundle(params, token) {
      if (typeof params?.uri !== "string" || !params.uri.startsWith("file:")) throw new ResponseError(ErrorCodes.InvalidParams, "a file: URI is needed");
      const target = fileURLToPath(params.uri);
      const notify = (fraction: number, message: string) => void context.connection.sendNotification(analysisProgressNotification, { uri: params.uri, fraction, message });
      // First the names (fast: no member is inflated), so that progress can count members.
      let total = 0;
      try {
        await walkBundle(target, async () => void total++, archiveLimits(context.settings()));
      } catch (error) {
        if (error instanceof UnreadableArchiveError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
        throw error;
      }
      const members: BundleMember[] = [];
      const language = context.language();
      try {
        await analyzeBundle(
          target,
          ({ member, analysis }) => {
            members.push(member);
            notify(members.length / Math.max(1, total), member.file.slice(target.length + 2) || member.file);
            if (analysis === null) return;
            const findings = analysis.findings.filter((f) => !isEditorOnly(f.id));
            void context.connection.sendDiagnostics({ uri: bundleMemberUri(member.file), diagnostics: findings.map((f) => findingToDiagnostic(f, language)) });
          },
          { analysis: { ...analysisOptions(context.settings()), editorHints: false }, isCancelled: () => token.isCancellationRequested, limits: archiveLimits(context.settings()) },
        );
      } catch (error) {
        if (error instanceof BundleCancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, "bundle analysis cancelled");
        throw error;
      }
      return { uri: params.uri, members };
    },

    async readMember(params) {
      return (await readMemberBytes(params?.member)).toString("base64");
    },
  };
}

/** A bundle member's bytes (`ARCHIVE!/path`), read whole up to 64 MB. */
export async function readMemberBytes(member: unknown): Promise<Buffer> {
  if (typeof member !== "string" || !isMemberPath(member)) throw new ResponseError(ErrorCodes.InvalidParams, "a member path ARCHIVE!/path is needed");
  let bytes: Buffer | null = null;
  try {
    await walkBundle(member, async (found) => {
      if (found.problem !== null) throw new ResponseError(ErrorCodes.InvalidParams, `${found.name}: ${found.problem}`);
      bytes = await readWhole(await found.open(), MAX_MEMBER_BYTES);
      if (bytes === null) throw new ResponseError(ErrorCodes.InvalidParams, `${found.name} is over ${MAX_MEMBER_BYTES / 1024 / 1024} MB: analyse the bundle instead`);
    });
  } catch (error) {
    if (error instanceof UnreadableArchiveError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
    throw error;
  }
  if (bytes === null) throw new ResponseError(ErrorCodes.InvalidParams, `no member ${member}`);
  return bytes;
}
