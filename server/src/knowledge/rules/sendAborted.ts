// A state transfer SEND that was abandoned: the sender could not set up its temporary state file
// (Unable to GetTempFileName … Last API Error [N]) and cleaned the prepared state up.

import type { Localized } from "../../shared/text";
import type { TraceEntry } from "../../model/entries";
import { formatClock } from "../../engine/clock";
import { apiErrorValues, readApiError } from "../apiError";
import { SEND_CLEANUP, SEND_PREPARE, SEND_SETUP_FAILED, TEMP_FILE_FAILED } from "../vocabulary";
import { defineRule, type RelatedHit, type RuleHit } from "./rule";

export const sendAborted = defineRule({
  markers: [SEND_PREPARE, TEMP_FILE_FAILED, SEND_SETUP_FAILED, SEND_CLEANUP],
  create() {
    const hits: RuleHit[] = [];
    let prepare: TraceEntry | null = null;
    let tempFailure: { entry: TraceEntry; apiError: number | null } | null = null;
    let reported: number | null = null;
    const report = (entry: TraceEntry) => {
      const apiError = tempFailure?.apiError ?? null;
      let cause: Localized = { en: "", ja: "" };
      if (tempFailure !== null) {
        if (apiError === null) cause = { en: ": the temporary file could not be created", ja: "（一時ファイルを作成できなかったため）" };
        else {
          const v = apiErrorValues(apiError);
          cause = {
            en: `: the temporary file could not be created (Last API Error [${apiError}] ${v.en.win32Name})`,
            ja: `（一時ファイルを作成できなかったため: Last API Error [${apiError}] ${v.ja.win32Name}）`,
          };
        }
      }
      // A setup failure may come without its PrepareToSendState in the excerpt.
      const at: Localized = prepare === null ? { en: "a time before this excerpt", ja: "この抜粋より前の時刻" } : { en: formatClock(prepare.clock ?? 0), ja: formatClock(prepare.clock ?? 0) };
      const related: RelatedHit[] = [];
      if (tempFailure !== null) {
        related.push({ entry: tempFailure.entry, message: { en: "The temporary state-transfer file could not be created", ja: "状態転送用の一時ファイルを作成できなかった" } });
      }
      if (prepare !== null) related.push({ entry: prepare, message: { en: "The transfer was prepared here", ja: "ここで転送を準備" } });
      hits.push({ entry, values: { en: { preparedAt: at.en, cause: cause.en }, ja: { preparedAt: at.ja, cause: cause.ja } }, related, apiError });
      reported = hits.length - 1;
    };
    return {
      onEntry(seen) {
        if (seen.holds(SEND_PREPARE)) {
          prepare = seen.entry;
          tempFailure = null;
          reported = null;
        } else if (seen.holds(TEMP_FILE_FAILED)) {
          tempFailure = { entry: seen.entry, apiError: readApiError(seen.message) };
        } else if (seen.holds(SEND_SETUP_FAILED)) {
          if (reported === null) report(seen.entry);
        } else if (seen.holds(SEND_CLEANUP)) {
          if (reported !== null) {
            const hit = hits[reported]!;
            hits[reported] = { ...hit, related: [...hit.related, { entry: seen.entry, message: { en: "The prepared state was cleaned up", ja: "準備した状態を破棄" } }] };
          } else if (tempFailure !== null) {
            report(seen.entry);
          }
          prepare = null;
          tempFailure = null;
          reported = null;
        }
      },
      finish() {
        return hits;
      },
    };
  },
});
