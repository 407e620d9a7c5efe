// The catalogue: every known failure record, in match priority order.

import { checksumRecords } from "./records/checksum";
import { databaseRecords } from "./records/database";
import { icmGatewayRecords } from "./records/icmGateway";
import { layoutRecords } from "./records/layout";
import { networkRecords } from "./records/network";
import { nodeManagerRecords } from "./records/nodeManager";
import { operationRecords } from "./records/operations";
import { pairRecords } from "./records/pairs";
import { peripheralRecords } from "./records/peripheral";
import { replicationRecords } from "./records/replication";
import { routerRecords } from "./records/router";
import { sqlRecords } from "./records/sql";
import { stateTransferRecords } from "./records/stateTransfer";
import { supportToolsRecords } from "./records/supportTools";
import { windowsRecords } from "./records/windows";
import { windowsApiRecords } from "./records/windowsApi";
import type { FailureRecord } from "./types";

export const catalogue: readonly FailureRecord[] = [
  ...stateTransferRecords,
  ...databaseRecords,
  ...checksumRecords,
  ...nodeManagerRecords,
  ...operationRecords,
  ...pairRecords,
  ...networkRecords,
  ...routerRecords,
  ...peripheralRecords,
  ...replicationRecords,
  ...sqlRecords,
  ...windowsApiRecords,
  ...windowsRecords,
  ...supportToolsRecords,
  ...icmGatewayRecords,
  ...layoutRecords,
];

const byId = new Map(catalogue.map((r) => [r.id, r]));

export function catalogueRecord(id: string): FailureRecord | undefined {
  return byId.get(id);
}

/** Whether findings of this record are shown in the editor only (layout hints), not by the CLI or in a compare. */
export function isEditorOnly(id: string): boolean {
  return byId.get(id)?.editorOnly === true;
}

export * from "./types";
export { win32Error, win32Errors } from "./win32Errors";
