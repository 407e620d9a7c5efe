// Launches Debian's chromium through playwright-core (`npx playwright install` cannot download).
import { chromium } from "playwright-core";
import { chromiumPath } from "../../scripts/editor/paths.mjs";

const chromiumArgs = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
];

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** A fresh page sized so the panel, outline and status bar are all visible. */
export async function newEditorPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return context.newPage();
}
