// The shape of catalogue knowledge. Each known failure is one record: data, not code.

import type { Localized, Severity } from "../shared/text";

export type { Language, Localized, Severity } from "../shared/text";

/** What a record recognises. */
export type RecordMatch = LineMatch | SequenceMatch | PairMatch;

/** A rule over the two sides' traces together, implemented in `core/pairRules.ts`. */
export interface PairMatch {
  readonly kind: "pair";
  readonly rule: "config-checksum-differs";
}

/** One entry whose message contains `anchor` (and, when given, matches `pattern`). */
export interface LineMatch {
  readonly kind: "line";
  /** Literal text that must occur in the entry's message, case-sensitive: the fast filter. */
  readonly anchor: string;
  /**
   * A further check on the message once the anchor is found. Must be linear (no nested
   * quantifiers); the ReDoS check in the tests enforces it. Named groups become template values.
   */
  readonly pattern?: RegExp;
  /** Only when `Last API Error [N]` in the same entry has one of these numbers. */
  readonly apiErrors?: readonly number[];
  /** Only when the entry has a `Last API Error [N]` whose number is NOT one of these. */
  readonly apiErrorsExcept?: readonly number[];
  /** Applies only when no non-fallback record matched the entry. */
  readonly fallback?: boolean;
}

/** A rule over several entries, implemented in `core/sequenceRules.ts` under this name. */
export interface SequenceMatch {
  readonly kind: "sequence";
  readonly rule: SequenceRuleName;
}

export type SequenceRuleName =
  | "run-together-entries"
  | "state-receive-incomplete"
  | "state-send-aborted"
  | "schema-version-mismatch"
  | "process-restart-loop"
  | "peer-never-returned"
  | "database-connect-incomplete";

/** A hint the editor turns into a quick fix. */
export type QuickFixHint =
  | { readonly kind: "splitEntries"; readonly title: Localized }
  | { readonly kind: "copyCommand"; readonly title: Localized; readonly command: string }
  | { readonly kind: "openUrl"; readonly title: Localized; readonly url: string };

export interface FailureRecord {
  /** kebab-case, stable: diagnostics' `code`, settings' ignore list. */
  readonly id: string;
  readonly severity: Severity;
  /** ICM process or area the record belongs to, e.g. `lgr`, `nm`, `mds`, `windows`. */
  readonly area: string;
  readonly match: RecordMatch;
  readonly title: Localized;
  /**
   * The finding's message. `{name}` placeholders take values from the match: `apiError`,
   * `win32Name`, `win32Meaning`, pattern groups, and a sequence rule's values.
   */
  readonly message: Localized;
  readonly explanation: Localized;
  readonly causes: Localized<readonly string[]>;
  readonly fixes: Localized<readonly string[]>;
  readonly quickFixes: readonly QuickFixHint[];
  /** Shown in the editor only (e.g. layout hints); the CLI reports it with `--hints`. */
  readonly editorOnly?: boolean;
}

export interface Win32Error {
  readonly code: number;
  readonly name: string;
  readonly meaning: Localized;
}
