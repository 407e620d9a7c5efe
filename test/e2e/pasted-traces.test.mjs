// Traces as engineers paste them from Cisco's documents into a new editor: a `Fail: Assertion failed`
// line quoted without its time, and a router trace in dumplog's /ms layout whose entries ran together
// (both copied verbatim from test/fixtures/published). Each shows its diagnostic and its hover.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { workbenchSession } from "./session.mjs";
import { selectors } from "./selectors.mjs";
import * as workbench from "./workbench.mjs";

const session = workbenchSession("trusted");
const published = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "published");

/** A new untitled editor in the ICM Trace language with `text` pasted into it. */
async function pasteIntoNewTrace(page, text) {
  await workbench.runCommand(page, "File: New Untitled Text File");
  // The language picker may open after the palette has closed, and what is typed before goes to the
  // palette: the picker is asked for again until it lists the language.
  for (let attempt = 1; ; attempt++) {
    await workbench.runCommand(page, "Change Language Mode");
    try {
      await page.locator(selectors.quickInput.box).fill("ICM Trace");
      await page.locator(selectors.quickInput.row("ICM Trace")).first().waitFor({ timeout: 5000 });
      break;
    } catch (error) {
      await page.keyboard.press("Escape");
      if (attempt >= 3) throw error;
    }
  }
  await page.keyboard.press("Enter");
  await workbench.waitForLanguage(page, "ICM Trace");
  await page.locator(".editor-group-container.active .monaco-editor .view-lines").first().click();
  await page.keyboard.insertText(text);
  // Back to the start, where the findings are: a long pasted line wraps past the viewport.
  await page.keyboard.press("Control+Home");
}

/** Closes the pasted editor unsaved: its tab must go, and no save prompt may stay behind. */
async function closeWithoutSaving(page, tabTitle) {
  await page.locator(".editor-group-container.active .monaco-editor .view-lines").first().click();
  await workbench.runCommand(page, "View: Close Editor");
  await page.locator(".monaco-dialog-box .monaco-button:has-text(\"Don't Save\")").click();
  await page.locator(".monaco-dialog-box").waitFor({ state: "detached" });
  await page.locator(`.tabs-container .tab:has-text(${JSON.stringify(tabTitle)})`).waitFor({ state: "detached" });
}

session.test("an assertion quoted without its time shows its diagnostic and hover", async (page) => {
  // Cisco Doc 65201 (Logger asserts constantly because Config_Message_Log is empty).
  const text = readFileSync(path.join(published, "lgr", "lgr-assert-config-message-log.txt"), "utf8");
  assert.match(text, /^la-lgr Fail: Assertion failed/);
  await pasteIntoNewTrace(page, text);
  const hover = await workbench.hoverFirstError(page, "Config_Message_Log");
  assert.match(await hover.innerText(), /config-message-log-empty|Config_Message_Log/);
  await workbench.screenshot(page, "pasted-untimed-assertion");
  await page.keyboard.press("Escape");
  await workbench.openProblemsPanel(page);
  await page.locator(selectors.problemsPanel.row("config-message-log-empty")).first().waitFor();
  await closeWithoutSaving(page, "la-lgr Fail: Assertion failed");
});

session.test("a router /ms paste whose entries ran together shows its diagnostics and hover", async (page) => {
  // Cisco Doc 116178 (CVP "Send to VRU" failures): router and CVP entries on one line.
  const text = readFileSync(path.join(published, "rtr", "rtr-vru-customer-not-found-for-dn.txt"), "utf8");
  assert.match(text, /^12:41:02:591 ra-rtr Trace: /);
  await pasteIntoNewTrace(page, text);
  const hover = await workbench.hoverFirstError(page, "network VRU");
  assert.match(await hover.innerText(), /rtr-no-network-vru-for-dn/);
  await workbench.screenshot(page, "pasted-ms-router-trace");
  await page.keyboard.press("Escape");
  await workbench.openProblemsPanel(page);
  await page.locator(selectors.problemsPanel.row("rtr-no-network-vru-for-dn")).first().waitFor();
  await closeWithoutSaving(page, "12:41:02:591 ra-rtr Trace");
});
