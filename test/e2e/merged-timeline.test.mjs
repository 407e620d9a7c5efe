// The merged timeline in a real workbench: a bundle's router, CVP and PG traces opened as members,
// their lanes grouped by host on one clock (the CVP host's clock 7 min 13 s late, placed by the call
// both name; the PG linked to nothing), an offset moved by hand, a window typed in, a finding
// opened from its mark, a call followed into the timeline and the merged view, the window around an
// entry; then the Logger pair from disk with the compare's verdict, brought back after a reload.
import assert from "node:assert/strict";
import { createWriteStream, readFileSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import { repoRoot, screenshotsDir } from "../../scripts/editor/paths.mjs";
import { selectors } from "./selectors.mjs";
import { editorFor, workbenchSession } from "./session.mjs";
import * as workbench from "./workbench.mjs";

const session = workbenchSession("trusted");
const OPEN_TIMELINE = "ICM Trace: Open Merged Timeline";
const BUNDLE = "merged-case.zip";
const published = (name) => readFileSync(path.join(repoRoot, "test", "fixtures", "published", name), "utf8");
const LATE_SECONDS = 433;

/** The published router and CVP excerpt (Cisco Doc 116178), its entries dealt to a router and a CVP host. */
function routerAndCvp() {
  const entries = published("rtr/rtr-vru-script-response-error.txt").trim().split(/ (?=\d{2}:\d{2}:\d{2}:\d{3} ra-rtr |\d+: \d+\.\d+\.\d+\.\d+: [A-Z][a-z]{2} )/);
  const isCvp = (entry) => /^\d+: [\d.]+: [A-Z][a-z]{2} /.test(entry);
  // The CVP host's clock runs late: every Cisco Log time moved on by LATE_SECONDS.
  const late = (text) =>
    text.replace(/(\d{4}) (\d{2}):(\d{2}):(\d{2})\.(\d{3})/g, (_, year, h, m, s, ms) => {
      const t = Number(h) * 3600 + Number(m) * 60 + Number(s) + LATE_SECONDS;
      const pad = (n) => String(n).padStart(2, "0");
      return `${year} ${pad(Math.floor(t / 3600) % 24)}:${pad(Math.floor(t / 60) % 60)}:${pad(t % 60)}.${ms}`;
    });
  return { router: `${entries.filter((e) => !isCvp(e)).join("\n")}\n`, cvp: late(`${entries.filter(isCvp).join("\n")}\n`) };
}

const { router, cvp } = routerAndCvp();
const ROUTER_ERROR_LINE = router.split("\n").findIndex((line) => line.includes("VRU script response had error"));
assert.ok(ROUTER_ERROR_LINE > 0);

// Written before the workbench opens the folder.
const { folder } = editorFor("trusted");
{
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(router), "ROUTERA/Router/rtr_output.txt");
  zip.addBuffer(Buffer.from(cvp), "CVP1/CVP/cvp.txt");
  zip.addBuffer(Buffer.from(published("pg/vru-pim-nonexistent-ecc-variable.txt")), "PG41A/PG/pim1.txt");
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path.join(folder, BUNDLE)));
}

/** The merged timeline's document (the last webview opened). */
function timeline(page) {
  return page.frameLocator("iframe.webview.ready").last().frameLocator("iframe#active-frame");
}

const group = (page, clock) => timeline(page).locator(`.group[data-clock=${JSON.stringify(clock)}]`);
const lane = (page, name) => timeline(page).locator(`.lane[data-name=${JSON.stringify(name)}]`);

/** Screenshots the workbench with the side bar closed, once the lanes have been drawn for the new width; and the view alone. */
async function screenshotWide(page, name) {
  const plot = await timeline(page).locator("svg.lane-plot").first().elementHandle();
  const frame = await plot.ownerFrame();
  const widthBefore = Number(await plot.getAttribute("width"));
  const sideBarVisible = await page.locator("#workbench\\.parts\\.sidebar").isVisible();
  if (sideBarVisible) await workbench.runCommand(page, "View: Toggle Primary Side Bar Visibility");
  try {
    if (sideBarVisible) await frame.waitForFunction((before) => Number(document.querySelector("svg.lane-plot")?.getAttribute("width")) > before, widthBefore);
    await workbench.screenshot(page, name);
    await timeline(page).locator("main").screenshot({ path: path.join(screenshotsDir, `${name}-view.png`) });
  } finally {
    if (sideBarVisible) await workbench.runCommand(page, "View: Toggle Primary Side Bar Visibility");
  }
}

/** The x at which an SVG element is drawn (its translate, or its x attribute). */
async function drawnX(locator) {
  const transform = (await locator.getAttribute("transform")) ?? "";
  const translated = /translate\(([-\d.]+)/.exec(transform);
  return Number(translated ? translated[1] : await locator.getAttribute("x"));
}

const view = (page) => page.locator(".pane:has(.pane-header:has-text('Trace Bundle'))");

session.test("opens the merged timeline of a bundle's traces: lanes grouped by host, each clock with its offset", async (page) => {
  await workbench.runCommand(page, "ICM Trace: Open Trace Bundle…");
  await page.locator(selectors.quickInput.row(BUNDLE)).first().waitFor();
  await page.locator(selectors.quickInput.box).fill(path.join(folder, BUNDLE));
  await page.keyboard.press("Enter");
  // The folder's own view folded, so that the bundle's lists every member.
  await view(page).locator(".monaco-list-row").first().waitFor();
  await page.locator(".pane:has(.explorer-folders-view) .pane-header").click();
  for (const [member, tab] of [["ROUTERA/Router/rtr_output.txt", "rtr_output.txt"], ["CVP1/CVP/cvp.txt", "cvp.txt"], ["PG41A/PG/pim1.txt", "pim1.txt"]]) {
    await view(page).locator(`.monaco-list-row:has-text(${JSON.stringify(member)})`).first().click();
    await page.locator(selectors.editor.activeTab(tab)).waitFor();
    await workbench.waitForLanguage(page, "ICM Trace");
    // Members open as previews: kept, so that the next one opens beside it.
    await workbench.runCommand(page, "View: Keep Editor");
  }
  await workbench.runCommand(page, OPEN_TIMELINE);
  await page.locator(".tab", { hasText: "Merged timeline: 3 traces" }).first().waitFor();
  await group(page, "host:ROUTERA").locator(".group-name", { hasText: "Host ROUTERA" }).waitFor();
  await group(page, "host:10.66.68.169").locator(".group-name", { hasText: "Host 10.66.68.169" }).waitFor();
  await group(page, "host:PG41A").locator(".group-name", { hasText: "Host PG41A" }).waitFor();
  await lane(page, "ROUTERA/rtr").locator(".lane-file", { hasText: "rtr_output.txt" }).waitFor();
  assert.match(await lane(page, "ROUTERA/rtr").locator(".lane-file").getAttribute("title"), /merged-case\.zip!\/ROUTERA\/Router\/rtr_output\.txt$/);
  await lane(page, "10.66.68.169/?").waitFor();
  await lane(page, "PG41A/pim1").waitFor();
  // The reference, the late host placed by the call both name, the PG linked to nothing.
  assert.equal(await group(page, "host:ROUTERA").getAttribute("data-anchor"), "reference");
  assert.equal(await group(page, "host:10.66.68.169").getAttribute("data-anchor"), "call");
  assert.match(await group(page, "host:10.66.68.169").locator(".anchor-text").innerText(), /automatic: .*from calls both clocks name/);
  assert.equal(await group(page, "host:PG41A").getAttribute("data-anchor"), "none");
  await lane(page, "ROUTERA/rtr").locator(".mark.sev-error").first().waitFor();
  await screenshotWide(page, "merged-timeline-fit");

  // The router's and the CVP's second of the call, typed in as a window.
  const t = timeline(page);
  await t.locator("#window-from").fill("10:47:26");
  await t.locator("#window-to").fill("10:47:29");
  await t.locator("#window-to").press("Enter");
  await t.locator("#window-text", { hasText: "10:47:26 – 10:47:29 (3 s)" }).waitFor();
  // The CVP's entries, 7 min 13 s late on its own clock, are drawn inside the router's second.
  const span = lane(page, "10.66.68.169/?").locator("rect.span");
  const plotWidth = Number(await lane(page, "10.66.68.169/?").locator("svg.lane-plot").getAttribute("width"));
  const cvpX = await drawnX(span);
  assert.ok(cvpX > 0 && cvpX < plotWidth, `the CVP's span at ${cvpX} of ${plotWidth}`);
  await screenshotWide(page, "merged-timeline-window");
});

session.test("moving the late host's offset by hand moves its lane and says it was set by hand", async (page) => {
  const cvpGroup = group(page, "host:10.66.68.169");
  const offset = cvpGroup.locator("input.offset-input");
  const automatic = Number(await offset.inputValue());
  const span = lane(page, "10.66.68.169/?").locator("rect.span");
  const before = await drawnX(span);
  const windowText = await timeline(page).locator("#window-text").innerText();
  // One second later, by the nudge button: a third of this 3 s window.
  await cvpGroup.locator('button.nudge[data-seconds="1"]').click();
  await timeline(page).locator('.group[data-clock="host:10.66.68.169"][data-anchor="given"]').waitFor();
  assert.equal(Number(await cvpGroup.getAttribute("data-offset")), Math.round((automatic + 1) * 1000) / 1000);
  assert.match(await cvpGroup.locator(".anchor-text").innerText(), /^set by hand \(automatic: .*, from calls both clocks name\)$/);
  const plotWidth = Number(await lane(page, "10.66.68.169/?").locator("svg.lane-plot").getAttribute("width"));
  await timeline(page).locator(".chart-box:not(.busy)").waitFor();
  const after = await drawnX(span);
  const expected = (plotWidth - 20) / 3;
  assert.ok(Math.abs(after - before - expected) < 4, `moved ${after - before} px, expected about ${expected}`);
  // The window and the other clocks stay.
  assert.equal(await timeline(page).locator("#window-text").innerText(), windowText);
  assert.equal(await group(page, "host:ROUTERA").getAttribute("data-anchor"), "reference");
  // A value typed in.
  await offset.fill(String(Math.round(automatic) - 5));
  await offset.press("Enter");
  await timeline(page).locator(`.group[data-clock="host:10.66.68.169"][data-offset="${Math.round(automatic) - 5}"]`).waitFor();
  // Five seconds earlier: out of the window, and the lane says where its entries went.
  await lane(page, "10.66.68.169/?").locator("text.off-window", { hasText: /◀ [\d.]+ s earlier/ }).waitFor();
  await screenshotWide(page, "merged-timeline-offset");
  // Back to the automatic offset.
  await cvpGroup.locator("button.offset-auto").click();
  await timeline(page).locator('.group[data-clock="host:10.66.68.169"][data-anchor="call"]').waitFor();
});

session.test("a finding's mark shows its message and opens its line in the trace", async (page) => {
  const mark = lane(page, "ROUTERA/rtr").locator(".mark.sev-error").first();
  await mark.hover();
  const tooltip = timeline(page).locator("#tooltip");
  await tooltip.filter({ hasText: "rtr-vru-script-error" }).waitFor();
  assert.match(await tooltip.innerText(), /ROUTERA\/rtr · 10:47:27\.996/);
  await workbench.screenshot(page, "merged-timeline-tooltip");
  await mark.click();
  await page.locator(selectors.editor.activeTab("rtr_output.txt")).waitFor();
  await page.locator(selectors.status.cursorPosition).filter({ hasText: `Ln ${ROUTER_ERROR_LINE + 1}, Col 1` }).waitFor();
});

session.test("a group folds its lanes away and shows them again", async (page) => {
  const pg = group(page, "host:PG41A");
  await pg.locator(".group-toggle").click();
  await pg.locator('.group-toggle[aria-expanded="false"]').waitFor();
  assert.equal(await lane(page, "PG41A/pim1").isVisible(), false);
  await pg.locator(".group-toggle").click();
  await lane(page, "PG41A/pim1").waitFor();
});

session.test("Find This Call in All Traces marks the call's entries on the timeline and in the merged view", async (page) => {
  await page.locator(".tab", { hasText: "rtr_output.txt" }).first().click();
  await workbench.runCommand(page, "ICM Trace: Open Merged View");
  const merged = page.locator(".tab.active", { hasText: "Merged traces" }).first();
  await merged.waitFor();
  const mergedTab = (await merged.innerText()).trim();
  await page.locator(".tab", { hasText: "rtr_output.txt" }).first().click();
  await page.locator(selectors.editor.activeTab("rtr_output.txt")).waitFor();
  // Line 1, on `CID=(150431,201)` of the NewCall.
  await workbench.runCommand(page, "Go to Line/Column...");
  await page.locator(selectors.quickInput.box).fill(":1:60");
  await page.keyboard.press("Enter");
  await workbench.runCommand(page, "ICM Trace: Find This Call in All Traces");
  await page.locator(".peekview-widget").waitFor();
  await page.keyboard.press("Escape");
  const t = timeline(page);
  await t.locator("#call-bar").waitFor();
  const marked = await lane(page, "ROUTERA/rtr").locator(".call-mark").count();
  assert.ok(marked >= 3, `${marked} router entries marked`);
  assert.match(await t.locator("#call-bar").innerText(), /The followed call: \d+ entries in \d lanes/);
  await t.locator("#zoom-call").click();
  await screenshotWide(page, "merged-timeline-call");
  // The merged view highlights the same entries' lines.
  await page.locator(".tab", { hasText: mergedTab }).first().click();
  const highlighted = page.locator(".editor-group-container.active .view-overlays .cdr[class*='ced-']");
  await highlighted.first().waitFor();
  assert.ok((await highlighted.count()) >= 3);
  await workbench.screenshot(page, "merged-view-call");
  await t.locator("#clear-call").click();
  await t.locator("#call-bar").waitFor({ state: "detached" });
});

session.test("Show ±15 Minutes Around This Entry opens the merged view and the timeline on that window", async (page) => {
  await page.locator(".tab", { hasText: "rtr_output.txt" }).first().click();
  await page.locator(selectors.editor.activeTab("rtr_output.txt")).waitFor();
  await workbench.runCommand(page, "Go to Line/Column...");
  await page.locator(selectors.quickInput.box).fill(":1:1");
  await page.keyboard.press("Enter");
  await workbench.runCommand(page, "ICM Trace: Show ±15 Minutes Around This Entry");
  await page.locator(".editor-group-container.active .tab.active", { hasText: "Merged traces" }).waitFor();
  // The first router entry, 10:47:26.900, ±15 min.
  await timeline(page).locator("#window-text", { hasText: "10:32:26.900 – 11:02:26.900 (30 min)" }).waitFor();
  assert.equal(await timeline(page).locator("#window-from").inputValue(), "10:32:26.900");
});

session.test("the Logger pair's lanes carry the compare's verdict, and the hand offset comes back after a reload", async (page) => {
  await workbench.runCommand(page, "View: Close All Editors");
  await workbench.openFile(page, "sideA-lgr-receive.txt");
  await workbench.waitForLanguage(page, "ICM Trace");
  await workbench.openFile(page, "sideB-lgr-send.txt");
  await workbench.waitForLanguage(page, "ICM Trace");
  await workbench.runCommand(page, OPEN_TIMELINE);
  const t = timeline(page);
  await t.locator('#verdict[data-code="temp-file-access-denied"]').waitFor();
  assert.match(await t.locator("#verdict").innerText(), /Logger pair: A\/lgr ⇄ B\/lgr/);
  await group(page, "side:A").waitFor();
  assert.equal(await group(page, "side:B").getAttribute("data-anchor"), "transfer");
  assert.equal(await group(page, "side:B").locator("input.offset-input").inputValue(), "23965");
  // The sender's failure, 16:47:39 on its own clock, is at 23:27:04 on the receiver's.
  const failure = lane(page, "B/lgr").locator('.mark[data-code="temp-file-access-denied"]');
  await failure.hover();
  await t.locator("#tooltip", { hasText: "B/lgr · 23:27:04" }).waitFor();
  await screenshotWide(page, "merged-timeline-logger-pair");
  await group(page, "side:B").locator('button.nudge[data-seconds="60"]').click();
  await t.locator('.group[data-clock="side:B"][data-offset="24025"]').waitFor();

  await workbench.reloadWindow(page);
  await page.locator(".tab", { hasText: "Merged timeline" }).first().click();
  await timeline(page).locator('.group[data-clock="side:B"][data-anchor="given"][data-offset="24025"]').waitFor();
  assert.equal(await group(page, "side:B").locator("input.offset-input").inputValue(), "24025");
  await timeline(page).locator('#verdict[data-code="temp-file-access-denied"]').waitFor();
  // The pair's own A/B timeline, from the verdict.
  await timeline(page).locator("#open-compare").click();
  await page.locator(".tab", { hasText: "Transfer timeline: A ⇄ B" }).first().waitFor();
});
