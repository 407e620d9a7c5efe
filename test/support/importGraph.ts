// The import graph of the TypeScript sources, read with the compiler's own pre-processor: static,
// type-only, dynamic and `import x = require()` imports alike.

import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface ImportGraph {
  /** Repository-relative paths with forward slashes. */
  readonly files: readonly string[];
  /** File → the files it imports (relative imports that resolve to a source file). */
  readonly edges: ReadonlyMap<string, readonly string[]>;
}

/** The server's layers, lowest first: a file may import its own layer and those below it. */
export const LAYERS: readonly { readonly name: string; readonly rank: number; matches(file: string): boolean }[] = [
  ["shared", 0],
  ["model", 1],
  ["engine", 2],
  ["formats", 3],
  ["knowledge", 4],
  ["analysis", 5],
  ["render", 6],
  ["lsp", 7],
  ["cli", 7],
].map(([name, rank]) => ({ name: name as string, rank: rank as number, matches: (file: string) => file.startsWith(`server/src/${name as string}/`) }))
  .concat([{ name: "entry points", rank: 8, matches: (file: string) => /^server\/src\/[^/]+\.ts$/.test(file) }]);

/** What the client may import from the server. */
const CLIENT_MAY_IMPORT = ["server/src/shared/", "server/src/render/"];

function walk(dir: string, out: string[]): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

function resolveImport(root: string, from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(path.join(root, from)), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile() && candidate.endsWith(".ts")) return path.relative(root, candidate).split(path.sep).join("/");
  }
  return null;
}

export function importGraph(root: string, dirs: readonly string[]): ImportGraph {
  const files = dirs.flatMap((dir) => walk(path.join(root, dir), [])).map((f) => path.relative(root, f).split(path.sep).join("/")).sort();
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), "utf8"), true, true);
    const targets = info.importedFiles
      .map((imported) => imported.fileName)
      .filter((spec) => spec.startsWith("."))
      .map((spec) => resolveImport(root, file, spec))
      .filter((target): target is string => target !== null);
    edges.set(file, [...new Set(targets)]);
  }
  return { files, edges };
}

function layerOf(file: string): { readonly name: string; readonly rank: number } | undefined {
  return LAYERS.find((layer) => layer.matches(file));
}

/** Cycles (strongly connected components of more than one file, or a file importing itself). */
function cycles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative enough for a tree of a few hundred files.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.edges.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (graph.edges.get(file) ?? []).includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.files) if (!index.has(file)) visit(file);
  return found;
}

/** Every breach of the import rules, one line each; empty when there is none. */
export function findImportProblems(graph: ImportGraph): string[] {
  const problems = cycles(graph).map((component) => `cycle: ${component.join(", ")}`);
  for (const [file, targets] of graph.edges) {
    for (const target of targets) {
      if (file.startsWith("client/src/")) {
        if (target.startsWith("server/") && !CLIENT_MAY_IMPORT.some((allowed) => target.startsWith(allowed))) problems.push(`client import: ${file} → ${target}`);
        continue;
      }
      const from = layerOf(file);
      const to = layerOf(target);
      if (from === undefined || to === undefined) continue;
      if (to.rank > from.rank || (to.rank === from.rank && to.name !== from.name)) problems.push(`upward import: ${file} (${from.name}) → ${target} (${to.name})`);
    }
  }
  return problems;
}
