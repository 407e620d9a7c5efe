// The transfer timeline in a real workbench: compare the receiving side with the sending side from
// the palette, read the verdict, jump from a mark to its entry, move and swap the lanes, and show
// hostile trace text as text. Uses its own copies of the seed pair: other tests edit the samples.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { samplesDir, screenshotsDir } from "../../scripts/editor/paths.mjs";
import { selectors } from "./selectors.mjs";
import { editorFor, workbenchSession } from "./session.mjs";
import * as workbench from "./workbench.mjs";

const session = workbenchSession("trusted");
const COMPARE = "ICM Trace: Compare Sending and Receiving Sides";
const RECEIVE = "LoggerA-lgr-receive.txt";
const SEND = "LoggerB-lgr-send.txt";
const HOSTILE = "LoggerB-lgr-hostile.txt";
const HOSTILE_TEXT = "<img src=x onerror=alert(1)> <script>alert(2)</script>";
// The webview's content frame inside the workbench's webview host frame.
const WEBVIEW_HOST = "iframe.webview.ready";
const WEBVIEW_CONTENT = "iframe#active-frame";

// Written before the workbench opens the folder.
const { folder } = editorFor("trusted");
const seed = (name) => readFileSync(path.join(samplesDir, name), "utf8");
writeFileSync(path.join(folder, RECEIVE), seed("sideA-lgr-receive.txt"));
writeFileSync(path.join(folder, SEND), seed("sideB-lgr-send.txt"));
const hostile = seed("sideB-lgr-send.txt").replace(
  "Unable to GetTempFileName for temporary state transfer file.",
  `Unable to GetTempFileName for temporary state transfer file ${HOSTILE_TEXT}.`,
);
assert.ok(hostile.includes(HOSTILE_TEXT));
writeFileSync(path.join(folder, HOSTILE), hostile);

/** Dialogs the page opened: an alert() from trace text would land here, whichever frame ran it. */
const dialogs = [];
const watched = new WeakSet();
function watchDialogs(page) {
  if (watched.has(page)) return;
  watched.add(page);
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}

/** The timeline's document (the last webview opened). */
function timeline(page) {
  return page.frameLocator(WEBVIEW_HOST).last().frameLocator(WEBVIEW_CONTENT);
}

/** Runs the compare command on the active trace and picks `other` in the quick pick. */
async function compareWith(page, other) {
  await workbench.runCommand(page, COMPARE);
  const row = page.locator(selectors.quickInput.row(other)).first();
  await row.waitFor();
  await page.locator(selectors.quickInput.box).fill(other);
  await row.click();
}

/**
 * Screenshots the workbench with the side bar closed, so the timeline gets half the window, once
 * the view has redrawn its chart for the new width. The side bar is opened again afterwards.
 */
async function screenshotWide(page, name, scrollTo) {
  const chart = await timeline(page).locator("svg.timeline").elementHandle();
  const frame = await chart.ownerFrame();
  const widthBefore = Number(await chart.getAttribute("width"));
  await workbench.runCommand(page, "View: Toggle Primary Side Bar Visibility");
  try {
    await frame.waitForFunction((before) => Number(document.querySelector("svg.timeline")?.getAttribute("width")) > before, widthBefore);
    if (scrollTo) await scrollTo.scrollIntoViewIfNeeded();
    await workbench.screenshot(page, name);
    // The chart alone at full size, to look at the marks.
    await timeline(page).locator("section.chart").screenshot({ path: path.join(screenshotsDir, `${name}-chart.png`) });
  } finally {
    await workbench.runCommand(page, "View: Toggle Primary Side Bar Visibility");
  }
}

async function waitForCursor(page, text) {
  await page.locator(selectors.status.cursorPosition).filter({ hasText: text }).waitFor();
}

session.test("opens the timeline of side A and the picked side B with the verdict", async (page) => {
  watchDialogs(page);
  await workbench.openFile(page, RECEIVE);
  await workbench.waitForLanguage(page, "ICM Trace");
  await compareWith(page, SEND);
  const view = timeline(page);
  const verdict = view.locator('#verdict[data-code="temp-file-access-denied"]');
  await verdict.waitFor();
  assert.match(await verdict.innerText(), /could not create its temporary state-transfer file/);
  await view.locator('.lane[data-lane="0"][data-side-index="0"] .lane-label', { hasText: "Side A · receiving" }).waitFor();
  await view.locator('.lane[data-lane="1"][data-side-index="1"] .lane-label', { hasText: "Side B · sending" }).waitFor();
  await page.locator(".tab.active", { hasText: "Transfer timeline: A ⇄ B" }).first().waitFor();
  // Lined up: the sender's failure at 16:47:39 is at 23:27:04 on side A's clock.
  const failure = view.locator('#events-table tr[data-side-index="1"][data-column="393"]');
  assert.equal(await failure.locator("td.time").first().innerText(), "23:27:04");
  await screenshotWide(page, "timeline");
});

session.test("clicking a mark selects its entry in the trace", async (page) => {
  const view = timeline(page);
  await view.locator('.mark[data-side-index="1"][data-line="0"][data-column="393"]').click();
  await page.locator(selectors.editor.activeTab(SEND)).waitFor();
  await waitForCursor(page, "Ln 1, Col 394");
});

session.test("Enter on a row of the event list selects its entry", async (page) => {
  const view = timeline(page);
  const row = view.locator('#events-table tr[data-side-index="0"][data-column="1464"]');
  // A click on the view's heading makes its group active (a focus alone may not reach the
  // workbench while another group is active); then the row takes focus and Enter.
  await view.locator("h1").click();
  await page.locator(".editor-group-container.active .tab.active", { hasText: "Transfer timeline" }).waitFor();
  await row.focus();
  await page.keyboard.press("Enter");
  await page.locator(selectors.editor.activeTab(RECEIVE)).waitFor();
  await waitForCursor(page, "Ln 1, Col 1465");
});

session.test("the arrow keys move between marks and + zooms the chart", async (page) => {
  const view = timeline(page);
  const first = view.locator('.lane[data-lane="0"] .mark.notable').first();
  await view.locator("h1").click();
  await page.locator(".editor-group-container.active .tab.active", { hasText: "Transfer timeline" }).waitFor();
  await first.focus();
  const focusedEntry = () => view.locator(".mark:focus").getAttribute("data-entry-index");
  const before = await focusedEntry();
  await page.keyboard.press("ArrowRight");
  assert.notEqual(await focusedEntry(), before);
  await page.keyboard.press("ArrowDown");
  assert.equal(await view.locator(".mark:focus").getAttribute("data-side-index"), "1");
  const firstTick = view.locator(".axis .tick text").first();
  const ticksBefore = await firstTick.textContent();
  for (let i = 0; i < 3; i++) await page.keyboard.press("+");
  await view.locator(".axis .tick text").first().filter({ hasNotText: ticksBefore }).waitFor();
  await page.keyboard.press("0");
  await view.locator(".axis .tick text").first().filter({ hasText: ticksBefore }).waitFor();
});

session.test("the offset control moves the lower lane and Swap Sides puts side B on top", async (page) => {
  await page.locator(".tab", { hasText: "Transfer timeline: A ⇄ B" }).first().click();
  const view = timeline(page);
  const offset = view.locator("#offset");
  assert.equal(await offset.inputValue(), "23965");
  await offset.fill("0");
  const failureTime = view.locator('#events-table tr[data-side-index="1"][data-column="393"] td.time').first();
  await view.locator('#events-table tr[data-side-index="1"][data-column="393"] td.time', { hasText: "16:47:39" }).first().waitFor();
  assert.equal(await failureTime.innerText(), "16:47:39");
  await view.locator("#offset-reset").click();
  assert.equal(await offset.inputValue(), "23965");
  await view.locator("#swap").click();
  await view.locator('.lane[data-lane="0"][data-side-index="1"]').waitFor();
  assert.equal(await offset.inputValue(), "-23965");
  // Side B's clock is now the axis: side A's RECEIVE is at 16:47:39.
  await view.locator('#events-table tr[data-side-index="0"][data-column="1464"] td.time', { hasText: "16:47:39" }).first().waitFor();
  await view.locator("#swap").click();
  await view.locator('.lane[data-lane="0"][data-side-index="0"]').waitFor();
});

session.test("Copy Diagnosis as Markdown reports the copy", async (page) => {
  const view = timeline(page);
  await view.locator("#copy").click();
  await page.locator(selectors.notification("Diagnosis copied as Markdown.")).first().waitFor();
  await view.locator("#status", { hasText: "Copied." }).waitFor();
});

session.test("shows hostile trace text as text and runs none of it", async (page) => {
  watchDialogs(page);
  await workbench.runCommand(page, "View: Close All Editors");
  await workbench.openFile(page, RECEIVE);
  await compareWith(page, HOSTILE);
  const view = timeline(page);
  await view.locator('#verdict[data-code="temp-file-access-denied"]').waitFor();
  await view.locator(".lane-file", { hasText: HOSTILE }).waitFor();
  assert.ok((await view.locator("#verdict").innerText()).includes(HOSTILE_TEXT));
  const row = view.locator('#events-table tr[data-side-index="1"][data-column="393"]');
  assert.ok((await row.innerText()).includes(HOSTILE_TEXT));
  const mark = view.locator('.mark[data-side-index="1"][data-column="393"]');
  assert.ok((await mark.getAttribute("aria-label")).includes(HOSTILE_TEXT));
  assert.equal(await view.locator("img").count(), 0);
  // The workbench's own script and the view's bundle; nothing from the trace.
  const scripts = await view.locator("script").evaluateAll((elements) => elements.map((e) => e.src || e.textContent));
  assert.ok(scripts.some((script) => /\/media\/dist\/timeline\.js/.test(script)));
  assert.ok(scripts.every((script) => !script.includes("alert(")), "no script from the trace");
  assert.deepEqual(dialogs, []);
  await screenshotWide(page, "timeline-hostile", row);
});

session.test("keeps side B on top when hidden and shown again", async (page) => {
  const view = timeline(page);
  await view.locator("#swap").click();
  await view.locator('.lane[data-lane="0"][data-side-index="1"]').waitFor();
  // Another editor in the view's group hides it; the webview is rebuilt when shown again.
  const tab = page.locator(".tab", { hasText: "Transfer timeline" }).first();
  await tab.click();
  await page.locator(".editor-group-container.active .tab.active", { hasText: "Transfer timeline" }).waitFor();
  await workbench.runCommand(page, "File: New Untitled Text File");
  await page.locator(".editor-group-container.active .tab.active", { hasText: "Untitled-1" }).waitFor();
  await tab.click();
  await timeline(page).locator('.lane[data-lane="0"][data-side-index="1"]').waitFor();
  assert.equal(await timeline(page).locator("#offset").inputValue(), "-23965");
});

session.test("compares the two traces selected in the Explorer from its context menu", async (page) => {
  await workbench.runCommand(page, "View: Close All Editors");
  await workbench.runCommand(page, "View: Show Explorer");
  const receive = page.locator(selectors.explorer.row(RECEIVE)).first();
  const send = page.locator(selectors.explorer.row(SEND)).first();
  await receive.click();
  await send.click({ modifiers: ["Control"] });
  await send.click({ button: "right" });
  // The menu turns down a click that comes right after it opens (the right button's release must
  // not choose an item): point at the item, then choose it with the keyboard.
  const item = page.locator(selectors.contextMenuItem("Compare Sending and Receiving Sides"));
  await item.hover();
  await page.locator(`${selectors.contextMenuItem("Compare Sending and Receiving Sides")}.focused`).waitFor();
  await page.keyboard.press("Enter");
  // Both traces come from the selection: no quick pick asks for the other side.
  const view = timeline(page);
  await view.locator('#verdict[data-code="temp-file-access-denied"]').waitFor();
  await view.locator(".lane-file", { hasText: RECEIVE }).waitFor();
  await view.locator(".lane-file", { hasText: SEND }).waitFor();
  assert.equal(await page.locator(selectors.quickInput.box).isVisible(), false);
});

session.test("brings the timeline back after the window reloads, with side B still on top", async (page) => {
  // A view state to bring back: side B on top.
  await timeline(page).locator("#swap").click();
  await timeline(page).locator('.lane[data-lane="0"][data-side-index="1"]').waitFor();
  await workbench.reloadWindow(page);
  // The workbench restores the tab; the extension's serializer revives the view when it is shown.
  await page.locator(".tab", { hasText: "Transfer timeline" }).first().click();
  const view = timeline(page);
  await view.locator('#verdict[data-code="temp-file-access-denied"]').waitFor();
  await view.locator('.lane[data-lane="0"][data-side-index="1"] .lane-label', { hasText: "Side B · sending" }).waitFor();
  await view.locator(".lane-file", { hasText: RECEIVE }).waitFor();
  assert.equal(await view.locator("#offset").inputValue(), "-23965");
});
