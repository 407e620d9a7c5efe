// Traces VS Code will not hand to an extension (over 50 MB) and whole folders, analysed from disk
// in a real workbench: the offer when such a trace is opened, the progress notification, the
// summary, the findings in Problems, and "ICM Trace: Analyze Folder…" through the folder picker.
import assert from "node:assert/strict";
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { after } from "node:test";
import { generateTrace } from "../../bench/generate.mjs";
import { selectors } from "./selectors.mjs";
import { editorFor, workbenchSession } from "./session.mjs";
import * as workbench from "./workbench.mjs";

const session = workbenchSession("trusted");
const BIG = "big-lgr.txt";
const BIG_MB = 55;
// Only this suite's: the workbench parts below are not shared with the other suites.
const local = {
  /** The running progress bar of a notification. */
  activeProgress: ".monaco-progress-container.active",
  problemsFileRow: (name) => `.markers-panel .monaco-list-row[aria-label*=${JSON.stringify(`in file ${name} of`)}]`,
  collapseAll: '.part.panel .action-label[aria-label="Collapse All"]:visible',
  outputLines: ".part.panel .monaco-editor .view-lines",
};

// Written before the workbench opens the folder; 55 MB take a few seconds. The failures include
// "Unable to GetTempFileName ... Last API Error [5]", a few hundred of them at this share.
const { folder } = editorFor("trusted");
const bigFile = path.join(folder, BIG);
await generateTrace(bigFile, BIG_MB * 1024 * 1024, { seed: 7, runTogetherShare: 0.1, failureShare: 0.0005 });
assert.ok(statSync(bigFile).size > 50 * 1024 * 1024);
// The other suites share the folder: leave it as it was.
after(() => rmSync(bigFile, { force: true }));

/** The offer VS Code's "very large" placeholder comes with. */
const bigFileOffer = (page) => page.locator(selectors.notification(`${BIG} is too large for the editor to analyse as you type (${BIG_MB} MB)`));

/**
 * Starts recording, once per painted frame, the toasts that contain `text`: their text and whether
 * their progress bar runs. `stop()` ends the recording and returns the frames that differed.
 */
async function recordToastFrames(page, text) {
  await page.evaluate(({ text, toastSelector, progressSelector }) => {
    const frames = [];
    let recording = true;
    const record = () => {
      for (const toast of document.querySelectorAll(toastSelector)) {
        if (!toast.textContent.includes(text)) continue;
        const frame = { text: toast.innerText, progressActive: toast.querySelector(progressSelector) !== null };
        const last = frames.at(-1);
        if (last?.text !== frame.text || last.progressActive !== frame.progressActive) frames.push(frame);
      }
      if (recording) requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
    window.icmTraceToastFrames = () => ((recording = false), frames);
  }, { text, toastSelector: selectors.toast, progressSelector: local.activeProgress });
  return { stop: () => page.evaluate(() => window.icmTraceToastFrames()) };
}

/** The numbers of a notification or output line "…: N entries, E errors, W warnings" (or singular). */
function counts(text) {
  const [, entries, errors, warnings] = /(\d+) entr(?:y|ies), (\d+) errors?, (\d+) warnings?/.exec(text) ?? [];
  return { entries: Number(entries), errors: Number(errors), warnings: Number(warnings) };
}

session.test(`offers to analyse the ${BIG_MB} MB ${BIG} from disk, shows progress and lists its findings in Problems`, async (page) => {
  // The editor shows its own "very large" placeholder; the extension offers the analysis.
  await workbench.openFile(page, BIG);
  // 55 MB take well under a second now: the progress is read from the frames the page painted,
  // as a user would have seen them, not polled for (a poll can miss a toast that short).
  const progressFrames = await recordToastFrames(page, `Analyzing ${BIG}`);
  await bigFileOffer(page).getByRole("button", { name: "Analyze" }).click();
  // Off the toast, so the screenshot shows no button tooltip.
  await page.mouse.move(600, 300);

  const summary = page.locator(selectors.notification(`${BIG}: `)).filter({ hasText: /\d+ entr(?:y|ies), \d+ errors?, \d+ warnings? \(55\.0 MB, utf-8\)/ });
  await summary.waitFor();
  const found = counts(await summary.innerText());
  assert.ok(found.entries > 500_000 && found.errors > 0, `summary: ${await summary.innerText()}`);
  // Nothing else is open, so the status bar counts exactly this file's findings.
  await workbench.waitForProblemsStatus(page, `Errors: ${found.errors}, Warnings: ${found.warnings}`);

  const frames = await progressFrames.stop();
  const percents = frames.filter((frame) => frame.progressActive).map((frame) => /\b(\d+)%/.exec(frame.text)?.[1]).filter(Boolean).map(Number);
  assert.ok(percents.some((percent) => percent > 0 && percent < 100), `painted progress: ${JSON.stringify(frames)}`);
  assert.deepEqual(percents, [...percents].sort((a, b) => a - b), "the percentage only grows");

  await summary.getByRole("button", { name: "Open Problems" }).click();
  await page.locator(local.problemsFileRow(BIG)).first().waitFor();
  await page.locator(selectors.problemsPanel.row("temp-file-access-denied")).first().waitFor();
  await workbench.screenshot(page, "large-file-problems");
});

session.test(`offers the analysis again when the window reopens with ${BIG} in a tab`, async (page) => {
  // A trace restored with the window (or opened from the command line) may have its tab before
  // the extension activates: the extension then sees only tabs that exist, no "opened" event.
  const offer = bigFileOffer(page);
  await page.locator(selectors.editor.activeTab(BIG)).waitFor();
  await workbench.reloadWindow(page);
  await page.locator(selectors.editor.activeTab(BIG)).waitFor();
  await offer.getByRole("button", { name: "Analyze" }).waitFor();
  await workbench.screenshot(page, "large-file-offer-at-start");
  // Declined: nothing is analysed, and the offer is gone.
  await offer.getByRole("button", { name: /^Clear Notification/ }).click();
  await offer.waitFor({ state: "detached" });
});

session.test('"ICM Trace: Analyze Folder…" summarises each trace in the folder and lists sideB-lgr-send.txt in Problems', async (page) => {
  // The folder picker is the simple file dialog: a quick input holding a path.
  await workbench.runCommand(page, "ICM Trace: Analyze Folder…");
  const box = page.locator(selectors.quickInput.box);
  await box.fill(`${folder}/`);
  const progressFrames = await recordToastFrames(page, `Analyzing the traces in ${path.basename(folder)}`);
  await page.locator(".quick-input-widget").getByRole("button", { name: "Analyze" }).click();

  const done = page.locator(selectors.notification(" analysed: "));
  await done.waitFor();
  const frames = await progressFrames.stop();
  assert.ok(frames.some((frame) => frame.progressActive && /\b\d+%/.test(frame.text)), `painted progress: ${JSON.stringify(frames)}`);
  const [, traces, errors, warnings] = /(\d+) traces? analysed: (\d+) errors?, (\d+) warnings?\./.exec(await done.innerText()).map(Number);

  // The "ICM Trace: Analysis" output channel lists one line per trace, whose counts add up.
  const output = page.locator(local.outputLines).filter({ hasText: `Traces in ${folder}:` });
  await output.filter({ hasText: "sideB-lgr-send.txt: 9 entries" }).waitFor();
  const lines = (await output.innerText()).replace(/\u00a0/g, " ").split("\n");
  const perFile = lines.slice(lines.findIndex((line) => line.startsWith(`Traces in ${folder}:`)) + 1).filter((line) => / entr(?:y|ies), /.test(line));
  assert.equal(perFile.length, traces, lines.join("\n"));
  const names = perFile.map((line) => line.trim().split(": ")[0]);
  assert.ok(names.includes(BIG) && names.includes("sideB-lgr-send.txt"), names.join(", "));
  assert.equal(perFile.reduce((sum, line) => sum + counts(line).errors, 0), errors);
  assert.equal(perFile.reduce((sum, line) => sum + counts(line).warnings, 0), warnings);
  await workbench.waitForProblemsStatus(page, `Errors: ${errors}, Warnings: ${warnings}`);
  await workbench.screenshot(page, "analyze-folder-output");

  // The big trace's findings come first: collapse every file, then open sideB-lgr-send.txt.
  await workbench.openProblemsPanel(page);
  await page.locator(local.collapseAll).click();
  const sideB = page.locator(local.problemsFileRow("sideB-lgr-send.txt"));
  await sideB.click();
  await page.locator(selectors.problemsPanel.row("temp-file-access-denied")).first().waitFor();
  await page.locator(selectors.problemsPanel.row("state-send-aborted")).first().waitFor();
  await workbench.screenshot(page, "analyze-folder-problems");
});
