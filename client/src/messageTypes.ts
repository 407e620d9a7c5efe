// What the client's first bundle (dist/client.js) gets in place of vscode-jsonrpc's message types:
// scripts/build.mjs aliases "vscode-jsonrpc/lib/common/messages" to this file for that bundle only.
// The client reads nothing of a message type but its method (it sends by method: languageClient.ts),
// and the library's module cost half a millisecond of activation to load.

export class RequestType {
  constructor(readonly method: string) {}
}

export class NotificationType {
  constructor(readonly method: string) {}
}
