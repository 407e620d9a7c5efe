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
 * length (u8: 8 or 12) and place (u8: 0 line start, 1 abutting, 2 after a blank) at the given
 * addresses; returns how many. The caller leaves room for (to - from) / 9 + 1: times need 9 bytes.
 */
export function clockCandidates(text: usize, end: usize, from: usize, to: usize, outPos: usize, outClock: usize, outLength: usize, outPlace: usize): i32 {
  let count = 0;
  const colons = i8x16.splat(58);
  let block = from;
  // Sixteen bytes at a time: a bit per colon with another colon three on, as a time's first colon
  // has (most colons, as in `Trace:`, have none). The bytes read past `to` are still in memory:
  // results follow the text.
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
  return count;
}

/**
 * Where lines start after an LF in [from, to) of the text at `text`: the offset just past each LF,
 * as i32s at `out`; returns how many. The caller leaves room for (to - from) of them.
 */
export function lineFeedStarts(text: usize, from: usize, to: usize, out: usize): i32 {
  let count = 0;
  const lineFeeds = i8x16.splat(10);
  let block = from;
  // Sixteen bytes at a time: a bit per LF.
  while (block + 16 <= to) {
    let mask = i8x16.bitmask(i8x16.eq(v128.load(block), lineFeeds));
    while (mask != 0) {
      store<i32>(out + (<usize>count << 2), <i32>(block + <usize>ctz(mask) + 1 - text));
      count++;
      mask &= mask - 1;
    }
    block += 16;
  }
  for (; block < to; block++) {
    if (load<u8>(block) == 10) {
      store<i32>(out + (<usize>count << 2), <i32>(block + 1 - text));
      count++;
    }
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
 * window, shift (u8 × 65536), bucketOf (i32 × 65536), bucketStart (i32), bucketWords (i32),
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

@inline function blockHash(a: u32, b: u32, c: u32): u32 {
  return (a * 961 + b * 31 + c) & 0xffff;
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
    const blockA = blockHash(load<u8>(a - 2), load<u8>(a - 1), load<u8>(a));
    const blockB = blockHash(load<u8>(b - 2), load<u8>(b - 1), load<u8>(b));
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
    const block = blockHash(load<u8>(last - 2), load<u8>(last - 1), load<u8>(last));
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
