// "Find This Call in All Traces": the server answers References for a call identifier with every
// entry of the open traces that names the call. Besides listing them, the same entries are marked
// wherever the open traces are shown together: merged views and the merged timeline.

import vscode = require("vscode");
import { LANGUAGE_ID } from "../../server/src/shared/protocol";

/** Marks the entries that hold these references, in a view of its own. */
export type CallMarker = (locations: readonly vscode.Location[]) => unknown;

export function registerFindCall(markers: readonly CallMarker[]): vscode.Disposable {
  return vscode.commands.registerCommand("icmTrace.findCall", async () => {
    const listed = vscode.commands.executeCommand("editor.action.referenceSearch.trigger");
    const editor = vscode.window.activeTextEditor;
    if (editor !== undefined && editor.document.languageId === LANGUAGE_ID) {
      const locations = (await vscode.commands.executeCommand<vscode.Location[] | undefined>("vscode.executeReferenceProvider", editor.document.uri, editor.selection.active)) ?? [];
      // No identifier under the cursor: what is marked stays.
      if (locations.length > 0) await Promise.all(markers.map((mark) => mark(locations)));
    }
    await listed;
  });
}
