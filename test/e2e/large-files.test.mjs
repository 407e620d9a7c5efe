import path from "node:path";
import { editorFor, workbenchSession } from "./session.mjs";
import { selectors } from "./selectors.mjs";
import * as workbench from "./workbench.mjs";

const session = workbenchSession("trusted");
const { folder } = editorFor("trusted");

session.test("explore", async (page) => {
  await workbench.runCommand(page, "ICM Trace: Analyze Folder…");
  await page.locator(selectors.quickInput.box).fill(folder + "/");
  await page.locator(".quick-input-widget .monaco-button", { hasText: "Analyze" }).click();
  await page.locator(selectors.notification("traces analysed")).waitFor();
  const html = await page.locator(".part.panel").evaluate((e) => [...e.querySelectorAll("[aria-label]")].map((n) => n.tagName + "." + n.className + " :: " + n.getAttribute("aria-label")).join("\n"));
  console.log(html);
  console.log(await page.locator(".part.panel .monaco-editor .view-lines").innerText());
  await workbench.openProblemsPanel(page);
  const html2 = await page.locator(".part.panel").evaluate((e) => [...e.querySelectorAll("[aria-label]")].map((n) => n.tagName + "." + n.className + " :: " + n.getAttribute("aria-label")).join("\n"));
  console.log(html2);
});
