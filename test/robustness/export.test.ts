// Hostile trace text in the HTML export shows as text and never runs.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { main } from "../../server/src/cli/main";

const HOSTILE = [
  "23:27:04 Initiating state transfer RECEIVE operation.",
  "23:27:08 Trace: <script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a> </style><b>bold</b>",
  "23:27:18 Trace: NodeManagerHandler: Logger Waiting for MDS Messages",
  "",
].join("\n");

describe("HTML export with hostile trace text", () => {
  it("escapes everything, has a CSP with a nonce and no script at all", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "icm-export-"));
    const a = path.join(dir, "sideA-lgr-<img src=x onerror=alert(4)>.txt");
    const b = path.join(dir, "sideB-lgr.txt");
    writeFileSync(a, HOSTILE);
    writeFileSync(b, "16:47:39 Trace: PrepareToSendState\n16:47:39 Trace: Unable to GetTempFileName for temporary state transfer file. Last API Error [5]: Access is denied.\n");
    const out = path.join(dir, "timeline.html");
    let stderr = "";
    const code = await main(["compare", "--html", out, a, b], { stdout: () => undefined, stderr: (t) => (stderr += t) });
    assert.equal(code, 0, stderr);
    const html = readFileSync(out, "utf8");
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /<a href/i);
    assert.doesNotMatch(html, /<b>bold/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x onerror=alert\(2\)&gt;/);
    assert.equal((html.match(/<\/style>/g) ?? []).length, 1, "only the page's own style closes");
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]+'/);
    assert.match(html, /temp-file-access-denied/);
  });
});
