// The import rules of docs/architecture.md, checked on the sources: no cycles (type-only imports
// count), server layers import only downwards, the client imports only the wire module and the
// renderers.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import path from "node:path";
import { findImportProblems, importGraph, LAYERS } from "../support/importGraph";

const root = path.resolve(__dirname, "../../..");

describe("architecture", () => {
  const graph = importGraph(root, ["server/src", "client/src"]);

  it("reads the whole tree", () => {
    assert.ok(graph.files.length > 80, `only ${graph.files.length} files read`);
    assert.ok(graph.files.every((file) => LAYERS.some((layer) => layer.matches(file)) || file.startsWith("client/src/")), "a server file outside every layer");
  });

  it("has no import cycle and imports only downwards", () => {
    assert.deepEqual(findImportProblems(graph), []);
  });

  it("tells a cycle, a type-only one included, an upward import and a client import of the analysis", () => {
    const edges = new Map(graph.edges);
    // engine/entries.ts imports engine/clock.ts: a type-only import back closes a cycle.
    edges.set("server/src/engine/clock.ts", [...(edges.get("server/src/engine/clock.ts") ?? []), "server/src/engine/entries.ts", "server/src/knowledge/catalogue.ts"]);
    edges.set("client/src/statusBar.ts", [...(edges.get("client/src/statusBar.ts") ?? []), "server/src/analysis/compare.ts"]);
    assert.ok(graph.edges.get("server/src/engine/entries.ts")?.includes("server/src/engine/clock.ts"));
    const problems = findImportProblems({ files: graph.files, edges });
    assert.ok(problems.some((p) => p.startsWith("cycle:") && p.includes("server/src/engine/clock.ts")), problems.join("\n"));
    assert.ok(problems.some((p) => p.startsWith("client import: client/src/statusBar.ts")), problems.join("\n"));
    assert.ok(problems.some((p) => p.startsWith("upward import: server/src/engine/clock.ts")), problems.join("\n"));
  });
});
