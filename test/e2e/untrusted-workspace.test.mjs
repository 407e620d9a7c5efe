// With workspace trust on, a freshly opened folder is untrusted (Restricted Mode). The extension
// declares untrusted-workspace support, so its diagnostics must still appear.
import { workbenchSession } from "./session.mjs";
import { selectors } from "./selectors.mjs";
import * as workbench from "./workbench.mjs";

const session = workbenchSession("untrusted");

session.test("opens the samples folder in Restricted Mode", async (page) => {
  await page.locator(selectors.status.workspaceTrust).filter({ hasText: "Restricted Mode" }).waitFor();
});

session.test("still reports the errors of sideB-lgr-send.txt", async (page) => {
  await workbench.openFile(page, "sideB-lgr-send.txt");
  await workbench.waitForLanguage(page, "ICM Trace");
  await workbench.waitForProblemsStatus(page, "Errors: 2");
  await page.locator(selectors.editor.squigglyError).first().waitFor();
  await workbench.screenshot(page, "untrusted-diagnostics");
});
