// How dist/client.js, the bundle activation loads, is made: scripts/build.mjs builds it with these
// options and test/unit/clientBundle.test.ts checks what goes into it.
const path = require("node:path");

const root = path.resolve(__dirname, "..");

module.exports = {
  entryPoints: { client: path.join(root, "client/src/extension.ts") },
  external: ["vscode"],
  // The message types of server/src/shared/protocol.ts as the client uses them (only their method),
  // without vscode-jsonrpc's module: see client/src/messageTypes.ts.
  alias: { "vscode-jsonrpc/lib/common/messages": path.join(root, "client/src/messageTypes.ts") },
};
