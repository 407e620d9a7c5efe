// The words that make an entry worth a closer look: every catalogue anchor, every rule's markers and
// the transfer role markers, found in one scan of a text (engine/marking.ts).

import { caseVariants, LiteralSet } from "../engine/literalSet";
import { catalogue } from "./catalogue";
import { sequenceRules } from "./rules";
import { RECEIVE_ROLE_MARKERS, SEND_ROLE_MARKERS } from "./vocabulary";

export { caseVariants } from "../engine/literalSet";

const ruleDefinitions = Object.values(sequenceRules);

/** Every anchor and marker, found in one scan; `MARKERS.words[i]` is word `i`. */
export const MARKERS = new LiteralSet([
  ...catalogue.flatMap((r) => (r.match.kind === "line" ? [r.match.anchor] : [])),
  ...ruleDefinitions.flatMap((d) => d.markers),
  ...ruleDefinitions.flatMap((d) => (d.markersAnyCase ?? []).flatMap(caseVariants)),
  ...SEND_ROLE_MARKERS,
  ...RECEIVE_ROLE_MARKERS,
]);
