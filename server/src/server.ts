// The ICM trace language server: LSP over stdio or node IPC. Every feature reads the one
// analysis of the document version it serves (see lsp/analysisCache.ts).

import "./lsp/engineFlags";
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { catalogueRecord } from "./knowledge/catalogue";
import { formatClock } from "./engine/clock";
import { readClockText } from "./engine/clockText";
import { splitText } from "./engine/splitText";
import { AnalysisCache, type DocumentAnalysis } from "./lsp/analysisCache";
import { codeActionsFor, isSplitActionData, splitEdits } from "./lsp/codeActions";
import { rangeOf, toDiagnostics } from "./lsp/diagnostics";
import { foldingRanges } from "./lsp/folding";
import { hoverAt } from "./lsp/hover";
import { analysisOptions, explanationLanguage, normalizeSettings, zoneMinutes } from "./lsp/settings";
import { documentSymbols } from "./lsp/symbols";
import { explainRecord } from "./lsp/explanation";
import { crossFileRelated, pairDiagnostics } from "./lsp/pairing";
import { registerLargeFileHandlers } from "./lsp/largeFiles";
import { registerTraceBundleHandlers } from "./lsp/traceBundles";
import { callIdAt, callIdHover, callReferences } from "./lsp/callIdentifiers";
import { mergedView } from "./lsp/mergedView";
import { mergedTimeline } from "./lsp/mergedTimeline";
import { readTraceUri } from "./lsp/readTraceUri";
import { analyzeTrace } from "./analysis/analyze";
import { countBySeverity } from "./model/findings";
import { compareTraces } from "./analysis/compare";
import { sideFromPath } from "./knowledge/traceFacts";
import {
  analyzeFileRequest,
  analyzeFolderRequest,
  compareRequest,
  defaultSettings,
  entryAtTimeRequest,
  explanationRequest,
  mergedTimelineRequest,
  mergedViewRequest,
  openBundleRequest,
  readBundleMemberRequest,
  splitTextRequest,
  traceSummaryRequest,
  type Settings,
} from "./shared/protocol";
import { VERSION } from "./shared/version";

const CHANGE_DEBOUNCE_MS = 150;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: Settings = defaultSettings;
  let clientLocale: string | undefined;
  let canPullConfiguration = false;
  /** Whether the client fills in a code action's edit on demand (`codeAction/resolve`). */
  let canResolveEdits = false;
  const cache = new AnalysisCache(() => settings);
  const pending = new Map<string, NodeJS.Timeout>();

  const language = () => explanationLanguage(settings, clientLocale);
  const log = (message: string) => connection.console.log(message);

  /** Runs a handler; a bad request gets an error reply and the server keeps serving. */
  function guarded<P, R>(name: string, handler: (params: P) => R): (params: P) => R | ResponseError<void> | Promise<Awaited<R> | ResponseError<void>> {
    const failed = (error: unknown): ResponseError<void> => {
      if (error instanceof ResponseError) return error;
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    };
    return (params: P) => {
      try {
        const result = handler(params);
        return result instanceof Promise ? (result as Promise<Awaited<R>>).catch(failed) : result;
      } catch (error) {
        return failed(error);
      }
    };
  }

  function documentOf(params: unknown): TextDocument {
    const uri = (params as { textDocument?: { uri?: unknown }; uri?: unknown } | null)?.textDocument?.uri ?? (params as { uri?: unknown } | null)?.uri;
    if (typeof uri !== "string") throw new ResponseError(ErrorCodes.InvalidParams, "a document uri is needed");
    const document = documents.get(uri);
    if (document === undefined) throw new ResponseError(ErrorCodes.InvalidParams, `the document is not open: ${uri}`);
    return document;
  }

  function offsetOf(doc: DocumentAnalysis, params: unknown): number {
    const position = (params as { position?: { line?: unknown; character?: unknown } }).position;
    if (position === undefined || typeof position.line !== "number" || typeof position.character !== "number" || position.line < 0 || position.character < 0) {
      throw new ResponseError(ErrorCodes.InvalidParams, "a valid position is needed");
    }
    return doc.analysis.split.lineIndex.offsetAt({ line: position.line, character: position.character });
  }

  function publish(document: TextDocument): void {
    try {
      const doc = cache.get(document);
      const others = documents.all().filter((d) => d.uri !== document.uri).map((d) => cache.get(d));
      const crossFile = crossFileRelated(doc, others, language());
      const diagnostics = [...toDiagnostics(doc, language(), crossFile), ...pairDiagnostics(doc, others, language())];
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
      // The analysis lists line starts only as it needs them; hovers and edits ask in any order.
      doc.analysis.split.lineIndex.listStarts();
    } catch (error) {
      log(`analysis of ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** Other open traces: their cross-file information may point at this one (analyses are cached). */
  function republishPeers(uri: string): void {
    for (const other of documents.all()) {
      if (other.uri !== uri) publish(other);
    }
  }

  function schedule(document: TextDocument, delay: number): void {
    const previous = pending.get(document.uri);
    if (previous !== undefined) clearTimeout(previous);
    const run = (current: TextDocument) => {
      publish(current);
      republishPeers(current.uri);
    };
    if (delay === 0) {
      pending.delete(document.uri);
      run(document);
      return;
    }
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        const current = documents.get(document.uri);
        if (current !== undefined) run(current);
      }, delay),
    );
  }

  async function refreshSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      const [section] = await connection.workspace.getConfiguration([{ section: "icmTrace" }]);
      // A null answer keeps what initializationOptions or the defaults gave.
      if (section !== null && section !== undefined) settings = normalizeSettings(section);
    } catch (error) {
      log(`workspace/configuration failed, keeping settings: ${String(error)}`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale;
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings !== undefined) settings = normalizeSettings(options.settings);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canResolveEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes("edit") === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        referencesProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
        documentFormattingProvider: true,
        documentSymbolProvider: { label: "ICM Trace" },
        foldingRangeProvider: true,
      },
      serverInfo: { name: "icm-trace-server", version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: "icmTrace" }).catch(() => undefined);
      await refreshSettings();
      documents.all().forEach((d) => schedule(d, 0));
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { icmTrace?: unknown } | null)?.icmTrace;
    if (canPullConfiguration) await refreshSettings();
    else if (pushed !== undefined) settings = normalizeSettings(pushed);
    documents.all().forEach((d) => schedule(d, 0));
  });

  // TextDocuments reports an open as an open and then a content change: publish once, at once.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
    schedule(event.document, 0);
  });
  documents.onDidChangeContent((event) => {
    if (justOpened.delete(event.document.uri)) return;
    schedule(event.document, CHANGE_DEBOUNCE_MS);
  });
  documents.onDidClose((event) => {
    const timer = pending.get(event.document.uri);
    if (timer !== undefined) clearTimeout(timer);
    pending.delete(event.document.uri);
    justOpened.delete(event.document.uri);
    cache.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    republishPeers(event.document.uri);
  });

  connection.onHover(guarded("hover", (params) => {
    const doc = cache.get(documentOf(params));
    const offset = offsetOf(doc, params);
    const failures = hoverAt(doc, offset, language());
    // An identifier of a call under the cursor: what it is and how often the open traces name it.
    const named = callIdAt(doc, offset);
    if (named === undefined) return failures;
    const section = callIdHover(documents.all().map((d) => cache.get(d)), named, language());
    if (failures === null) return { contents: { kind: "markdown", value: section }, range: rangeOf(doc, named.start, named.end) };
    return { ...failures, contents: { kind: "markdown", value: `${section}\n\n---\n\n${(failures.contents as { value: string }).value}` } };
  }));

  connection.onRequest(mergedViewRequest, guarded("mergedView", (params) => mergedView(params, documents, language())));

  connection.onRequest(mergedTimelineRequest, guarded("mergedTimeline", (params) => mergedTimeline(params, documents, { language: language(), zoneMinutes: zoneMinutes(settings) })));

  connection.onReferences(guarded("references", (params) => {
    const doc = cache.get(documentOf(params));
    const named = callIdAt(doc, offsetOf(doc, params));
    return named === undefined ? [] : callReferences(documents.all().map((d) => cache.get(d)), named.id);
  }));

  connection.onCodeAction(guarded("codeAction", (params) => codeActionsFor(cache.get(documentOf(params)), params, language(), canResolveEdits)));

  connection.onCodeActionResolve(guarded("codeActionResolve", (action) => {
    if (!isSplitActionData(action.data)) return action;
    const document = documents.get(action.data.splitUri);
    if (document === undefined || document.version !== action.data.version) {
      throw new ResponseError(ErrorCodes.InvalidParams, "the document changed; ask for the quick fix again");
    }
    return { ...action, edit: { changes: { [document.uri]: splitEdits(cache.get(document)) } } };
  }));

  connection.onDocumentFormatting(guarded("formatting", (params) => splitEdits(cache.get(documentOf(params)))));

  connection.onDocumentSymbol(guarded("documentSymbol", (params) => documentSymbols(cache.get(documentOf(params)), language())));

  connection.onFoldingRanges(guarded("foldingRange", (params) => foldingRanges(cache.get(documentOf(params)))));

  connection.onRequest(traceSummaryRequest, guarded("traceSummary", (params) => {
    const document = documents.get(typeof params?.uri === "string" ? params.uri : "");
    if (document === undefined) return null;
    const { analysis } = cache.get(document);
    return {
      side: analysis.side ?? sideFromPath(decodeURIComponent(document.uri)),
      role: analysis.role,
      entries: analysis.split.timedCount,
      ...countBySeverity(analysis.findings),
    };
  }));

  connection.onRequest(splitTextRequest, guarded("splitText", (params) => splitText(cache.get(documentOf(params)).analysis.split)));

  connection.onRequest(entryAtTimeRequest, guarded("entryAtTime", (params) => {
    const doc = cache.get(documentOf(params));
    const wanted = readClockText(typeof params.time === "string" ? params.time : "");
    if (wanted === null) throw new ResponseError(ErrorCodes.InvalidParams, "time must be HH:MM or HH:MM:SS");
    const { split } = doc.analysis;
    let index = 0;
    while (index < split.count && !((split.clockOf(index) ?? -1) >= wanted)) index++;
    if (index >= split.count) return null;
    const entry = split.entryAt(index);
    return { line: entry.line, character: entry.column, time: formatClock(entry.clock ?? 0) };
  }));

  connection.onRequest(compareRequest, guarded("compare", (params) => {
    const uris = params?.uris;
    if (!Array.isArray(uris) || uris.length !== 2 || !uris.every((u) => typeof u === "string")) {
      throw new ResponseError(ErrorCodes.InvalidParams, "compare needs two document URIs");
    }
    const inputs = uris.map((uri) => ({ file: uri, analysis: analysisOf(uri) }));
    const model = compareTraces(inputs[0]!, inputs[1]!, { zoneMinutes: zoneMinutes(settings) });
    const ordered = model.sides.map((s) => s.file) as [string, string];
    return { model, uris: ordered, language: language() };
  }));

  /** An open document's analysis, or a file read from disk (traces need not be open to compare). */
  function analysisOf(uri: string) {
    const document = documents.get(uri);
    if (document !== undefined) return cache.get(document).analysis;
    return analyzeTrace(readTraceUri(uri), analysisOptions(settings));
  }

  const largeFiles = registerLargeFileHandlers({ connection, settings: () => settings, language });
  const traceBundles = registerTraceBundleHandlers({ connection, settings: () => settings, language });
  connection.onRequest(openBundleRequest, (params, token) => traceBundles.openBundle(params, token));
  connection.onRequest(readBundleMemberRequest, (params) => traceBundles.readMember(params));
  connection.onRequest(analyzeFileRequest, (params, token) => largeFiles.analyzeFile(params, token));
  connection.onRequest(analyzeFolderRequest, (params, token) => largeFiles.analyzeFolder(params, token));

  connection.onRequest(explanationRequest, guarded("explanation", (params) => {
    const record = catalogueRecord(typeof params?.id === "string" ? params.id : "");
    return record === undefined ? null : explainRecord(record, language());
  }));

  documents.listen(connection);
  connection.listen();
}

// Stay up whatever a request or document throws at us; log it where the user can see it.
process.on("uncaughtException", (error) => {
  process.stderr.write(`icm-trace-server: uncaught ${error.stack ?? error.message}\n`);
});
process.on("unhandledRejection", (reason) => {
  process.stderr.write(`icm-trace-server: unhandled rejection ${String(reason)}\n`);
});

startServer(createConnection(ProposedFeatures.all));
