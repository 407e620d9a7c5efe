// One browser page on one code-server workbench per test file. The runner (run.mjs) starts the
// servers and passes them in ICM_E2E_EDITORS; each test file picks its scenario by name.
import { before, after, test } from "node:test";
import { launchChromium, newEditorPage } from "./browser.mjs";
import { dismissPopups, screenshot, waitForWorkbench } from "./workbench.mjs";

/** { url, folder } of the workbench the runner prepared for `scenario`. */
export function editorFor(scenario) {
  const editors = JSON.parse(process.env.ICM_E2E_EDITORS ?? "{}");
  const editor = editors[scenario];
  if (!editor) throw new Error(`No "${scenario}" editor: run the UI tests through "npm run test:e2e".`);
  return editor;
}

/**
 * Registers before/after hooks that open the scenario's workbench, and returns the session whose
 * `page` and `folder` the tests use. Tests registered with `session.test` screenshot on failure.
 */
export function workbenchSession(scenario) {
  const session = { page: undefined, folder: undefined, test: undefined };
  let browser;
  before(async () => {
    const editor = editorFor(scenario);
    session.folder = editor.folder;
    browser = await launchChromium();
    session.page = await newEditorPage(browser);
    session.page.setDefaultTimeout(30_000);
    await session.page.goto(editor.workbenchUrl);
    await waitForWorkbench(session.page);
  });
  after(async () => {
    await browser?.close();
  });
  session.test = (name, body) =>
    test(name, { timeout: 90_000 }, async () => {
      try {
        await dismissPopups(session.page);
        await body(session.page);
      } catch (error) {
        const file = await screenshot(session.page, `failed-${scenario}-${slug(name)}`).catch(() => undefined);
        if (file) error.message += `\n  screenshot: ${file}`;
        throw error;
      }
    });
  return session;
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
}
