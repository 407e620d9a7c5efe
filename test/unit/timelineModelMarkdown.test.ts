// "Copy Diagnosis as Markdown": the verdict, both sides' evidence with times, and the fixes, in
// Markdown that shows trace text literally when a support ticket renders it.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeTrace } from "../../server/src/analysis/analyze";
import { compareTraces, type CompareModel } from "../../server/src/analysis/compare";
import { compareAsMarkdown, escapeMarkdownText } from "../../server/src/render/compareMarkdown";
import { seedReceive, seedSend } from "./helpers";

function seedModel(): CompareModel {
  return compareTraces(
    { file: "/tmp/x/sideA-lgr-receive.txt", analysis: analyzeTrace(seedReceive()) },
    { file: "/tmp/x/sideB-lgr-send.txt", analysis: analyzeTrace(seedSend()) },
  );
}

describe("diagnosis as Markdown", () => {
  it("gives the verdict, evidence from both sides with times, and the fixes", () => {
    const md = compareAsMarkdown(seedModel(), "en", { files: ["traces/sideA-lgr-receive.txt", "traces/sideB-lgr-send.txt"] });
    assert.match(md, /^## ICM state transfer diagnosis: `temp-file-access-denied`\n/);
    assert.match(md, /^- Side A · receiving: `traces\/sideA-lgr-receive.txt`$/m);
    assert.match(md, /^- Clock offset of Side B · sending: \+6 h 39 min \(\+23965 s\)$/m);
    assert.match(md, /^\*\*Verdict\*\*: Side B \(sending\) could not create its temporary state-transfer file/m);
    // Side A's evidence on its own clock; side B's on its own and on A's.
    assert.match(md, /^- Side A · receiving, `23:27:04`, `traces\/sideA-lgr-receive.txt:1:1465`:$/m);
    assert.match(md, /^- Side B · sending, `16:47:39` \(23:27:04 on Side A's clock\), `traces\/sideB-lgr-send.txt:1:394`:$/m);
    assert.match(md, /^ {2}`16:47:39 Trace: Unable to GetTempFileName for temporary state transfer file\. Last API Error \[5\]: Access is denied\.`$/m);
    assert.match(md, /^1\. Find the account of the sending side's Node Manager service/m);
    // `<cust_inst>` in a fix stays visible instead of becoming an HTML tag.
    assert.match(md, /Cisco ICM \\<cust\\_inst\\> LoggerB/);
    assert.ok(md.endsWith("\n"));
  });

  it("uses the offset the view has set", () => {
    const model = seedModel();
    const md = compareAsMarkdown(model, "en", { offsetSeconds: model.offsetSeconds + 60 });
    assert.match(md, /\+6 h 40 min \(\+24025 s\)/);
    assert.match(md, /`16:47:39` \(23:28:04 on Side A's clock\)/);
  });

  it("is written in Japanese on request", () => {
    const md = compareAsMarkdown(seedModel(), "ja");
    assert.match(md, /^## ICM 状態転送の診断: `temp-file-access-denied`/);
    assert.match(md, /\*\*根拠\*\*/);
    assert.match(md, /\*\*対処\*\*/);
    assert.match(md, /サイド B · 送信側, `16:47:39` \(サイド A の時計で 23:27:04\)/);
  });

  it("keeps hostile trace text inside code spans, whatever backticks it holds", () => {
    const model = seedModel();
    const hostile = "16:47:39 <img src=x onerror=alert(1)> ``` `x` <script>alert(1)</script>\nsecond line";
    const evidence = model.verdict.evidence.map((e) => ({ ...e, text: hostile }));
    const md = compareAsMarkdown({ ...model, verdict: { ...model.verdict, evidence } }, "en");
    const line = md.split("\n").find((l) => l.includes("onerror"))!;
    assert.equal(line, "  ````16:47:39 <img src=x onerror=alert(1)> ``` `x` <script>alert(1)</script> second line````");
  });

  it("lists the pair's other issues with their lines on both sides, when the model has them", () => {
    const model = seedModel();
    const [a, b] = [model.verdict.evidence[0]!, model.verdict.evidence.find((e) => e.sideIndex === 1)!];
    const pairIssues = [{ id: "config-checksum-mismatch", severity: "error" as const, message: { en: "Checksums <differ>.", ja: "チェックサムが違います。" }, evidence: [a, b] }];
    const withIssues = { ...model, pairIssues };
    const md = compareAsMarkdown(withIssues, "en");
    assert.match(md, /\*\*Also found in both traces together\*\*\n\n- `config-checksum-mismatch` \(error\): Checksums \\<differ\\>\.\n {2}- Side A · receiving, `23:27:04`/);
    assert.doesNotMatch(compareAsMarkdown(model, "en"), /Also found/);
  });

  it("escapes what Markdown would read as markup in plain text", () => {
    assert.equal(escapeMarkdownText("a <b> *c* _d_ [e](f) `g` | ~h~ \\ &amp;"), "a \\<b\\> \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\` \\| \\~h\\~ \\\\ \\&amp;");
    assert.equal(escapeMarkdownText("# not a heading", { startsLine: true }), "\\# not a heading");
    assert.equal(escapeMarkdownText("1. not a list", { startsLine: true }), "1\\. not a list");
    assert.equal(escapeMarkdownText("- not a list", { startsLine: true }), "\\- not a list");
    assert.equal(escapeMarkdownText("+6 h in a line"), "+6 h in a line");
    assert.equal(escapeMarkdownText("two\nlines"), "two lines");
  });
});
