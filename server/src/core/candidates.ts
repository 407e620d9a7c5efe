// Clock times that may start an entry, and the choice of those that do. A time written inside a
// message is not an entry start: the choice goes by what surrounds the time and by time order with
// its neighbours. Typed arrays, not objects: a 100 MB trace holds millions of times.

import { byteScanFor } from "./byteScan";
import { forwardGap, isDigitCode, isMidnightRollover } from "./clock";

export const enum CandidatePlace {
  LineStart = 0,
  /** Directly after other text: `...0977823:26:58`. */
  Abutting = 1,
  /** After a space or tab: `... Library. 23:26:58 Trace: ...`. */
  Spaced = 2,
}

/** Every well-formed clock time followed by a blank or a line end, in text order. */
export class CandidateList {
  count = 0;
  pos = new Int32Array(1024);
  clock = new Float64Array(1024);
  /** 8, or 12 with milliseconds. */
  length = new Uint8Array(1024);
  place = new Uint8Array(1024);

  clear(): void {
    this.count = 0;
  }

  /** Appends a run of candidates (from the byte scan). */
  append(pos: Int32Array, clock: Float64Array, length: Uint8Array, place: Uint8Array): void {
    while (this.count + pos.length > this.pos.length) this.grow();
    this.pos.set(pos, this.count);
    this.clock.set(clock, this.count);
    this.length.set(length, this.count);
    this.place.set(place, this.count);
    this.count += pos.length;
  }

  push(pos: number, clock: number, length: number, place: CandidatePlace): void {
    if (this.count === this.pos.length) this.grow();
    const i = this.count++;
    this.pos[i] = pos;
    this.clock[i] = clock;
    this.length[i] = length;
    this.place[i] = place;
  }

  private grow(): void {
    const size = this.pos.length * 2;
    const pos = new Int32Array(size);
    pos.set(this.pos);
    this.pos = pos;
    const clock = new Float64Array(size);
    clock.set(this.clock);
    this.clock = clock;
    const length = new Uint8Array(size);
    length.set(this.length);
    this.length = length;
    const place = new Uint8Array(size);
    place.set(this.place);
    this.place = place;
  }
}

export function isLineStart(text: string, pos: number): boolean {
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

/** Every well-formed time followed by a blank or a line end: by the byte scan when it can read the text. */
export function findCandidates(text: string, list: CandidateList = new CandidateList()): CandidateList {
  const bytes = byteScanFor(text);
  if (bytes === null) return findCandidatesInText(text, list);
  list.clear();
  bytes.clockCandidates(list);
  return list;
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

// Words after which a clock time is part of the message ("scheduled at 01:30:00").
const MESSAGE_TIME_WORDS = new Set([
  "at", "until", "till", "since", "by", "from", "to", "after", "before", "on", "is", "was", "were",
  "time", "times", "and", "or", "between", "around", "than", "as", "of", "for", "in", "next", "last",
  "scheduled", "expires", "expired", "starts", "started", "ends", "ended", "every", "each", "about",
]);

// Characters after which a clock time cannot start an entry: it is quoted or part of a value.
const NO_ENTRY_AFTER = new Set("([{<='\"/\\@#:+-$".split("").map((c) => c.charCodeAt(0)));

/** Whether the text around a mid-line time reads like an entry start rather than a message value. */
function contextAllowsEntry(text: string, pos: number, length: number, place: CandidatePlace): boolean {
  if (place === CandidatePlace.LineStart) return true;
  const before = text.charCodeAt(pos - 1);
  if (place === CandidatePlace.Abutting) {
    if (NO_ENTRY_AFTER.has(before)) return false;
    // `2007-02-08T01:30:00` is an ISO time, not an entry start.
    return !(before === 84 /* T */ && isDigitCode(text.charCodeAt(pos - 2)));
  }
  // Spaced: the word before must not lead into a time, and what follows must look like an entry.
  const word = wordBefore(text, pos - 1);
  if (word === "" || MESSAGE_TIME_WORDS.has(word.toLowerCase())) return false;
  if (isDigitCode(word.charCodeAt(word.length - 1))) return false; // a date: `Feb 8 2007 05:37:44`
  return looksLikeEntryHead(text, pos + length + 1);
}

/** The run of non-blank characters ending just before `blankPos`, without trailing `,` or `;`. */
function wordBefore(text: string, blankPos: number): string {
  let end = blankPos;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  while (end > 0 && (text.charCodeAt(end - 1) === 44 || text.charCodeAt(end - 1) === 59)) end--;
  let start = end;
  const limit = Math.max(0, end - 64);
  while (start > limit) {
    const code = text.charCodeAt(start - 1);
    if (isBlank(code) || code === 10 || code === 13) break;
    start--;
  }
  return text.slice(start, end);
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
export function processTagEnd(text: string, pos: number): number {
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
 * kept time and the next likely entry time. A step back is a midnight rollover only from late
 * evening into early morning.
 */
export function chooseEntryStarts(
  text: string,
  list: CandidateList,
  previousClock: number | null,
  upcomingClock: number | null,
): Int32Array {
  const n = list.count;
  const { plausible, nextAnchor, kept } = scratchFor(n);
  for (let i = 0; i < n; i++) {
    plausible[i] = contextAllowsEntry(text, list.pos[i]!, list.length[i]!, list.place[i] as CandidatePlace) ? 1 : 0;
  }
  // nextAnchor[i]: clock of the first later candidate that is a line start, or abutting and plausible.
  let upcoming = upcomingClock ?? Number.NaN;
  for (let i = n - 1; i >= 0; i--) {
    nextAnchor[i] = upcoming;
    if (plausible[i] === 1 && list.place[i] !== CandidatePlace.Spaced) upcoming = list.clock[i]!;
  }
  let count = 0;
  let previous = previousClock ?? Number.NaN;
  for (let i = 0; i < n; i++) {
    const clock = list.clock[i]!;
    if (list.place[i] !== CandidatePlace.LineStart) {
      if (plausible[i] === 0) continue;
      if (previous === previous && !liesBetween(previous, clock, nextAnchor[i]!)) continue;
    }
    kept[count++] = i;
    previous = clock;
  }
  return kept.slice(0, count);
}

// Working arrays of the choice, kept between calls: a large file is split in many chunks, and fresh
// arrays for each would be garbage the collector frees late.
let scratch = { plausible: new Uint8Array(0), nextAnchor: new Float64Array(0), kept: new Int32Array(0) };

function scratchFor(n: number): typeof scratch {
  if (scratch.plausible.length < n) {
    const size = Math.max(n, scratch.plausible.length * 2);
    scratch = { plausible: new Uint8Array(size), nextAnchor: new Float64Array(size), kept: new Int32Array(size) };
  }
  return scratch;
}
