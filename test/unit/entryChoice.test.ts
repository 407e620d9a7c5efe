// The split's choice of entry starts and its table (clocks, days passed, dates) against a plain
// reference: the three-pass choice and per-entry fill the split used before they were made one pass
// and one loop per run. Texts are rich in mid-line times, context words, day headers and midnights.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CandidateList, CandidatePlace, findCandidatesInText, MESSAGE_TIME_WORD_LIST, processTagEnd } from "../../server/src/engine/candidates";
import { forwardGap, isDigitCode, isMidnightRollover, SECONDS_PER_DAY } from "../../server/src/engine/clock";
import { type TraceEntry } from "../../server/src/engine/entries";
import { splitEntries } from "../../server/src/formats";

const piece = fc.oneof(
  fc.constantFrom("23:26:58 ", "23:59:59 ", "00:00:01 ", "00:30:00 ", "10:00:00.123 ", "08:00:00\n", "12:00:00 "),
  fc.constantFrom("\n", "\r\n", " ", "\t", "Trace: ", "la-lgr ", "Build 09778", "x=", "T", "2007-02-08T", "Feb 8 2007 ", "(", "; "),
  fc.constantFrom(...MESSAGE_TIME_WORD_LIST.map((w) => `${w} `), "AT ", "Scheduled ", "At, ", "SINCE;  ", "atx ", "İs ", "\u212Aat "),
  fc.constantFrom("Events from February 8, 2007\n", "\nEvents from March 31, 2024\n", "Initializing ", "MDS is in service."),
  // Mid-line times that read as entry starts, after a word and after other text.
  fc.constantFrom("Done. 23:59:59 Initializing ", "Done. 00:30:00 Initializing ", "Done. 12:00:00 la-lgr ", "Build 0977823:26:58 Initializing ", "ok.00:00:01 Trace: "),
  fc.string({ maxLength: 8 }),
);
const traceText = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(""));

const NO_ENTRY_AFTER = new Set("([{<='\"/\\@#:+-$".split("").map((c) => c.charCodeAt(0)));
const TIME_WORDS = new Set(MESSAGE_TIME_WORD_LIST);

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function wordBefore(text: string, blankPos: number): string {
  let end = blankPos;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  while (end > 0 && (text.charCodeAt(end - 1) === 44 || text.charCodeAt(end - 1) === 59)) end--;
  let start = end;
  const limit = Math.max(0, end - 64);
  while (start > limit && !isBlank(text.charCodeAt(start - 1)) && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  return text.slice(start, end);
}

function contextAllows(text: string, pos: number, length: number, place: number): boolean {
  if (place === CandidatePlace.LineStart) return true;
  const before = text.charCodeAt(pos - 1);
  if (place === CandidatePlace.Abutting) return !NO_ENTRY_AFTER.has(before) && !(before === 84 && isDigitCode(text.charCodeAt(pos - 2)));
  const word = wordBefore(text, pos - 1);
  if (word === "" || TIME_WORDS.has(word.toLowerCase())) return false;
  // After a number, only a process tag: `value=0 23:26:58 la-lgr …`, not a date's `2007 05:37:44`.
  if (isDigitCode(word.charCodeAt(word.length - 1))) return processTagEnd(text, pos + length + 1) !== -1;
  const head = text.charCodeAt(pos + length + 1);
  return (head >= 65 && head <= 90) || processTagEnd(text, pos + length + 1) !== -1;
}

function isForwardStep(from: number, to: number): boolean {
  return to >= from || isMidnightRollover(from, to);
}

function liesBetween(previous: number, clock: number, next: number): boolean {
  if (!isForwardStep(previous, clock)) return false;
  if (Number.isNaN(next) || !isForwardStep(previous, next)) return true;
  return forwardGap(previous, clock) + forwardGap(clock, next) === forwardGap(previous, next);
}

/** The reference choice: every context read, the next anchor of every candidate found, then one pass. */
function referenceStarts(text: string, previousClock: number | null, upcomingClock: number | null): { pos: number; clock: number }[] {
  const list = findCandidatesInText(text, new CandidateList());
  const n = list.count;
  const plausible = Array.from({ length: n }, (_, i) => contextAllows(text, list.pos[i]!, list.length[i]!, list.place[i]!));
  const nextAnchor = new Array<number>(n);
  let upcoming = upcomingClock ?? Number.NaN;
  for (let i = n - 1; i >= 0; i--) {
    nextAnchor[i] = upcoming;
    if (plausible[i] && list.place[i] !== CandidatePlace.Spaced) upcoming = list.clock[i]!;
  }
  const kept: { pos: number; clock: number }[] = [];
  let previous = previousClock ?? Number.NaN;
  for (let i = 0; i < n; i++) {
    const clock = list.clock[i]!;
    if (list.place[i] !== CandidatePlace.LineStart) {
      if (!plausible[i]) continue;
      if (!Number.isNaN(previous) && !liesBetween(previous, clock, nextAnchor[i]!)) continue;
    }
    kept.push({ pos: list.pos[i]!, clock });
    previous = clock;
  }
  return kept;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The reference fill: day headers (as the split found them) reset the day; a midnight passes a day. */
function referenceTimed(text: string, headers: readonly TraceEntry[], previousClock: number | null, upcomingClock: number | null) {
  let h = 0;
  let day: string | null = null;
  let daysPassed = 0;
  let previous: number | null = previousClock;
  return referenceStarts(text, previousClock, upcomingClock).map(({ pos, clock }) => {
    while (h < headers.length && headers[h]!.start < pos) {
      day = headers[h++]!.date;
      daysPassed = 0;
      previous = null;
    }
    if (previous !== null && isMidnightRollover(previous, clock)) daysPassed++;
    previous = clock;
    return { start: pos, clock, elapsedClock: clock + daysPassed * SECONDS_PER_DAY, date: day === null ? null : addDays(day, daysPassed) };
  });
}

describe("entry choice and table", () => {
  it("keep the times the reference keeps, with its clocks, days passed and dates", () => {
    const clock = fc.option(fc.integer({ min: 0, max: SECONDS_PER_DAY - 1 }), { nil: null });
    fc.assert(
      fc.property(traceText, clock, clock, (text, previousClock, upcomingClock) => {
        const state = { format: "standard" as const, previousClock, day: null, daysPassed: 0, firstDate: null };
        const { entries } = splitEntries(text, { state, upcomingClock });
        const headers = entries.filter((e) => e.kind === "header");
        const timed = entries.filter((e) => e.kind === "entry").map(({ start, clock, elapsedClock, date }) => ({ start, clock, elapsedClock, date }));
        assert.deepEqual(timed, referenceTimed(text, headers, previousClock, upcomingClock));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a context word in any case, and only whole words", () => {
    const starts = (text: string) => splitEntries(text).entries.filter((e) => e.kind === "entry").map((e) => e.start);
    assert.deepEqual(starts("08:00:00 Trace: Purge SCHEDULED AT 09:00:00 Trace: x"), [0]);
    assert.deepEqual(starts("08:00:00 Trace: Purge done; Atx 09:00:00 Trace: x"), [0, 32]);
  });
});
