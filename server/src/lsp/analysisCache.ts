// Parse once per document version: every feature reads the one analysis of the version it serves.

import type { TextDocument } from "vscode-languageserver-textdocument";
import { analyzeTrace, type TraceAnalysis } from "../analysis/analyze";
import { tracePhases, type TracePhase } from "../analysis/transferEvents";
import type { Settings } from "../shared/protocol";
import { analysisOptions } from "./settings";

export interface DocumentAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly analysis: TraceAnalysis;
  /** Computed on first use: not every document is asked for its outline. */
  phases(): readonly TracePhase[];
}

interface CacheSlot {
  readonly version: number;
  readonly settingsKey: string;
  readonly value: DocumentAnalysis;
}

export class AnalysisCache {
  private readonly slots = new Map<string, CacheSlot>();

  constructor(private readonly settings: () => Settings) {}

  get(document: TextDocument): DocumentAnalysis {
    const settings = this.settings();
    const settingsKey = `${settings.receiveErrorAfterSeconds}|${settings.ignore.join(",")}`;
    const slot = this.slots.get(document.uri);
    if (slot !== undefined && slot.version === document.version && slot.settingsKey === settingsKey) return slot.value;
    const analysis = analyzeTrace(document.getText(), analysisOptions(settings));
    let phases: readonly TracePhase[] | undefined;
    const value: DocumentAnalysis = {
      uri: document.uri,
      version: document.version,
      analysis,
      phases: () => (phases ??= tracePhases(analysis.split)),
    };
    this.slots.set(document.uri, { version: document.version, settingsKey, value });
    return value;
  }

  forget(uri: string): void {
    this.slots.delete(uri);
  }

  clear(): void {
    this.slots.clear();
  }
}
