// The extension in a real workbench, as a user meets it: open the sample traces, read the
// findings, fix the line breaks. Runs on a throw-away copy of samples/ (tests edit files).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { workbenchSession } from "./session.mjs";
import { selectors } from "./selectors.mjs";
import * as workbench from "./workbench.mjs";

const session = workbenchSession("trusted");
const ICM_TRACE = "ICM Trace";

/** Lines of a saved file in the workspace copy, ignoring the final line break. */
function savedLineCount(fileName) {
  return readFileSync(path.join(session.folder, fileName), "utf8").trimEnd().split(/\r?\n/).length;
}

session.test("opens sideB-lgr-send.txt in the ICM Trace language mode", async (page) => {
  await workbench.openFile(page, "sideB-lgr-send.txt");
  await workbench.waitForLanguage(page, ICM_TRACE);
});

session.test("shows two errors in the status bar", async (page) => {
  await workbench.openFile(page, "sideB-lgr-send.txt");
  await workbench.waitForProblemsStatus(page, "Errors: 2");
});

session.test("shows the trace's side and role in its status bar item, made once the server runs", async (page) => {
  await workbench.openFile(page, "sideB-lgr-send.txt");
  await page.locator(selectors.status.traceSummary("Side B · sending")).waitFor();
});

session.test("lists temp-file-access-denied and state-send-aborted in the Problems panel", async (page) => {
  await workbench.openFile(page, "sideB-lgr-send.txt");
  await workbench.openProblemsPanel(page);
  await page.locator(selectors.problemsPanel.row("temp-file-access-denied")).first().waitFor();
  await page.locator(selectors.problemsPanel.row("state-send-aborted")).first().waitFor();
  await workbench.screenshot(page, "problems-panel");
});

session.test("underlines the failing entry and explains it on hover", async (page) => {
  await workbench.openFile(page, "sideB-lgr-send.txt");
  const hover = await workbench.hoverFirstError(page, "GetTempFileName");
  assert.match(await hover.innerText(), /%TEMP%/);
  await workbench.screenshot(page, "diagnostics-hover");
  await page.keyboard.press("Escape");
});

session.test("quick fix splits the run-together entries onto 9 lines", async (page) => {
  await workbench.openFile(page, "sideB-lgr-send.txt");
  await workbench.applyQuickFixAtFirstError(page, "Split run-together entries onto separate lines");
  await workbench.saveActiveEditor(page);
  assert.equal(savedLineCount("sideB-lgr-send.txt"), 9);
});

session.test("warns state-receive-incomplete on sideA-lgr-receive.txt", async (page) => {
  await workbench.openFile(page, "sideA-lgr-receive.txt");
  await workbench.waitForLanguage(page, ICM_TRACE);
  await page.locator(selectors.editor.squigglyWarning).first().waitFor();
  await workbench.openProblemsPanel(page);
  await page.locator(selectors.problemsPanel.row("state-receive-incomplete")).first().waitFor();
});

session.test("Format Document puts the 27 entries of sideA on their own lines", async (page) => {
  await workbench.openFile(page, "sideA-lgr-receive.txt");
  await workbench.runCommand(page, "Format Document");
  await workbench.saveActiveEditor(page);
  assert.equal(savedLineCount("sideA-lgr-receive.txt"), 27);
});

session.test("Outline lists the state transfer phases", async (page) => {
  await workbench.openFile(page, "sideA-lgr-receive.txt");
  await workbench.runCommand(page, "Explorer: Focus on Outline View");
  await page.locator(selectors.outline.row("State transfer RECEIVE")).first().waitFor();
});

session.test('"ICM Trace: Open Split Copy" opens a split copy beside the trace', async (page) => {
  await workbench.openFile(page, "sideB-lgr-send-disk-full.txt");
  await workbench.waitForLanguage(page, ICM_TRACE);
  await workbench.runCommand(page, "ICM Trace: Open Split Copy");
  await page.locator(selectors.editor.activeTab("sideB-lgr-send-disk-full (split).txt")).waitFor();
  await workbench.waitForLanguage(page, ICM_TRACE);
});

session.test("switches ticket-paste.txt from Plain Text to ICM Trace by its content", async (page) => {
  await workbench.openFile(page, "ticket-paste.txt");
  await workbench.waitForLanguage(page, ICM_TRACE);
});
