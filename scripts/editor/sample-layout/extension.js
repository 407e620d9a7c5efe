// `npm start`'s first impression: the receiving side's trace, and the A/B timeline of the sample pair
// beside it. Not part of the extension: `npm start` loads it as a development extension.
"use strict";
const vscode = require("vscode");

const RECEIVE = "sideA-lgr-receive.txt";
const SEND = "sideB-lgr-send.txt";

exports.activate = async function activate() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) return;
  const receive = vscode.Uri.joinPath(folder.uri, RECEIVE);
  const send = vscode.Uri.joinPath(folder.uri, SEND);
  try {
    await vscode.window.showTextDocument(receive, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand("icmTrace.compareSides", receive, [receive, send]);
  } catch (error) {
    void vscode.window.showWarningMessage(`The sample layout could not open: ${error instanceof Error ? error.message : String(error)}`);
  }
};

exports.deactivate = function deactivate() {};
