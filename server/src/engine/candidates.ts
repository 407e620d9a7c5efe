// Clock times that may start an entry, and the choice of those that do. A time written inside a
// message is not an entry start: the choice goes by what surrounds the time and by time order with
// its neighbours. Typed arrays, not objects: a 100 MB trace holds millions of times.

import type { TextLike } from "./byteText";
import { CandidateList, CandidatePlace, CONTEXT_ALLOWS, CONTEXT_DENIES, CONTEXT_UNREAD } from "./candidateList";
import { forwardGap, isDigitCode, isMidnightRollover, SECONDS_PER_DAY } from "./clock";
import type { ClockContextWords, TimedEntries } from "./scan/types";

export function isLineStart(text: TextLike, pos: number): boolean {
  if (pos === 0) return true;
  const prev = text.charCodeAt(pos - 1);
  if (prev === 10 || prev === 13) return true;
  return pos === 1 && prev === 0xfeff;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function digitPair(text: string, pos: number): number {
  const a = text.charCodeAt(pos) - 48;
  const b = text.charCodeAt(pos + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Hops from colon to colon; a time is read where two colons stand three apart. Linear. */
export function findCandidatesInText(text: string, list: CandidateList = new CandidateList()): CandidateList {
  list.clear();
  let colon = text.indexOf(":", 2);
  while (colon !== -1) {
    if (text.charCodeAt(colon + 3) !== 58) {
      colon = text.indexOf(":", colon + 1);
      continue;
    }
    const pos = colon - 2;
    const h = digitPair(text, pos);
    const m = digitPair(text, pos + 3);
    const s = digitPair(text, pos + 6);
    if (h < 0 || m < 0 || s < 0 || h > 23 || m > 59 || s > 59) {
      colon = text.indexOf(":", colon + 1);
      continue;
    }
    let length = 8;
    let seconds = h * 3600 + m * 60 + s;
    let after = text.charCodeAt(pos + 8);
    if (after === 46 /* . */) {
      const ms = digitPair(text, pos + 9);
      const third = text.charCodeAt(pos + 11) - 48;
      if (ms >= 0 && third >= 0 && third <= 9 && !isDigitCode(text.charCodeAt(pos + 12))) {
        seconds += (ms * 10 + third) / 1000;
        length = 12;
        after = text.charCodeAt(pos + 12);
      }
    }
    const endsWell = after !== after /* NaN: end of text */ || after === 32 || after === 9 || after === 10 || after === 13;
    if (!endsWell) {
      colon = text.indexOf(":", colon + 1);
      continue;
    }
    let place: CandidatePlace;
    if (isLineStart(text, pos)) place = CandidatePlace.LineStart;
    else if (isBlank(text.charCodeAt(pos - 1))) place = CandidatePlace.Spaced;
    else place = CandidatePlace.Abutting;
    list.push(pos, seconds, length, place);
    // Most entries go on with a level word, ` Trace:`: a colon six on with no digit before it and no
    // colon three on cannot start a time (a time's first colon follows two digits), so skip it.
    const next = pos + length;
    const skipsLevel = text.charCodeAt(next + 6) === 58 && !isDigitCode(text.charCodeAt(next + 5)) && text.charCodeAt(next + 3) !== 58;
    colon = text.indexOf(":", skipsLevel ? next + 7 : next);
  }
  return list;
}

/** Words (lower case, ASCII) after which a clock time is part of the message: "scheduled at 01:30:00". */
export const MESSAGE_TIME_WORD_LIST: readonly string[] = [
  "at", "until", "till", "since", "by", "from", "to", "after", "before", "on", "is", "was", "were",
  "time", "times", "and", "or", "between", "around", "than", "as", "of", "for", "in", "next", "last",
  "scheduled", "expires", "expired", "starts", "started", "ends", "ended", "every", "each", "about",
];

// Characters after which a clock time cannot start an entry: it is quoted or part of a value.
const NO_ENTRY_AFTER_CHARS = "([{<='\"/\\@#:+-$";
const NO_ENTRY_AFTER = new Set(NO_ENTRY_AFTER_CHARS.split("").map((c) => c.charCodeAt(0)));

/** The same, for the WebAssembly scan, which reads contexts as it finds the times. */
export const CLOCK_CONTEXT_WORDS: ClockContextWords = {
  noEntryAfter: Buffer.from(NO_ENTRY_AFTER_CHARS, "latin1"),
  timeWords: Buffer.from(MESSAGE_TIME_WORD_LIST.map((word) => `${word} `).join(""), "latin1"),
};

/** The same words by length: a word in the text is compared in place, with no string made. */
const MESSAGE_TIME_WORDS: readonly (readonly string[])[] = byLength(MESSAGE_TIME_WORD_LIST);

function byLength(words: readonly string[]): string[][] {
  const table: string[][] = [];
  for (const word of words) (table[word.length] ??= []).push(word);
  for (let n = 0; n < table.length; n++) table[n] ??= [];
  return table;
}

/** Whether the text around a mid-line time reads like an entry start rather than a message value. */
export function contextAllowsEntry(text: string, pos: number, length: number, place: CandidatePlace): boolean {
  if (place === CandidatePlace.LineStart) return true;
  const before = text.charCodeAt(pos - 1);
  if (place === CandidatePlace.Abutting) {
    if (NO_ENTRY_AFTER.has(before)) return false;
    // `2007-02-08T01:30:00` is an ISO time, not an entry start.
    return !(before === 84 /* T */ && isDigitCode(text.charCodeAt(pos - 2)));
  }
  // Spaced: the word before must not lead into a time, and what follows must look like an entry.
  // The word is read in place: thousands of `scheduled at 01:30:00` make no strings.
  const end = wordEndBefore(text, pos - 1);
  const start = wordStartBefore(text, end);
  if (start === end || isMessageTimeWord(text, start, end)) return false;
  // After a number only a process tag starts an entry (`value=0 23:26:58 la-lgr …`, a paste whose
  // line breaks became blanks); a date's time does not (`Feb 8 2007 05:37:44`).
  if (isDigitCode(text.charCodeAt(end - 1))) return processTagEnd(text, pos + length + 1) !== -1;
  return looksLikeEntryHead(text, pos + length + 1);
}

/** Just past the word before the blank at `blankPos`, without trailing blanks, `,` or `;`. */
function wordEndBefore(text: string, blankPos: number): number {
  let end = blankPos;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  while (end > 0 && (text.charCodeAt(end - 1) === 44 || text.charCodeAt(end - 1) === 59)) end--;
  return end;
}

/** The start of the run of non-blank characters (at most 64) that ends at `end`. */
function wordStartBefore(text: string, end: number): number {
  let start = end;
  const limit = Math.max(0, end - 64);
  while (start > limit) {
    const code = text.charCodeAt(start - 1);
    if (isBlank(code) || code === 10 || code === 13) break;
    start--;
  }
  return start;
}

/** Whether text[start, end) is one of MESSAGE_TIME_WORDS in any case (they are all ASCII letters). */
function isMessageTimeWord(text: string, start: number, end: number): boolean {
  const candidates = MESSAGE_TIME_WORDS[end - start];
  if (candidates === undefined) return false;
  for (const word of candidates) {
    let k = 0;
    // Setting 0x20 lowers an ASCII capital; no other character becomes a lower-case letter by it.
    while (k < word.length && (text.charCodeAt(start + k) | 0x20) === word.charCodeAt(k)) k++;
    if (k === word.length) return true;
  }
  return false;
}

/** An entry's message begins with a capital letter, a level word or a process tag such as `la-lgr`. */
function looksLikeEntryHead(text: string, pos: number): boolean {
  const code = text.charCodeAt(pos);
  if (code >= 65 && code <= 90) return true;
  return processTagEnd(text, pos) !== -1;
}

/** A dumplog process tag, `<node><side>-<process>` such as `la-lgr` or `pg1a-opc`, then a blank. */
export function readProcessTag(text: string, pos: number): string | null {
  const end = processTagEnd(text, pos);
  return end === -1 ? null : text.slice(pos, end);
}

/** Where the process tag at `pos` ends (the blank after it), or -1 when there is none. */
export function processTagEnd(text: TextLike, pos: number): number {
  let i = pos;
  const limit = Math.min(text.length, pos + 24);
  let dash = -1;
  while (i < limit) {
    const code = text.charCodeAt(i);
    if ((code >= 97 && code <= 122) || isDigitCode(code)) {
      i++;
      continue;
    }
    if (code === 45 /* - */ && dash === -1 && i > pos) {
      dash = i;
      i++;
      continue;
    }
    break;
  }
  if (dash === -1 || i === dash + 1 || text.charCodeAt(i) !== 32) return -1;
  return i;
}

function isForwardStep(from: number, to: number): boolean {
  return to >= from || isMidnightRollover(from, to);
}

function liesBetween(previous: number, clock: number, next: number): boolean {
  if (!isForwardStep(previous, clock)) return false;
  if (next !== next /* NaN: none */) return true;
  // When the next anchor itself breaks the order, judge by the previous time alone.
  if (!isForwardStep(previous, next)) return true;
  return forwardGap(previous, clock) + forwardGap(clock, next) === forwardGap(previous, next);
}

/**
 * Indices of the candidates that start entries. Every line-start time is kept; a mid-line time is
 * kept when its context allows it and it lies on the forward path of the clock between the previous
 * kept time and the next likely entry time (the next line-start time, or abutting time its context
 * allows). A step back is a midnight rollover only from late evening into early morning.
 *
 * One pass: most candidates start lines and are kept with no look at their context. A context is
 * read at most once, and the next likely entry time is searched with a cursor that only moves on.
 * The indices are a view into working memory, valid until the next call.
 */
export function chooseEntryStarts(
  text: string,
  list: CandidateList,
  previousClock: number | null,
  upcomingClock: number | null,
): Int32Array {
  const n = list.count;
  const { pos, clock, length, place } = list;
  const { plausible, kept } = scratchFor(n);
  // Contexts the byte scan read, or CONTEXT_UNREAD: read below when needed.
  plausible.set(list.context.subarray(0, n));
  const allowed = (i: number): boolean => {
    if (plausible[i] === CONTEXT_UNREAD) plausible[i] = contextAllowsEntry(text, pos[i]!, length[i]!, place[i] as CandidatePlace) ? CONTEXT_ALLOWS : CONTEXT_DENIES;
    return plausible[i] === CONTEXT_ALLOWS;
  };
  const upcoming = upcomingClock ?? Number.NaN;
  // The first candidate after the current one that is a likely entry time; n when none is.
  let anchor = 0;
  let count = 0;
  let previous = previousClock ?? Number.NaN;
  for (let i = 0; i < n; i++) {
    const at = clock[i]!;
    if (place[i] !== CandidatePlace.LineStart) {
      if (!allowed(i)) continue;
      if (previous === previous) {
        if (anchor <= i) {
          anchor = i + 1;
          while (anchor < n && place[anchor] !== CandidatePlace.LineStart && !(place[anchor] === CandidatePlace.Abutting && allowed(anchor))) anchor++;
        }
        if (!liesBetween(previous, at, anchor < n ? clock[anchor]! : upcoming)) continue;
      }
    }
    kept[count++] = i;
    previous = at;
  }
  return kept.subarray(0, count);
}

// Working arrays of the choice, kept between calls: a large file is split in many chunks, and fresh
// arrays for each would be garbage the collector frees late.
let scratch = { plausible: new Uint8Array(0), kept: new Int32Array(0) };

function scratchFor(n: number): typeof scratch {
  if (scratch.plausible.length < n) {
    const size = Math.max(n, scratch.plausible.length * 2);
    scratch = { plausible: new Uint8Array(size), kept: new Int32Array(size) };
  }
  return scratch;
}

/**
 * The timed entries that `chooseEntryStarts` keeps among the candidates, with their clocks and
 * elapsed clocks, for a text with no day header: what the WebAssembly scan gives in one pass.
 */
export function chosenTimedEntries(text: string, list: CandidateList, previousClock: number, upcomingClock: number, daysPassed: number): TimedEntries {
  const kept = chooseEntryStarts(text, list, previousClock === previousClock ? previousClock : null, upcomingClock === upcomingClock ? upcomingClock : null);
  const n = kept.length;
  const start = new Int32Array(n);
  const clock = new Float64Array(n);
  const elapsed = new Float64Array(n);
  let previous = previousClock;
  let days = daysPassed;
  for (let k = 0; k < n; k++) {
    const c = kept[k]!;
    const at = list.clock[c]!;
    if (previous === previous && isMidnightRollover(previous, at)) days++;
    previous = at;
    start[k] = list.pos[c]!;
    clock[k] = at;
    elapsed[k] = at + days * SECONDS_PER_DAY;
  }
  return { start, clock, elapsed, lastClock: previous, daysPassed: days };
}

export { CandidateList, CandidatePlace, CONTEXT_ALLOWS, CONTEXT_DENIES, CONTEXT_UNREAD } from "./candidateList";
