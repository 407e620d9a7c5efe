// recheck (a ReDoS analyser; its native build ships in its npm packages) as the tests use it. Its
// fuzzing checker is bounded by step counts, not wall-clock time, so that a busy machine cannot
// turn a slow run into a false "vulnerable" or a flaky "safe".

import assert from "node:assert/strict";

export interface RecheckDiagnostics {
  readonly status: "safe" | "vulnerable" | "unknown";
  readonly checker?: string;
  readonly complexity?: { readonly type: string; readonly summary: string };
  readonly attack?: { readonly pattern: string };
  readonly error?: { readonly kind: string };
}

export interface Recheck {
  check(source: string, flags: string, params?: Record<string, unknown>): Promise<RecheckDiagnostics>;
}

export const RECHECK_PARAMS = {
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
  attackLimit: 10_000_000,
  timeout: null,
};

export function loadRecheck(): Recheck {
  try {
    // Loaded at run time so that the build does not need recheck's types.
    return require("recheck") as Recheck;
  } catch (error) {
    assert.fail(`the ReDoS check needs the npm package recheck as a devDependency (${String(error)})`);
  }
}

export function describeVerdict(d: RecheckDiagnostics): string {
  return `${d.status}${d.complexity ? ` (${d.complexity.summary})` : ""}${d.attack ? `, attack ${d.attack.pattern}` : ""}${d.error ? `, ${d.error.kind}` : ""}`;
}
