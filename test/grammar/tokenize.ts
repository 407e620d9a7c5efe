// Tokenizes lines with the ICM trace grammar through the engine VS Code uses (vscode-textmate on
// vscode-oniguruma), so the tests see exactly the scopes a theme would be asked to colour.

import * as fs from "node:fs";
import * as path from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as vsctm from "vscode-textmate";

/** The repository root, from out/test/grammar (compiled) or test/grammar (source). */
export const REPO_ROOT = path.resolve(__dirname, "../../..");
export const GRAMMAR_PATH = path.join(REPO_ROOT, "syntaxes", "icm-trace.tmLanguage.json");
export const SCOPE_NAME = "text.icm-trace";

export interface Token {
  readonly text: string;
  /** Outermost first, as vscode-textmate reports them; always starts with `text.icm-trace`. */
  readonly scopes: readonly string[];
}

let onigLibPromise: Promise<vsctm.IOnigLib> | undefined;
let grammarPromise: Promise<vsctm.IGrammar> | undefined;

/** The Oniguruma engine, loaded once per process (its WASM can be loaded only once). */
function loadOnigLib(): Promise<vsctm.IOnigLib> {
  onigLibPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(REPO_ROOT, "node_modules", "vscode-oniguruma", "release", "onig.wasm"));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLibPromise;
}

function createRegistry(theme?: vsctm.IRawTheme): vsctm.Registry {
  const registry = new vsctm.Registry({
    onigLib: loadOnigLib(),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== SCOPE_NAME) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, "utf8"), GRAMMAR_PATH);
    },
  });
  if (theme !== undefined) registry.setTheme(theme);
  return registry;
}

async function loadFrom(registry: vsctm.Registry): Promise<vsctm.IGrammar> {
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  if (grammar === null) throw new Error(`grammar ${SCOPE_NAME} did not load from ${GRAMMAR_PATH}`);
  return grammar;
}

/** The grammar, loaded once per process. */
export function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= loadFrom(createRegistry());
  return grammarPromise;
}

/** The tokens of one line, tokenized from the initial state with no time limit. */
export async function tokenizeLine(line: string): Promise<Token[]> {
  const grammar = await loadGrammar();
  const result = grammar.tokenizeLine(line, vsctm.INITIAL);
  return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

/** One token a line: its text in JSON quotes, then its scopes without the root scope. */
export function formatTokens(tokens: readonly Token[]): string {
  return tokens
    .map((t) => `${JSON.stringify(t.text).padEnd(32)} ${t.scopes.filter((s) => s !== SCOPE_NAME).join(" | ")}`)
    .join("\n");
}

// vscode-textmate packs a token's foreground colour id into bits 15-23 of its metadata.
const FOREGROUND_MASK = 0x00ff8000;
const FOREGROUND_OFFSET = 15;

/**
 * The foreground colour (`#RRGGBB`, upper case) that `theme` gives each UTF-16 position of the
 * line, resolved by vscode-textmate's theme matcher as VS Code resolves it.
 */
export async function foregroundsOf(line: string, theme: vsctm.IRawTheme): Promise<string[]> {
  const registry = createRegistry(theme);
  const grammar = await loadFrom(registry);
  const colorMap = registry.getColorMap();
  const { tokens } = grammar.tokenizeLine2(line, vsctm.INITIAL);
  const colours = new Array<string>(line.length).fill("");
  for (let i = 0; i < tokens.length; i += 2) {
    const start = tokens[i]!;
    const end = i + 2 < tokens.length ? tokens[i + 2]! : line.length;
    const colour = colorMap[(tokens[i + 1]! & FOREGROUND_MASK) >>> FOREGROUND_OFFSET] ?? "";
    colours.fill(colour.toUpperCase(), start, end);
  }
  return colours;
}
