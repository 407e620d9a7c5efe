// The catalogue: every known failure record, in match priority order.

import { databaseRecords } from "./records/database";
import { layoutRecords } from "./records/layout";
import { stateTransferRecords } from "./records/stateTransfer";
import { windowsRecords } from "./records/windows";
import type { FailureRecord } from "./types";

export const catalogue: readonly FailureRecord[] = [
  ...stateTransferRecords,
  ...databaseRecords,
  ...windowsRecords,
  ...layoutRecords,
];

const byId = new Map(catalogue.map((r) => [r.id, r]));

export function catalogueRecord(id: string): FailureRecord | undefined {
  return byId.get(id);
}

export * from "./types";
export { win32Error, win32Errors } from "./win32Errors";
