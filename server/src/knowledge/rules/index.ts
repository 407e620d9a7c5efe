// The sequence rules, one per file, by the name catalogue records give in `match.rule`.
// `run-together-entries` is layout, not a rule over entries: see analysis/analyze.ts.

import type { SequenceRuleName } from "../types";
import { databaseConnectIncomplete } from "./databaseConnectIncomplete";
import { peerNeverReturned } from "./peerNeverReturned";
import { receiveIncomplete } from "./receiveIncomplete";
import { restartLoop } from "./restartLoop";
import type { SequenceRuleDefinition } from "./rule";
import { schemaMismatch } from "./schemaMismatch";
import { sendAborted } from "./sendAborted";

export const sequenceRules: Readonly<Record<Exclude<SequenceRuleName, "run-together-entries">, SequenceRuleDefinition<string, string>>> = {
  "state-receive-incomplete": receiveIncomplete,
  "state-send-aborted": sendAborted,
  "schema-version-mismatch": schemaMismatch,
  "process-restart-loop": restartLoop,
  "peer-never-returned": peerNeverReturned,
  "database-connect-incomplete": databaseConnectIncomplete,
};

export type * from "./rule";
