// Byte scans of a trace text, compiled to WebAssembly (AssemblyScript): the text's Latin-1 bytes
// are in linear memory from `text` to `end`, and results (offsets in the text) go where the caller says. They do what the TypeScript
// of server/src/core does for a one-byte text; tests hold the two to the same answers.

/** The digit at `at`, or -1000: any number built with it is then negative. */
@inline function digitAt(at: usize): i32 {
  const d = <i32>load<u8>(at) - 48;
  return <u32>d <= 9 ? d : -1000;
}

/** The byte at `at`, or -1 past the end. */
@inline function byteAt(at: usize, end: usize): i32 {
  return at < end ? <i32>load<u8>(at) : -1;
}

/**
 * Clock times that may start an entry (findCandidatesInText in candidates.ts), for colons in
 * [from, to) of the text at [text, end). For each, writes its position (i32), seconds (f64),
 * length (u8: 8 or 12), place (u8: 0 line start, 1 abutting, 2 after a blank) and context (u8: 1
 * when what surrounds it allows an entry start, 2 when not: contextAllowsEntry in candidates.ts) at
 * the given addresses; returns how many. The caller leaves room for (to - from) / 9 + 1: times need
 * 9 bytes. The characters no entry starts after are at [noEntryAfter, noEntryAfterEnd); the words
 * after which a time is the message's, each followed by a blank, at [timeWords, timeWordsEnd).
 */
export function clockCandidates(
  text: usize, end: usize, from: usize, to: usize, outPos: usize, outClock: usize, outLength: usize, outPlace: usize, outContext: usize,
  noEntryAfter: usize, noEntryAfterEnd: usize, timeWords: usize, timeWordsEnd: usize,
): i32 {
  let count = 0;
  const colons = i8x16.splat(58);
  let block = from;
  // Thirty-two bytes at a time: a bit per colon, and of those the ones with another colon three on,
  // as a time's first colon has (most colons, as in `Trace:`, have none). Each block's colons are
  // found once: the next block's first three tell the pairs at this one's end. The bytes read past
  // `to` are still in memory: results follow the text.
  if (block + 48 <= to) {
    let ahead = <u64>i8x16.bitmask(i8x16.eq(v128.load(block), colons));
    while (block + 48 <= to) {
      const second = <u64>i8x16.bitmask(i8x16.eq(v128.load(block, 16), colons));
      const third = <u64>i8x16.bitmask(i8x16.eq(v128.load(block, 32), colons));
      const all = ahead | (second << 16) | (third << 32);
      let mask = all & (all >> 3) & 0xffffffff;
      while (mask != 0) {
        const colon = block + <usize>ctz(mask);
        mask &= mask - 1;
        count = readCandidate(text, end, colon, count, outPos, outClock, outLength, outPlace);
      }
      ahead = third;
      block += 32;
    }
  }
  while (block + 16 <= to) {
    let mask = i8x16.bitmask(v128.and(i8x16.eq(v128.load(block), colons), i8x16.eq(v128.load(block, 3), colons)));
    while (mask != 0) {
      const colon = block + <usize>ctz(mask);
      mask &= mask - 1;
      count = readCandidate(text, end, colon, count, outPos, outClock, outLength, outPlace);
    }
    block += 16;
  }
  for (let colon = block; colon < to; colon++) {
    if (load<u8>(colon) == 58) count = readCandidate(text, end, colon, count, outPos, outClock, outLength, outPlace);
  }
  for (let k = 0; k < count; k++) {
    const place = load<u8>(outPlace + <usize>k);
    const allows = place == 0 || contextAllowsEntry(text, end, text + <usize>load<i32>(outPos + (<usize>k << 2)), <usize>load<u8>(outLength + <usize>k), place, noEntryAfter, noEntryAfterEnd, timeWords, timeWordsEnd);
    store<u8>(outContext + <usize>k, allows ? CONTEXT_ALLOWS : CONTEXT_DENIES);
  }
  return count;
}

// The clock arithmetic of clock.ts.
const SECONDS_PER_DAY: f64 = 86400;
const LATE_EVENING: f64 = 18 * 3600;
const EARLY_MORNING: f64 = 6 * 3600;

@inline function forwardGap(from: f64, to: f64): f64 {
  const gap = to - from;
  return gap >= 0 ? gap : gap + SECONDS_PER_DAY;
}

@inline function isMidnightRollover(from: f64, to: f64): bool {
  return to < from && from >= LATE_EVENING && to < EARLY_MORNING;
}

@inline function isForwardStep(from: f64, to: f64): bool {
  return to >= from || isMidnightRollover(from, to);
}

/** Whether `clock` lies on the forward path from `previous` to `next` (liesBetween in candidates.ts; NaN: no next). */
@inline function liesBetween(previous: f64, clock: f64, next: f64): bool {
  if (!isForwardStep(previous, clock)) return false;
  if (next != next) return true;
  // When the next anchor itself breaks the order, judge by the previous time alone.
  if (!isForwardStep(previous, next)) return true;
  return forwardGap(previous, clock) + forwardGap(clock, next) == forwardGap(previous, next);
}

/**
 * The timed entries of a text with no day header: the candidates that start entries, chosen as
 * chooseEntryStarts (candidates.ts) does, with their times read as TableBuilder.times
 * (entries.ts) reads them. The `n` candidates' positions (i32), clocks (f64), places (u8) and
 * contexts (u8, all read) are at the given addresses; `previousClock` and `upcomingClock` are NaN
 * when there is none. Entry k's start and clock are written over candidate k's position and clock
 * (entry k comes from a candidate at or after k, and only later candidates are read after it), its
 * elapsed clock (f64: midnights passed counted from `daysPassed`) at `outElapsed`; then the last
 * clock (f64) and the days passed (i32) at `stateAt`. Returns how many entries.
 */
export function timedEntries(
  pos: usize, clock: usize, place: usize, context: usize, n: i32, previousClock: f64, upcomingClock: f64, daysPassed: i32,
  outElapsed: usize, stateAt: usize,
): i32 {
  // The first candidate after the current one that is a likely entry time; n when none is.
  let anchor = 0;
  let count = 0;
  let previous = previousClock;
  let days = daysPassed;
  for (let i = 0; i < n; i++) {
    const at = load<f64>(clock + (<usize>i << 3));
    if (load<u8>(place + <usize>i) != 0) {
      if (load<u8>(context + <usize>i) != CONTEXT_ALLOWS) continue;
      if (previous == previous) {
        if (anchor <= i) {
          anchor = i + 1;
          while (anchor < n && load<u8>(place + <usize>anchor) != 0 && !(load<u8>(place + <usize>anchor) == 1 && load<u8>(context + <usize>anchor) == CONTEXT_ALLOWS)) anchor++;
        }
        if (!liesBetween(previous, at, anchor < n ? load<f64>(clock + (<usize>anchor << 3)) : upcomingClock)) continue;
      }
    }
    if (previous == previous && isMidnightRollover(previous, at)) days++;
    store<i32>(pos + (<usize>count << 2), load<i32>(pos + (<usize>i << 2)));
    store<f64>(clock + (<usize>count << 3), at);
    store<f64>(outElapsed + (<usize>count << 3), at + <f64>days * SECONDS_PER_DAY);
    count++;
    previous = at;
  }
  store<f64>(stateAt, previous);
  store<i32>(stateAt + 8, days);
  return count;
}

// The context codes of chooseEntryStarts (candidates.ts).
const CONTEXT_ALLOWS: u8 = 1;
const CONTEXT_DENIES: u8 = 2;

@inline function isDigitByte(code: i32): bool {
  return <u32>(code - 48) <= 9;
}

@inline function isBlankByte(code: i32): bool {
  return code == 32 || code == 9;
}

/** Whether the text around the mid-line time at `pos` reads like an entry start (contextAllowsEntry in candidates.ts). */
function contextAllowsEntry(text: usize, end: usize, pos: usize, length: usize, place: u8, noEntryAfter: usize, noEntryAfterEnd: usize, timeWords: usize, timeWordsEnd: usize): bool {
  const before = <i32>load<u8>(pos - 1);
  if (place == 1) {
    for (let c = noEntryAfter; c < noEntryAfterEnd; c++) if (<i32>load<u8>(c) == before) return false;
    // `2007-02-08T01:30:00` is an ISO time, not an entry start.
    return !(before == 84 && pos >= text + 2 && isDigitByte(<i32>load<u8>(pos - 2)));
  }
  // After a blank: the word before must not lead into a time, and what follows must look like an entry.
  let wordEnd = pos - 1;
  while (wordEnd > text && isBlankByte(<i32>load<u8>(wordEnd - 1))) wordEnd--;
  while (wordEnd > text && (load<u8>(wordEnd - 1) == 44 || load<u8>(wordEnd - 1) == 59)) wordEnd--;
  let wordStart = wordEnd;
  const limit = wordEnd - text > 64 ? wordEnd - 64 : text;
  while (wordStart > limit) {
    const code = <i32>load<u8>(wordStart - 1);
    if (isBlankByte(code) || code == 10 || code == 13) break;
    wordStart--;
  }
  if (wordStart == wordEnd || isTimeWord(wordStart, wordEnd, timeWords, timeWordsEnd)) return false;
  const head = pos + length + 1;
  // After a number only a process tag starts an entry (`value=0 23:26:58 la-lgr …`, a paste whose
  // line breaks became blanks); a date's time does not (`Feb 8 2007 05:37:44`).
  if (isDigitByte(<i32>load<u8>(wordEnd - 1))) return processTagEnd(text, end, <i32>(head - text)) != -1;
  // The message begins with a capital letter or a process tag.
  const code = byteAt(head, end);
  if (code >= 65 && code <= 90) return true;
  return processTagEnd(text, end, <i32>(head - text)) != -1;
}

/** The size of the word at `word` in a list where each word is followed by `terminator`. */
@inline function wordSize(word: usize, terminator: u8): usize {
  let size: usize = 0;
  while (load<u8>(word + size) != terminator) size++;
  return size;
}

/** Whether [start, end) is one of the words at `words` (lower case, each followed by a blank), in any case. */
function isTimeWord(start: usize, end: usize, words: usize, wordsEnd: usize): bool {
  const size = end - start;
  let word = words;
  while (word < wordsEnd) {
    const length = wordSize(word, 32);
    if (length == size) {
      let k: usize = 0;
      // Setting 0x20 lowers an ASCII capital; no other byte becomes a lower-case letter by it.
      while (k < size && (<i32>load<u8>(start + k) | 0x20) == <i32>load<u8>(word + k)) k++;
      if (k == size) return true;
    }
    word += length + 1;
  }
  return false;
}

/** Whether every byte in [from, to) is ASCII (below 0x80): then its offsets are those of its UTF-8 text. */
export function isAscii(from: usize, to: usize): bool {
  // The high bits of all blocks, gathered and looked at once.
  let high = i8x16.splat(0);
  let block = from;
  while (block + 16 <= to) {
    high = v128.or(high, v128.load(block));
    block += 16;
  }
  let tail: u8 = 0;
  for (; block < to; block++) tail |= load<u8>(block);
  return i8x16.bitmask(high) == 0 && tail < 0x80;
}

/** How many LFs there are in [from, to). */
export function lineFeedCount(from: usize, to: usize): i32 {
  let count = 0;
  const lineFeeds = i8x16.splat(10);
  let block = from;
  while (block + 16 <= to) {
    count += <i32>popcnt(i8x16.bitmask(i8x16.eq(v128.load(block), lineFeeds)));
    block += 16;
  }
  for (; block < to; block++) if (load<u8>(block) == 10) count++;
  return count;
}

/**
 * The line breaks in [from, to) of the text at [text, end): returns how many LFs there are, and
 * writes two flags (i32, 0 or 1) at `flagsAt`: whether there is a CR, and whether an LF is followed
 * by an `E` (where a day header, `Events from ...`, may start; lineStarts then finds them).
 */
export function lineBreaks(text: usize, end: usize, from: usize, to: usize, flagsAt: usize): i32 {
  let lineFeeds = 0;
  const lineFeed = i8x16.splat(10);
  const carriageReturn = i8x16.splat(13);
  const capitalE = i8x16.splat(69);
  // Both are rare: lanes are only gathered here, and looked at once at the end.
  let carriageReturns = i8x16.splat(0);
  let eLines = i8x16.splat(0);
  let block = from;
  while (block + 16 <= to) {
    const bytes = v128.load(block);
    carriageReturns = v128.or(carriageReturns, i8x16.eq(bytes, carriageReturn));
    const isLineFeed = i8x16.eq(bytes, lineFeed);
    lineFeeds += <i32>popcnt(i8x16.bitmask(isLineFeed));
    // The byte after the last one is read too; at the text's end it is not the text's, and
    // lineStarts, which looks again, leaves it out.
    eLines = v128.or(eLines, v128.and(isLineFeed, i8x16.eq(v128.load(block, 1), capitalE)));
    block += 16;
  }
  let tailCarriageReturn = false;
  let tailELine = false;
  for (; block < to; block++) {
    const code = load<u8>(block);
    if (code == 13) tailCarriageReturn = true;
    if (code != 10) continue;
    lineFeeds++;
    if (load<u8>(block + 1) == 69) tailELine = true;
  }
  store<i32>(flagsAt, v128.any_true(carriageReturns) || tailCarriageReturn ? 1 : 0);
  store<i32>(flagsAt + 4, v128.any_true(eLines) || tailELine ? 1 : 0);
  return lineFeeds;
}

/**
 * Where lines start after an LF in [from, to) of the text at [text, end): the offset just past each
 * LF, as i32s at `out`; returns how many. With `firstByte` (0 to 255), only the lines that start with
 * that byte; with -1, every line. The caller leaves room for (to - from) of them.
 */
export function lineStarts(text: usize, end: usize, from: usize, to: usize, out: usize, firstByte: i32): i32 {
  let count = 0;
  const lineFeeds = i8x16.splat(10);
  const firstBytes = i8x16.splat(<i8>firstByte);
  const anyFirst = firstByte < 0;
  let block = from;
  // Sixteen bytes at a time: a bit per LF, and per LF with that byte after it.
  while (block + 16 <= to) {
    let mask = i8x16.bitmask(i8x16.eq(v128.load(block), lineFeeds));
    if (!anyFirst && mask != 0) {
      mask &= i8x16.bitmask(i8x16.eq(v128.load(block, 1), firstBytes));
      // The byte after the text's last is not the text's.
      if (block + 16 == end) mask &= 0x7fff;
    }
    while (mask != 0) {
      store<i32>(out + (<usize>count << 2), <i32>(block + <usize>ctz(mask) + 1 - text));
      count++;
      mask &= mask - 1;
    }
    block += 16;
  }
  for (; block < to; block++) {
    if (load<u8>(block) != 10) continue;
    if (!anyFirst && !(block + 1 < end && <i32>load<u8>(block + 1) == firstByte)) continue;
    store<i32>(out + (<usize>count << 2), <i32>(block + 1 - text));
    count++;
  }
  return count;
}

/** A time whose first colon is at `colon`: `HH:MM:SS` or `HH:MM:SS.mmm`, then a blank, a line end or the end. */
@inline function readCandidate(text: usize, end: usize, colon: usize, count: i32, outPos: usize, outClock: usize, outLength: usize, outPlace: usize): i32 {
  if (colon < text + 2 || colon + 6 > end || load<u8>(colon + 3) != 58) return count;
  const pos = colon - 2;
  const h = digitAt(pos) * 10 + digitAt(pos + 1);
  const m = digitAt(pos + 3) * 10 + digitAt(pos + 4);
  const s = digitAt(pos + 6) * 10 + digitAt(pos + 7);
  if (h < 0 || m < 0 || s < 0 || h > 23 || m > 59 || s > 59) return count;
  let size = 8;
  let seconds = <f64>(h * 3600 + m * 60 + s);
  let after = byteAt(pos + 8, end);
  if (after == 46 /* . */ && pos + 12 <= end) {
    const millis = digitAt(pos + 9) * 100 + digitAt(pos + 10) * 10 + digitAt(pos + 11);
    if (millis >= 0 && !(pos + 12 < end && digitAt(pos + 12) >= 0)) {
      seconds += <f64>millis / 1000;
      size = 12;
      after = byteAt(pos + 12, end);
    }
  }
  if (!(after == -1 || after == 32 || after == 9 || after == 10 || after == 13)) return count;
  const before = pos > text ? <i32>load<u8>(pos - 1) : -1;
  const place: u8 = before == -1 || before == 10 || before == 13 ? 0 : before == 32 || before == 9 ? 2 : 1;
  store<i32>(outPos + (<usize>count << 2), <i32>(pos - text));
  store<f64>(outClock + (<usize>count << 3), seconds);
  store<u8>(outLength + <usize>count, <u8>size);
  store<u8>(outPlace + <usize>count, place);
  return count + 1;
}

/**
 * Where a literal set's tables are (LiteralSet in literalSet.ts builds them), as i32s at `tablesAt`:
 * window, shift (u8 × 8192), bucketOf (i32 × 8192), bucketStart (i32), bucketWords (i32),
 * windowAt (i32 per word), wordStart (i32 per word + 1), wordBytes (u8).
 */
const WINDOW = 0;
const SHIFT = 1;
const BUCKET_OF = 2;
const BUCKET_START = 3;
const BUCKET_WORDS = 4;
const WINDOW_AT = 5;
const WORD_START = 6;
const WORD_BYTES = 7;

@inline function table(tablesAt: usize, slot: i32): usize {
  return <usize>load<i32>(tablesAt + (<usize>slot << 2));
}

/** blockHash (literalSet.ts) of the three bytes that end at `last`, into its 8192 slots: read in one load, the byte after them masked off. */
@inline function blockHashAt(last: usize): u32 {
  return ((load<u32>(last - 2) & 0xffffff) * 0x9e3779b1) >> 19;
}

/** Whether the `size` bytes at `a` and at `b` are the same, eight at a time: the first eight decide most false alarms. */
@inline function sameBytes(a: usize, b: usize, size: usize): bool {
  if (size < 8) return memory.compare(a, b, size) == 0;
  let k: usize = 0;
  while (k + 8 < size) {
    if (load<u64>(a + k) != load<u64>(b + k)) return false;
    k += 8;
  }
  // The last eight, overlapping the ones before.
  return load<u64>(a + size - 8) == load<u64>(b + size - 8);
}

// A literal set's tables, read once per call into globals: the stub runtime has no heap to spare.
let window: usize = 0;
let shiftTable: usize = 0;
let bucketOf: usize = 0;
let bucketStart: usize = 0;
let bucketWords: usize = 0;
let windowAt: usize = 0;
let wordStart: usize = 0;
let wordBytes: usize = 0;

/**
 * Checks the words of the bucket of `block` whose window ends at `last`, writing each match's start
 * (i32) and word (i32) at `out`; returns the new count, or -1 when the bucket might not fit in `capacity`.
 */
@inline function confirmBucket(text: usize, end: usize, last: usize, block: u32, out: usize, count: i32, capacity: i32): i32 {
  const bucket = <usize>load<i32>(bucketOf + (<usize>block << 2));
  const firstWord = load<i32>(bucketStart + (bucket << 2));
  const lastWord = load<i32>(bucketStart + ((bucket + 1) << 2));
  if (count + (lastWord - firstWord) > capacity) return -1;
  for (let k = firstWord; k < lastWord; k++) {
    const word = load<i32>(bucketWords + (<usize>k << 2));
    const start = <isize>(last + 1 - window) - <isize>load<i32>(windowAt + (<usize>word << 2));
    if (start < <isize>text) continue;
    const at = <usize>load<i32>(wordStart + (<usize>word << 2));
    const size = <usize>load<i32>(wordStart + (<usize>(word + 1) << 2)) - at;
    if (<usize>start + size > end || !sameBytes(<usize>start, wordBytes + at, size)) continue;
    store<i32>(out + (<usize>count << 3), <i32>(<usize>start - text));
    store<i32>(out + (<usize>count << 3) + 4, word);
    count++;
  }
  return count;
}

/** Texts shorter than this are scanned by one cursor. */
const TWO_CURSORS_FROM: usize = 4096;

/**
 * Every match of a literal set's words (Wu–Manber, as LiteralSet.findAll) in the text at
 * [text, end) whose window ends at or after offset `fromEnd`, confirmed byte for byte. Writes start (i32) and word (i32) pairs at `out`, at most
 * `capacity`; returns how many, and leaves the offset to go on from (the text's length when done) at `resumeAt`.
 * Matches come in the order their windows end, not sorted by start.
 *
 * Two cursors, one per half, step in the same loop. Each step waits on the table read that the one
 * before chose, so one cursor leaves the processor idle most of the time; the second one's steps
 * fill that time. The second half's matches are written after the first half's room, then moved
 * down behind them.
 */
export function literalMatches(text: usize, end: usize, fromEnd: usize, tablesAt: usize, out: usize, capacity: i32, resumeAt: usize): i32 {
  window = <usize>load<i32>(tablesAt);
  shiftTable = table(tablesAt, SHIFT);
  bucketOf = table(tablesAt, BUCKET_OF);
  bucketStart = table(tablesAt, BUCKET_START);
  bucketWords = table(tablesAt, BUCKET_WORDS);
  windowAt = table(tablesAt, WINDOW_AT);
  wordStart = table(tablesAt, WORD_START);
  wordBytes = table(tablesAt, WORD_BYTES);
  const shift = shiftTable;
  let a = text + fromEnd;
  if (a >= end || end - a < TWO_CURSORS_FROM || capacity < 2) return oneCursor(text, end, a, end, out, 0, capacity, resumeAt);
  const mid = a + ((end - a) >> 1);
  let b = mid;
  const roomA = capacity >> 1;
  const outB = out + (<usize>roomA << 3);
  const roomB = capacity - roomA;
  let countA = 0;
  let countB = 0;
  let fullA = false;
  let fullB = false;
  while (a < mid && b < end) {
    const blockA = blockHashAt(a);
    const blockB = blockHashAt(b);
    const stepA = <usize>load<u8>(shift + blockA);
    const stepB = <usize>load<u8>(shift + blockB);
    if (stepA > 0) a += stepA;
    else {
      const next = confirmBucket(text, end, a, blockA, out, countA, roomA);
      if (next < 0) {
        fullA = true;
        break;
      }
      countA = next;
      a++;
    }
    if (stepB > 0) b += stepB;
    else {
      const next = confirmBucket(text, end, b, blockB, outB, countB, roomB);
      if (next < 0) {
        fullB = true;
        break;
      }
      countB = next;
      b++;
    }
  }
  if (!fullA && a < mid) {
    // The second half stopped first: finish the first alone. Should its room fill, go on from
    // there next time; the second half's matches are then found again.
    countA = oneCursor(text, end, a, mid, out, countA, roomA, resumeAt);
    if (stoppedFull) return countA;
  } else if (fullA) {
    store<i32>(resumeAt, <i32>(a - text));
    return countA;
  }
  // The first half is done: finish the second alone, in its own room.
  if (!fullB && b < end) countB = oneCursor(text, end, b, end, outB, countB, roomB, resumeAt);
  else store<i32>(resumeAt, <i32>(min(b, end) - text));
  memory.copy(out + (<usize>countA << 3), outB, <usize>countB << 3);
  return countA + countB;
}

/** Whether the last oneCursor stopped because its room was full. */
let stoppedFull = false;

/** One cursor from window end `last` until `stop`; matches from `count` on at `out`. Leaves where to go on from at `resumeAt`. */
function oneCursor(text: usize, end: usize, last: usize, stop: usize, out: usize, count: i32, capacity: i32, resumeAt: usize): i32 {
  const shift = shiftTable;
  while (last < stop) {
    const block = blockHashAt(last);
    const step = <usize>load<u8>(shift + block);
    if (step > 0) {
      last += step;
      continue;
    }
    // A full bucket may not fit: stop before it, to go on from here.
    const next = confirmBucket(text, end, last, block, out, count, capacity);
    if (next < 0) {
      stoppedFull = true;
      store<i32>(resumeAt, <i32>(last - text));
      return count;
    }
    count = next;
    last++;
  }
  stoppedFull = false;
  store<i32>(resumeAt, <i32>(min(last, stop) - text));
  return count;
}

/**
 * Sorts the `count` (start, word) pairs at `matches` by start, then word. They come nearly sorted
 * (in the order their windows end), so each moves back only a few places.
 */
export function sortMatches(matches: usize, count: i32): void {
  for (let i = 1; i < count; i++) {
    const start = load<i32>(matches + (<usize>i << 3));
    const word = load<i32>(matches + (<usize>i << 3) + 4);
    let j = i;
    while (j > 0) {
      const before = matches + (<usize>(j - 1) << 3);
      const beforeStart = load<i32>(before);
      if (beforeStart < start || (beforeStart == start && load<i32>(before + 4) <= word)) break;
      store<i64>(before + 8, load<i64>(before));
      j--;
    }
    store<i32>(matches + (<usize>j << 3), start);
    store<i32>(matches + (<usize>j << 3) + 4, word);
  }
}

// The entry table's codes (entries.ts).
const KIND_ENTRY: u8 = 0;
const KIND_PREAMBLE: u8 = 1;
const MESSAGE_START_UNREAD: i32 = -1;

/**
 * The timed entries whose message holds a match (markedEntries in markers.ts), from sorted matches
 * (start, word: i32 pairs at `matches`) of the set whose tables are at `tablesAt`, and the entry
 * columns start (i32), kind (u8) and message start (i32, -1 where not read yet; the ones read here
 * are filled in). The level words are at `levelWords`, each after its length in one byte.
 * Writes the entries (i32) at `outEntries`, where each one's words start (i32, one more at the end)
 * at `outWordsFrom`, and the words (i32) at `outWords`; returns how many entries.
 */
export function markEntries(
  text: usize, end: usize, matches: usize, matchCount: i32, tablesAt: usize,
  starts: usize, kinds: usize, messageStarts: usize, entryCount: i32, levelWords: usize, levelWordsEnd: usize,
  outEntries: usize, outWordsFrom: usize, outWords: usize,
): i32 {
  const length = <i32>(end - text);
  const wordStarts = table(tablesAt, WORD_START);
  let marked = 0;
  let wordCount = 0;
  let e = 0;
  let last = -1;
  if (entryCount == 0) {
    store<i32>(outWordsFrom, 0);
    return 0;
  }
  for (let m = 0; m < matchCount; m++) {
    const at = load<i32>(matches + (<usize>m << 3));
    const word = load<i32>(matches + (<usize>m << 3) + 4);
    // Matches come in text order: the entry is the current one or a later one.
    while (e + 1 < entryCount && load<i32>(starts + (<usize>(e + 1) << 2)) <= at) e++;
    // Only matches in a timed entry's message count, not in its time or level word.
    // Timed entries and untimed text have messages; day headers do not.
    const kind = load<u8>(kinds + <usize>e);
    if (kind != KIND_ENTRY && kind != KIND_PREAMBLE) continue;
    const entryStart = load<i32>(starts + (<usize>e << 2));
    let messageStart = load<i32>(messageStarts + (<usize>e << 2));
    if (messageStart == MESSAGE_START_UNREAD) {
      messageStart = standardMessageStart(text, end, entryStart, levelWords, levelWordsEnd);
      store<i32>(messageStarts + (<usize>e << 2), messageStart);
    }
    if (at < messageStart) continue;
    let contentEnd = e + 1 < entryCount ? load<i32>(starts + (<usize>(e + 1) << 2)) : length;
    while (contentEnd > entryStart) {
      const code = load<u8>(text + <usize>(contentEnd - 1));
      if (code != 10 && code != 13) break;
      contentEnd--;
    }
    const wordLength = load<i32>(wordStarts + (<usize>(word + 1) << 2)) - load<i32>(wordStarts + (<usize>word << 2));
    if (at + wordLength > contentEnd) continue;
    if (last != e) {
      store<i32>(outEntries + (<usize>marked << 2), e);
      store<i32>(outWordsFrom + (<usize>marked << 2), wordCount);
      marked++;
      last = e;
    } else {
      // Already noted for this entry?
      let seen = false;
      for (let w = load<i32>(outWordsFrom + (<usize>(marked - 1) << 2)); w < wordCount; w++) {
        if (load<i32>(outWords + (<usize>w << 2)) == word) {
          seen = true;
          break;
        }
      }
      if (seen) continue;
    }
    store<i32>(outWords + (<usize>wordCount << 2), word);
    wordCount++;
  }
  store<i32>(outWordsFrom + (<usize>marked << 2), wordCount);
  return marked;
}

/** Where the message of the standard entry at offset `start` starts: after its time, process tag and level word (entries.ts). */
function standardMessageStart(text: usize, end: usize, start: i32, levelWords: usize, levelWordsEnd: usize): i32 {
  // The time and the blank after it.
  let afterTime = start + (byteAt(text + <usize>start + 8, end) == 46 ? 12 : 8);
  if (byteAt(text + <usize>afterTime, end) == 32) afterTime++;
  const tagEnd = processTagEnd(text, end, afterTime);
  const levelAt = tagEnd == -1 ? afterTime : tagEnd + 1;
  const level = levelWordLength(text, end, levelAt, levelWords, levelWordsEnd);
  if (level == 0) return levelAt;
  let at = levelAt + level + 1;
  for (let code = byteAt(text + <usize>at, end); code == 32 || code == 9; code = byteAt(text + <usize>at, end)) at++;
  return at;
}

/** A process tag such as `la-lgr` at `pos`, then a blank: where it ends, or -1 (processTagEnd in candidates.ts). */
function processTagEnd(text: usize, end: usize, pos: i32): i32 {
  const length = <i32>(end - text);
  const limit = min(length, pos + 24);
  let i = pos;
  let dash = -1;
  while (i < limit) {
    const code = <i32>load<u8>(text + <usize>i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      i++;
      continue;
    }
    if (code == 45 && dash == -1 && i > pos) {
      dash = i;
      i++;
      continue;
    }
    break;
  }
  if (dash == -1 || i == dash + 1 || byteAt(text + <usize>i, end) != 32) return -1;
  return i;
}

/**
 * The length of the level word at `pos` (one of those at `levelWords`, each after its length in one
 * byte) with a colon after it, or 0. Each word is passed over by its first byte: most heads hold no
 * level word, or the first one.
 */
function levelWordLength(text: usize, end: usize, pos: i32, levelWords: usize, levelWordsEnd: usize): i32 {
  const first = byteAt(text + <usize>pos, end);
  let word = levelWords;
  while (word < levelWordsEnd) {
    const size = <i32>load<u8>(word);
    if (<i32>load<u8>(word + 1) == first && byteAt(text + <usize>(pos + size), end) == 58) {
      let k = 1;
      while (k < size && byteAt(text + <usize>(pos + k), end) == <i32>load<u8>(word + 1 + <usize>k)) k++;
      if (k == size) return size;
    }
    word += <usize>size + 1;
  }
  return 0;
}

// Merged lines (cli/mergedLines.ts): `lane<TAB>time<TAB>message<LF>` for runs of a split's entries.

const MS_PER_DAY: i64 = 86_400_000;

@inline function writeTwo(n: i32, out: usize): usize {
  store<u8>(out, <u8>(48 + n / 10));
  store<u8>(out + 1, <u8>(48 + n % 10));
  return out + 2;
}

/** `YYYY-MM-DDT` of a day counted from 1970-01-01 (the civil calendar, as Date.toISOString writes it for years 0 to 9999). */
function writeDate(days: i64, out: usize): usize {
  const z = days + 719468;
  const era = (z >= 0 ? z : z - 146096) / 146097;
  const doe = z - era * 146097;
  const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const mp = (5 * doy + 2) / 153;
  const day = <i32>(doy - (153 * mp + 2) / 5 + 1);
  const month = <i32>(mp < 10 ? mp + 3 : mp - 9);
  const year = <i32>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  out = writeTwo(year / 100, out);
  out = writeTwo(year % 100, out);
  store<u8>(out++, 45);
  out = writeTwo(month, out);
  store<u8>(out++, 45);
  out = writeTwo(day, out);
  store<u8>(out++, 84);
  return out;
}

/** A merged time as writeMergedTime (analysis/merge.ts) writes it: epoch seconds over 10^8 as ISO 8601, else `HH:MM:SS[.mmm]`. */
function writeMergedTime(time: f64, out: usize): usize {
  const totalMs = <i64>Math.floor(time * 1000 + 0.5);
  const dated = time > 1e8;
  let day = totalMs / MS_PER_DAY;
  if (totalMs < 0 && day * MS_PER_DAY != totalMs) day--;
  const ofDay = totalMs - day * MS_PER_DAY;
  if (dated) out = writeDate(day, out);
  const seconds = <i32>(ofDay / 1000);
  const ms = <i32>(ofDay % 1000);
  out = writeTwo(seconds / 3600, out);
  store<u8>(out++, 58);
  out = writeTwo((seconds / 60) % 60, out);
  store<u8>(out++, 58);
  out = writeTwo(seconds % 60, out);
  if (dated || ms != 0) {
    store<u8>(out++, 46);
    store<u8>(out++, <u8>(48 + ms / 100));
    out = writeTwo(ms % 100, out);
  }
  if (dated) store<u8>(out++, 90);
  return out;
}

/** Copies `size` bytes sixteen at a time, writing up to fifteen past them: for a line's short parts, where the room allows. */
@inline function copyShort(to: usize, from: usize, size: i32): void {
  for (let k = 0; k < size; k += 16) v128.store(to + <usize>k, v128.load(from + <usize>k));
}

/** The last time written, and its text (at a place of its own: `lastTimeText`, 8 bytes after `endAt`; 32 bytes read). */
let lastTime: f64 = NaN;
let lastTimeLength: i32 = 0;
let lastTimeText: usize = 0;

/**
 * Writes the entries [from, to) of the text at [text, end) that have a message (kinds 0 and 1) and a
 * time (f64 at `times`; NaN: none), one line each: the `prefixLength` bytes at `prefix`, the time as
 * writeMergedTime writes it, a tab, its message from its message start (read here where it is -1, as
 * markEntries does) to its content end, each line break inside written as ` ⏎ `, and a line feed.
 * Entry columns: starts (i32), kinds (u8), message starts (i32) of `count` entries. Writes from `out`
 * while a line fits before `outEnd`, each line's end (i32) at `lineEnds` on; leaves the end of what it
 * wrote at `endAt`, the number of lines at `endAt + 4`, and returns the first entry not written.
 */
export function mergedLines(
  text: usize, end: usize, starts: usize, kinds: usize, messageStarts: usize, times: usize, count: i32, from: i32, to: i32,
  prefix: usize, prefixLength: i32, levelWords: usize, levelWordsEnd: usize, out: usize, outEnd: usize, endAt: usize, lineEnds: usize,
): i32 {
  const length = <i32>(end - text);
  const lineFeeds = i8x16.splat(10);
  const carriageReturns = i8x16.splat(13);
  // The time's text is kept in the room after `endAt`.
  if (lastTimeText != endAt + 8) {
    lastTimeText = endAt + 8;
    lastTime = NaN;
  }
  let e = from;
  let lines = 0;
  for (; e < to; e++) {
    const kind = load<u8>(kinds + <usize>e);
    if (kind != KIND_ENTRY && kind != KIND_PREAMBLE) continue;
    const time = load<f64>(times + (<usize>e << 3));
    if (time != time) continue;
    const entryStart = load<i32>(starts + (<usize>e << 2));
    let messageStart = load<i32>(messageStarts + (<usize>e << 2));
    if (messageStart == MESSAGE_START_UNREAD) {
      messageStart = standardMessageStart(text, end, entryStart, levelWords, levelWordsEnd);
      store<i32>(messageStarts + (<usize>e << 2), messageStart);
    }
    let contentEnd = e + 1 < count ? load<i32>(starts + (<usize>(e + 1) << 2)) : length;
    while (contentEnd > entryStart) {
      const code = load<u8>(text + <usize>(contentEnd - 1));
      if (code != 10 && code != 13) break;
      contentEnd--;
    }
    if (messageStart > contentEnd) messageStart = contentEnd;
    // The most a line takes: every byte of the message a line break (five bytes), and sixteen-byte
    // stores past each part's end (the next part writes over them).
    if (out + <usize>prefixLength + 32 + <usize>(contentEnd - messageStart) * 5 + 64 > outEnd) break;
    copyShort(out, prefix, prefixLength);
    out += <usize>prefixLength;
    // Entries mostly share their second with the one before: the time is written once and copied.
    if (time != lastTime) {
      lastTime = time;
      lastTimeLength = <i32>(writeMergedTime(time, lastTimeText) - lastTimeText);
    }
    v128.store(out, v128.load(lastTimeText));
    v128.store(out + 16, v128.load(lastTimeText + 16));
    out += <usize>lastTimeLength;
    store<u8>(out++, 9);
    // Sixteen bytes at a time up to the first line break, if any: most messages hold none.
    let i = messageStart;
    while (i + 16 <= contentEnd) {
      const bytes = v128.load(text + <usize>i);
      if (i8x16.bitmask(v128.or(i8x16.eq(bytes, lineFeeds), i8x16.eq(bytes, carriageReturns))) != 0) break;
      v128.store(out, bytes);
      out += 16;
      i += 16;
    }
    if (i < contentEnd && contentEnd - i < 16) {
      // The last bytes, when no line break is among them: one load, one store.
      const bytes = v128.load(text + <usize>i);
      const breaks = i8x16.bitmask(v128.or(i8x16.eq(bytes, lineFeeds), i8x16.eq(bytes, carriageReturns))) & ((1 << (contentEnd - i)) - 1);
      if (breaks == 0) {
        v128.store(out, bytes);
        out += <usize>(contentEnd - i);
        i = contentEnd;
      }
    }
    let runStart = i;
    for (; i < contentEnd; i++) {
      const code = load<u8>(text + <usize>i);
      if (code != 10 && code != 13) continue;
      memory.copy(out, text + <usize>runStart, <usize>(i - runStart));
      out += <usize>(i - runStart);
      if (code == 13 && i + 1 < contentEnd && load<u8>(text + <usize>(i + 1)) == 10) i++;
      store<u8>(out, 32);
      store<u8>(out + 1, 0xe2);
      store<u8>(out + 2, 0x8f);
      store<u8>(out + 3, 0x8e);
      store<u8>(out + 4, 32);
      out += 5;
      runStart = i + 1;
    }
    memory.copy(out, text + <usize>runStart, <usize>(contentEnd - runStart));
    out += <usize>(contentEnd - runStart);
    store<u8>(out++, 10);
    store<i32>(lineEnds + (<usize>lines << 2), <i32>out);
    lines++;
  }
  store<i32>(endAt, <i32>out);
  store<i32>(endAt + 4, lines);
  return e;
}

// ---------------------------------------------------------------------------------------------
// Merged runs (engine/scan/mergedRuns.ts): the lines of many traces, each a block of lines in its own
// order, copied out in corrected time order.

/** A cursor: 32 bytes at `slots + 32 × slot`. */
const CURSOR_BYTES: usize = 32;
const CURSOR_BYTES_AT: usize = 0; // i32: the block's lines
const CURSOR_ENDS: usize = 4; // i32: each line's end (i32)
const CURSOR_TIMES: usize = 8; // i32: each line's time (f64)
const CURSOR_COUNT: usize = 12; // i32: lines in the block
const CURSOR_INDEX: usize = 16; // i32: the current line
const CURSOR_TRACE: usize = 20; // i32: the trace's index: ties go to the lower
const CURSOR_TIME: usize = 24; // f64: the current line's time

export const RUNS_OUT_FULL: i32 = -1;
export const RUNS_DONE: i32 = -2;
export const RESUME_AS_IS: i32 = 0;
export const RESUME_REFILLED: i32 = 1;
export const RESUME_ENDED: i32 = 2;

@inline function cursorAt(slots: usize, slot: i32): usize {
  return slots + <usize>slot * CURSOR_BYTES;
}

@inline function comesBefore(a: usize, b: usize): bool {
  const ta = load<f64>(a + CURSOR_TIME);
  const tb = load<f64>(b + CURSOR_TIME);
  return ta < tb || (ta == tb && load<i32>(a + CURSOR_TRACE) < load<i32>(b + CURSOR_TRACE));
}

/** Puts the heap's first cursor where it belongs (its time grew). */
function settleFirst(slots: usize, heap: usize, size: i32): void {
  const first = load<i32>(heap);
  const cursor = cursorAt(slots, first);
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= size) break;
    const right = left + 1;
    let child = left;
    if (right < size && comesBefore(cursorAt(slots, load<i32>(heap + (<usize>right << 2))), cursorAt(slots, load<i32>(heap + (<usize>left << 2))))) child = right;
    const childSlot = load<i32>(heap + (<usize>child << 2));
    if (!comesBefore(cursorAt(slots, childSlot), cursor)) break;
    store<i32>(heap + (<usize>i << 2), childSlot);
    i = child;
  }
  store<i32>(heap + (<usize>i << 2), first);
}

/**
 * Copies runs of lines to `out` (up to `outEnd`) in corrected time order, ties to the lower trace:
 * from a min-heap of `size` cursors (slot numbers, i32, at `heap`), each run the first cursor's
 * lines that come before every other cursor's current line. First applies `resume` to the first
 * cursor: RESUME_REFILLED (a new block: settle it) or RESUME_ENDED (its trace ended: remove it).
 * Leaves the end of what it wrote at `endAt` and the heap's size at `endAt + 4`, and returns
 * RUNS_OUT_FULL (take the lines, call again), RUNS_DONE, or the slot of the first cursor when its
 * block is done (refill it, or end it).
 */
export function mergeRuns(slots: usize, heap: usize, size: i32, resume: i32, out: usize, outEnd: usize, endAt: usize): i32 {
  if (resume == RESUME_ENDED) {
    size--;
    if (size > 0) {
      store<i32>(heap, load<i32>(heap + (<usize>size << 2)));
      settleFirst(slots, heap, size);
    }
  } else if (resume == RESUME_REFILLED) settleFirst(slots, heap, size);
  let result = RUNS_DONE;
  while (size > 0) {
    const slot = load<i32>(heap);
    const cursor = cursorAt(slots, slot);
    const ends = <usize>load<i32>(cursor + CURSOR_ENDS);
    const times = <usize>load<i32>(cursor + CURSOR_TIMES);
    const count = load<i32>(cursor + CURSOR_COUNT);
    const index = load<i32>(cursor + CURSOR_INDEX);
    // The run: up to the first line that does not come before the second cursor's.
    let to = count;
    if (size > 1) {
      let second = cursorAt(slots, load<i32>(heap + 4));
      if (size > 2) {
        const right = cursorAt(slots, load<i32>(heap + 8));
        if (comesBefore(right, second)) second = right;
      }
      const nextTime = load<f64>(second + CURSOR_TIME);
      const tieFirst = load<i32>(cursor + CURSOR_TRACE) < load<i32>(second + CURSOR_TRACE);
      to = index + 1;
      while (to < count) {
        const t = load<f64>(times + (<usize>to << 3));
        if (!(t < nextTime || (t == nextTime && tieFirst))) break;
        to++;
      }
    }
    const start = index == 0 ? 0 : load<i32>(ends + (<usize>(index - 1) << 2));
    let end = load<i32>(ends + (<usize>(to - 1) << 2));
    // As many whole lines as fit.
    if (out + <usize>(end - start) > outEnd) {
      while (to > index && out + <usize>(load<i32>(ends + (<usize>(to - 1) << 2)) - start) > outEnd) to--;
      if (to == index) {
        result = RUNS_OUT_FULL;
        break;
      }
      end = load<i32>(ends + (<usize>(to - 1) << 2));
    }
    const bytes = <usize>load<i32>(cursor + CURSOR_BYTES_AT);
    memory.copy(out, bytes + <usize>start, <usize>(end - start));
    out += <usize>(end - start);
    if (to < count) {
      store<i32>(cursor + CURSOR_INDEX, to);
      store<f64>(cursor + CURSOR_TIME, load<f64>(times + (<usize>to << 3)));
      settleFirst(slots, heap, size);
      continue;
    }
    store<i32>(cursor + CURSOR_INDEX, count);
    result = slot;
    break;
  }
  store<i32>(endAt, <i32>out);
  store<i32>(endAt + 4, size);
  return result;
}
