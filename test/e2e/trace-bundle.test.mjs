// A trace bundle as a customer sends it, opened in the real editor: the palette's "Open Trace
// Bundle…" mounts the zip read-only, the "Trace Bundle" view lists hosts and processes, a member
// opens with its diagnostics and hover, Problems holds the bundle's findings, and an .ems member
// offers its dumplog command.
import assert from "node:assert/strict";
import { createWriteStream, readFileSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { ZipFile } from "yazl";
import { workbenchSession } from "./session.mjs";
import { selectors } from "./selectors.mjs";
import * as workbench from "./workbench.mjs";

const session = workbenchSession("trusted");
const here = path.dirname(fileURLToPath(import.meta.url));
const published = (name) => readFileSync(path.join(here, "..", "fixtures", "published", name));
const sample = (name) => readFileSync(path.join(here, "..", "..", "samples", name));

/** A bundle laid out as the Unified System CLI writes it: `[Server]/[Type]/…`, a nested zip, an .ems log. */
async function writeBundle(file) {
  const inner = new ZipFile();
  inner.addBuffer(published("pg/avaya-csta-delivered-ani.txt"), "PG1A/PG/pim1.txt");
  inner.addBuffer(Buffer.from([0, 1, 2, 3]), "PG1A/PG/opc_261207_134510.ems");
  inner.end();
  const chunks = [];
  for await (const chunk of inner.outputStream) chunks.push(chunk);
  const zip = new ZipFile();
  zip.addBuffer(sample("sideA-lgr-receive.txt"), "LOGGERA/Logger/lgr.txt");
  zip.addBuffer(sample("sideB-lgr-send.txt"), "LOGGERB/Logger/lgr.txt");
  zip.addBuffer(published("rtr/rtr-vru-customer-not-found-for-dn.txt"), "ROUTERA/Router/rtr_output.txt");
  zip.addBuffer(Buffer.concat(chunks), "pg.zip");
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
}

const view = (page) => page.locator(".pane:has(.pane-header:has-text('Trace Bundle'))");
const viewRow = (page, text) => view(page).locator(`.monaco-list-row:has-text(${JSON.stringify(text)})`);

session.test("opens a bundle from the palette: hosts, processes, members with their findings", async (page) => {
  const bundle = path.join(session.folder, "LOGGERA-SystCLILogs-20261207.zip");
  await writeBundle(bundle);
  await workbench.runCommand(page, "ICM Trace: Open Trace Bundle…");
  // The editor's own file dialog: once it lists the workspace folder (it fills its box with that
  // folder as it starts), type the bundle's path and open it.
  await page.locator(selectors.quickInput.row(path.basename(bundle))).first().waitFor();
  const box = page.locator(selectors.quickInput.box);
  await box.fill(bundle);
  await page.keyboard.press("Enter");
  // The folder's own view folded, so the bundle's has the side bar's height.
  await viewRow(page, "LOGGERA").first().waitFor();
  await page.locator(".pane:has(.explorer-folders-view) .pane-header").click();
  for (const host of ["LOGGERA", "LOGGERB", "ROUTERA", "PG1A"]) await viewRow(page, host).first().waitFor();
  for (const process of ["lgr", "rtr", "pim1", "opc"]) await viewRow(page, process).first().waitFor();
  await workbench.screenshot(page, "trace-bundle-view");
  await workbench.openProblemsPanel(page);
  await page.locator(selectors.problemsPanel.row("temp-file-access-denied")).first().waitFor();
  await page.locator(selectors.problemsPanel.row("rtr-no-network-vru-for-dn")).first().waitFor();
  await workbench.screenshot(page, "trace-bundle-problems");
});

session.test("an .ems member shows its dumplog command and copies it", async (page) => {
  const ems = viewRow(page, "opc_261207_134510.ems").first();
  await ems.waitFor();
  assert.match(await ems.innerText(), /dumplog \/if opc_261207_134510\.ems \/bd 12\/07\/2026 \/bt 13:45:10 \/ms/);
  await ems.hover();
  await ems.locator(".action-label[aria-label='Copy dumplog Command']").click();
  await page.locator(".notification-toast:has-text('Copied: dumplog /if opc_261207_134510.ems')").waitFor();
});

session.test("a member opens as a trace with its diagnostics and hover", async (page) => {
  await viewRow(page, "LOGGERB/Logger/lgr.txt").first().click();
  await workbench.waitForLanguage(page, "ICM Trace");
  const hover = await workbench.hoverFirstError(page, "GetTempFileName");
  assert.match(await hover.innerText(), /temp-file-access-denied/);
  await workbench.screenshot(page, "trace-bundle-member-hover");
  await page.keyboard.press("Escape");
});

session.test("merges a bundle's traces on one clock from the palette: the merged view and the timeline", async (page) => {
  const bundle = path.join(session.folder, "LOGGERA-SystCLILogs-20261207.zip");
  await workbench.runCommand(page, "ICM Trace: Merge Traces of a Folder or Bundle…");
  await page.locator(selectors.quickInput.row(path.basename(bundle))).first().waitFor();
  await page.locator(selectors.quickInput.box).fill(bundle);
  await page.keyboard.press("Enter");
  // Every trace member, none of them open in a tab: the lanes of four hosts, the sender's failure on its lane.
  await page.locator(".tab:has-text('Merged traces')").first().waitFor();
  await page.locator(".tab:has-text('Merged timeline: 4 traces')").first().waitFor();
  await page.locator(".tab:has-text('Merged traces')").first().click();
  const lines = page.locator(".editor-group-container.active .view-lines");
  // The earliest lane first: the router's, its paste's CVP lines kept in their place on its time of day.
  await lines.locator(".view-line:has-text('ROUTERA/rtr  12:41:02.591')").first().waitFor();
  // The findings of every lane are the merged view's own, in Problems under its name.
  await workbench.openProblemsPanel(page);
  await page.locator(selectors.problemsPanel.row("Merged traces")).first().waitFor();
  await workbench.screenshot(page, "trace-bundle-merged-view");
  await page.locator(".tab:has-text('Merged timeline: 4 traces')").first().click();
  const timeline = page.frameLocator("iframe.webview.ready").last().frameLocator("iframe#active-frame");
  for (const clock of ["host:LOGGERA", "host:LOGGERB", "host:ROUTERA", "host:PG1A"]) await timeline.locator(`.group[data-clock=${JSON.stringify(clock)}]`).waitFor();
  assert.equal(await timeline.locator(`.group[data-clock="host:LOGGERB"]`).getAttribute("data-anchor"), "transfer");
  await workbench.screenshot(page, "trace-bundle-merged-timeline");
});
