// The catalogue: every known failure record, in match priority order.

import { checksumRecords } from "./records/checksum";
import { databaseRecords } from "./records/database";
import { dbWorkerRecords } from "./records/dbWorker";
import { icmGatewayRecords } from "./records/icmGateway";
import { jtapiGatewayRecords } from "./records/jtapiGateway";
import { layoutRecords } from "./records/layout";
import { loggerHealthRecords } from "./records/loggerHealth";
import { networkRecords } from "./records/network";
import { networkVruRecords } from "./records/networkVru";
import { nodeEventRecords } from "./records/nodeEvents";
import { nodeManagerRecords } from "./records/nodeManager";
import { operationRecords } from "./records/operations";
import { pairRecords } from "./records/pairs";
import { peripheralRecords } from "./records/peripheral";
import { peripheralAcdRecords } from "./records/peripheralAcd";
import { pgAgentRecords } from "./records/pgAgent";
import { replicationRecords } from "./records/replication";
import { routerRecords } from "./records/router";
import { routerCallRoutingRecords } from "./records/routerCallRouting";
import { sqlRecords } from "./records/sql";
import { stateTransferRecords } from "./records/stateTransfer";
import { supportToolsRecords } from "./records/supportTools";
import { vruPimRecords } from "./records/vruPim";
import { windowsRecords } from "./records/windows";
import { windowsApiRecords } from "./records/windowsApi";
import type { FailureRecord } from "./types";

export const catalogue: readonly FailureRecord[] = [
  ...stateTransferRecords,
  ...databaseRecords,
  ...checksumRecords,
  // Before nodeManagerRecords: a specific assertion must match before the process-assertion fallback.
  ...pgAgentRecords,
  ...nodeManagerRecords,
  ...nodeEventRecords,
  ...operationRecords,
  ...pairRecords,
  ...networkRecords,
  ...routerRecords,
  ...routerCallRoutingRecords,
  ...networkVruRecords,
  ...dbWorkerRecords,
  ...peripheralRecords,
  ...peripheralAcdRecords,
  ...vruPimRecords,
  ...jtapiGatewayRecords,
  ...loggerHealthRecords,
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
