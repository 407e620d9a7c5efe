// Workbench actions for the UI tests, written as a user does them: keyboard, palette, hover.
// Every wait is on a selector or a count; no fixed sleeps.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { screenshotsDir } from "../../scripts/editor/paths.mjs";
import { selectors } from "./selectors.mjs";

export async function waitForWorkbench(page) {
  await page.locator(selectors.workbench).waitFor();
  await page.locator(selectors.statusBar).waitFor();
}

/**
 * "Developer: Reload Window", which saves the workbench's state first (a browser reload may not);
 * resolves once the new page's workbench is up, not the old one's.
 */
export async function reloadWindow(page) {
  const reloaded = page.waitForEvent("load");
  await runCommand(page, "Developer: Reload Window");
  await reloaded;
  await waitForWorkbench(page);
}

/**
 * An extension's activation time as "Developer: Show Running Extensions" shows it (that view must
 * be open): its label and the milliseconds in it, undefined when the label gives none.
 */
export async function activationTime(page, extensionName) {
  const row = page.locator(selectors.runningExtensions.row(extensionName));
  const label = (await row.locator(selectors.runningExtensions.activationTime).innerText()).trim();
  const [, milliseconds] = /Activation: (\d+)ms/.exec(label) ?? [];
  return { label, milliseconds: milliseconds === undefined ? undefined : Number(milliseconds) };
}

/** Quick Open (Ctrl+P) by file name; resolves when its tab is the active one. */
export async function openFile(page, fileName) {
  await page.keyboard.press("Control+P");
  await page.locator(selectors.quickInput.box).fill(fileName);
  await page.locator(selectors.quickInput.row(fileName)).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(selectors.editor.activeTab(fileName)).waitFor();
}

/**
 * Runs a palette command by its title. Just after start-up the palette may not list extension
 * commands yet ("No matching commands"), so it is reopened until the row shows up.
 */
export async function runCommand(page, title, { attempts = 10 } = {}) {
  const row = page.locator(selectors.quickInput.command(title)).first();
  const box = page.locator(selectors.quickInput.box);
  for (let attempt = 1; ; attempt++) {
    // A webview that is loading (one just shown again) may not pass F1 on to the workbench: the
    // palette is then asked for again.
    await page.keyboard.press("F1");
    try {
      await box.waitFor({ timeout: 3000 });
      await box.fill(`>${title}`);
      await row.waitFor({ timeout: 3000 });
      // Recently used commands come first: a longer title that holds this one may be focused.
      // Read without waiting: a list with no focused row yet has none to read.
      const focused = page.locator(selectors.quickInput.focusedRow).first();
      const focusedLabel = (await focused.count()) > 0 ? await focused.getAttribute("aria-label") : null;
      if (focusedLabel === null || focusedLabel.split(", ")[0] === title) await page.keyboard.press("Enter");
      else await row.click();
      return;
    } catch (error) {
      await page.keyboard.press("Escape");
      if (attempt >= attempts) throw new Error(`Command "${title}" could not be run from the palette: ${error.message}`);
    }
  }
}

/** Waits until the status bar shows `name` as the active editor's language. */
export async function waitForLanguage(page, name) {
  await page.locator(selectors.status.languageMode).filter({ hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) }).waitFor();
}

/** Waits until the Problems status item's label contains `label`, e.g. "Errors: 2". */
export async function waitForProblemsStatus(page, label) {
  await page.locator(`${selectors.status.problems}[aria-label*=${JSON.stringify(label)}]`).waitFor();
}

/** Opens and focuses the Problems panel. */
export async function openProblemsPanel(page) {
  await runCommand(page, "View: Focus Problems (Errors, Warnings, Infos)");
}

/** Moves the mouse over the first error squiggle and returns the hover that mentions `text`. */
export async function hoverFirstError(page, text) {
  const squiggle = page.locator(selectors.editor.squigglyError).first();
  await squiggle.waitFor();
  // The squiggle sits under the text layer, so hover at its position rather than on it.
  await squiggle.hover({ force: true });
  const hover = page.locator(selectors.hover(text)).first();
  await hover.waitFor();
  return hover;
}

/**
 * Puts the cursor on the first error and picks a quick fix by its title. The menu is driven by
 * keyboard: a pointer block covers it until the mouse moves.
 */
export async function applyQuickFixAtFirstError(page, title) {
  await page.locator(selectors.editor.squigglyError).first().click({ force: true });
  await page.keyboard.press("Control+.");
  await page.locator(selectors.codeAction.named(title)).waitFor();
  const rows = await page.locator(selectors.codeAction.any).count();
  for (let moves = 0; moves <= rows; moves++) {
    if ((await page.locator(selectors.codeAction.focused).getAttribute("aria-label")) === title) {
      await page.keyboard.press("Enter");
      await page.locator(selectors.codeAction.any).first().waitFor({ state: "detached" });
      return;
    }
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`Could not select the quick fix "${title}"`);
}

/**
 * Saves the active editor once it has unsaved changes (a format or a quick fix arrives as one
 * edit, so dirty means applied), and waits until it is clean.
 */
export async function saveActiveEditor(page) {
  const dirtyTab = page.locator(selectors.editor.dirtyActiveTab);
  await dirtyTab.waitFor();
  await page.keyboard.press("Control+S");
  await dirtyTab.waitFor({ state: "detached" });
}

/** Closes whatever popup, menu or input has focus, so a failed test does not block the next. */
export async function dismissPopups(page) {
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
}

export async function screenshot(page, name) {
  mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
