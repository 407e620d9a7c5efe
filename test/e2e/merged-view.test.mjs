// Many traces on one clock in the real editor: the merged view of the open traces, each line
// prefixed by its lane and corrected time, with the findings of its entries; and one call followed
// from an identifier through "Find This Call in All Traces".
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { workbenchSession } from "./session.mjs";
import { selectors } from "./selectors.mjs";
import * as workbench from "./workbench.mjs";

const session = workbenchSession("trusted");
const published = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "published");

session.test("the merged view puts the open traces on one clock, lane and time first, with their findings", async (page) => {
  await workbench.openFile(page, "sideA-lgr-receive.txt");
  await workbench.waitForLanguage(page, "ICM Trace");
  await workbench.openFile(page, "sideB-lgr-send.txt");
  await workbench.waitForLanguage(page, "ICM Trace");
  await workbench.runCommand(page, "ICM Trace: Open Merged View");
  await page.locator(".tab.active:has-text('Merged traces')").waitFor();
  const lines = page.locator(".editor-group-container.active .view-lines");
  await lines.locator(".view-line:has-text('A/lgr')").first().waitFor();
  await lines.locator(".view-line:has-text('B/lgr')").first().waitFor();
  // The sender's failure, on the receiver's clock (the transfer lines the two up: 16:47:39 is 23:27:04).
  await lines.locator(".view-line:has-text('B/lgr  23:27:04  Unable to GetTempFileName')").first().waitFor();
  await page.locator(selectors.editor.squigglyError).first().waitFor();
  await workbench.screenshot(page, "merged-view");
  // From an entry: the window of 15 minutes each way around it, in a merged view of its own.
  await page.locator(".tab:has-text('sideA-lgr-receive.txt')").click();
  await workbench.runCommand(page, "ICM Trace: Show ±15 Minutes Around This Entry");
  await page.locator(".tab.active:has-text('Merged traces 2')").waitFor();
  await lines.locator(".view-line:has-text('A/lgr  23:26:58')").first().waitFor();
});

session.test("Find This Call in All Traces lists the entries that name the call under the cursor", async (page) => {
  copyFileSync(path.join(published, "rtr", "rtr-vru-script-response-error.txt"), path.join(session.folder, "rtr_output.txt"));
  // A file new to the workspace: opened from the explorer (Quick Open lists it only once indexed).
  await page.locator(selectors.explorer.row("rtr_output.txt")).click();
  await page.locator(selectors.editor.activeTab("rtr_output.txt")).waitFor();
  await workbench.waitForLanguage(page, "ICM Trace");
  // Line 1, on `CID=(150431,201)` of the first NewCall.
  await workbench.runCommand(page, "Go to Line/Column...");
  await page.locator(selectors.quickInput.box).fill(":1:60");
  await page.keyboard.press("Enter");
  await workbench.runCommand(page, "ICM Trace: Find This Call in All Traces");
  const peek = page.locator(".peekview-widget");
  await peek.waitFor();
  const [, found] = /References \((\d+)\)/.exec(await peek.locator(".peekview-title").innerText()) ?? [];
  assert.ok(Number(found) >= 2, `references: ${found}`);
  await workbench.screenshot(page, "find-this-call");
  await page.keyboard.press("Escape");
});
