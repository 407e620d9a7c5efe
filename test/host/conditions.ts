// Waiting on the editor's own events instead of sleeping.

import * as vscode from "vscode";

/** Resolves with the document's diagnostics once `accept` says they are complete. */
export function diagnosticsMatching(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      finish();
      resolve(current);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${String(codeOf(d))} (${vscode.DiagnosticSeverity[d.severity]})`);
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.fsPath}; saw: ${seen.join(", ") || "none"}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      listener.dispose();
    };
    check();
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === "object" ? code.value : code;
}

/** Retries a provider command until it returns something, since the server starts lazily. */
export async function untilProvided<T>(provide: () => Thenable<T | undefined>, isEnough: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await provide();
    if (value !== undefined && isEnough(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms; last answer: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
