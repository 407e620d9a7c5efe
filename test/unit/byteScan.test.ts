// The WebAssembly byte scans give exactly the answers of the TypeScript scans they stand in for:
// clock-time candidates, literal-set matches and line starts, on any text, across the scan's
// windows and when a scan's results fill its room. The committed module is the one the AssemblyScript source makes.

import { findAll } from "../../server/src/engine/scan";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import fc from "fast-check";
import { byteScanFor, MAX_CHOSEN_CANDIDATES } from "../../server/src/engine/scan/wasmModule";
import { setScannerPreference } from "../../server/src/engine/scan";
import { type LiteralTables } from "../../server/src/engine/literalSet";
import { CandidateList, CandidatePlace, CONTEXT_ALLOWS, CONTEXT_DENIES, contextAllowsEntry, findCandidatesInText } from "../../server/src/engine/candidates";
import { scannerFor } from "../../server/src/engine/scan";
import { LineIndex, lineFeedStarts } from "../../server/src/engine/lineIndex";
import { LiteralSet } from "../../server/src/engine/literalSet";
import { type SplitState } from "../../server/src/engine/entries";
import { splitEntries } from "../../server/src/formats";
import { MARKERS } from "../../server/src/knowledge/markers";
import { markedEntries } from "../../server/src/engine/marking";

const repoRoot = path.resolve(__dirname, "..", "..", "..");

const piece = fc.oneof(
  fc.constantFrom("23:26:58 ", "00:00:01\n", "23:59:59\r\n", "\n05:59:59 Trace: ", "\n18:00:00 Trace: ", "\n00:00:00 Trace: ", "10:00:00.123 ", "10:00:00.1234 ", "10:00:00.12 ", "25:61:99 ", "09:15:00, ", "12:34:56", "1:2:3 "),
  fc.constantFrom("\n", "\r", " ", "\t", "\u0000", "é", "\u00ff", ":", "::", "Trace: ", "la-lgr ", "E", "Events from February 8, 2007\n", "Events from Mar 31, 2024"),
  // What a mid-line time's context is read by: words that lead into a time, dates, ISO times, quotes.
  fc.constantFrom("at ", "AT ", "Scheduled  ", "atx ", "at, ", "since; ", "2007-02-08T", "Feb 8 2007 ", "=", "(", "-", "$", "Build 09778", "x"),
  fc.constantFrom(...MARKERS.words),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: 0, max: 99 }).map((n) => String(n)),
);
const latin1Text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join("").replace(/[^\u0000-\u00ff]/g, "?"));

function candidatesOf(list: CandidateList) {
  const n = list.count;
  return { pos: [...list.pos.subarray(0, n)], clock: [...list.clock.subarray(0, n)], length: [...list.length.subarray(0, n)], place: [...list.place.subarray(0, n)] };
}

/** The TypeScript answer, with the byte scan off. */
function inTypeScript<T>(run: () => T): T {
  setScannerPreference("typescript");
  try {
    return run();
  } finally {
    setScannerPreference("auto");
  }
}

after(() => setScannerPreference("auto"));

/** The candidates of the scanner a text gets when WebAssembly may serve: these tests are the WebAssembly scan's. */
function findCandidates(text: string, list: CandidateList = new CandidateList()): CandidateList {
  return scannerFor(text, "auto").clockCandidates(list);
}

describe("byte scan", () => {
  it("is used here: this Node has WebAssembly with SIMD", () => {
    assert.notEqual(byteScanFor("08:00:00 Trace: x"), null);
  });

  it("is not used for a text with a character above U+00FF, whose low byte could pass for ':' or a digit", () => {
    const text = "08\u303a00\u303a00 Trace: x\n08:00:01 Trace: y";
    assert.equal(byteScanFor(text), null);
    assert.deepEqual(candidatesOf(findCandidates(text)).pos, [text.indexOf("08:00:01")]);
  });

  it("finds the clock candidates the TypeScript scan finds, on any Latin-1 text, and reads their contexts as it does", () => {
    fc.assert(
      fc.property(latin1Text, (text) => {
        const list = findCandidates(text, new CandidateList());
        const bytes = candidatesOf(list);
        assert.deepEqual(bytes, candidatesOf(findCandidatesInText(text, new CandidateList())));
        for (let i = 0; i < list.count; i++) {
          const allows = list.place[i] === CandidatePlace.LineStart || contextAllowsEntry(text, list.pos[i]!, list.length[i]!, list.place[i]!);
          assert.equal(list.context[i], allows ? CONTEXT_ALLOWS : CONTEXT_DENIES, `the time at ${list.pos[i]} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("finds a time wherever its colons fall in the scan's blocks of 16 and 32 bytes, and colons three apart that are no time", () => {
    // Every offset of a 150-byte text: a time's first colon at each place of a block, its second in
    // the same block or the next, with colon runs around it.
    for (const time of ["23:26:58 ", "10:00:00.123 ", "1::2::3 "]) {
      for (let at = 0; at < 150; at++) {
        for (const filler of ["x", ":", "::x"]) {
          const text = (filler.repeat(at) + time + "Trace: ").padEnd(150, "y:");
          assert.deepEqual(candidatesOf(findCandidates(text, new CandidateList())), candidatesOf(findCandidatesInText(text, new CandidateList())), `${JSON.stringify(time)} at ${at} after ${JSON.stringify(filler)}`);
        }
      }
    }
  });

  it("reads every kind of context around a mid-line time as the TypeScript does", () => {
    // Each word before, separator and head after, in every combination.
    const before = ["", "x", "at", "AT", "At", "atx", "Scheduled", "since", "2007", "Feb 8 2007", "2007-02-08T", "=", "(", "$", "'", "Build 09778", `${"y".repeat(70)} at`, `at${"y".repeat(70)}`];
    const separators = ["", " ", "  ", "\t", ", ", " , ", ";", "; ", ",\t", "\n"];
    const times = ["23:26:58", "10:00:00.123"];
    const after = [" Trace: x", " la-lgr x", " trace", " -lgr x", " Z", " A", " Y", "", "\n", " é"];
    let midLine = 0;
    for (const word of before) {
      for (const separator of separators) {
        for (const time of times) {
          for (const head of after) {
            const text = `${word}${separator}${time}${head}`;
            const list = findCandidates(text, new CandidateList());
            for (let i = 0; i < list.count; i++) {
              if (list.place[i] === CandidatePlace.LineStart) continue;
              midLine++;
              const allows = contextAllowsEntry(text, list.pos[i]!, list.length[i]!, list.place[i]!);
              assert.equal(list.context[i], allows ? CONTEXT_ALLOWS : CONTEXT_DENIES, JSON.stringify(text));
            }
          }
        }
      }
    }
    assert.ok(midLine > 2500, `${midLine} mid-line times`);
  });

  it("finds the same candidates across its 1 MB windows", () => {
    const entries: string[] = [];
    for (let i = 0, length = 0; length < 2.5 * 1024 * 1024; i++) {
      const entry = `${String(8 + (i % 10)).padStart(2, "0")}:00:${String(i % 60).padStart(2, "0")}${i % 7 === 0 ? ".250" : ""} Trace: entry ${i} at 01:30:00 ${i % 3 === 0 ? "" : "\n"}`;
      entries.push(entry);
      length += entry.length;
    }
    const text = entries.join("");
    const bytes = candidatesOf(findCandidates(text, new CandidateList()));
    assert.ok(bytes.pos.length > 2 * entries.length - 10);
    assert.deepEqual(bytes, candidatesOf(findCandidatesInText(text, new CandidateList())));
  });

  it("finds the line starts the TypeScript scan finds, on any Latin-1 text that ends lines with LF", () => {
    fc.assert(
      fc.property(latin1Text, (withCr) => {
        const text = withCr.replace(/\r/g, "");
        assert.deepEqual([...byteScanFor(text)!.lineFeedStarts()], lineFeedStarts(text));
        assert.deepEqual([...new LineIndex(text).lineStarts], lineFeedStarts(text));
      }),
      { numRuns: 1000 },
    );
  });

  it("finds the same line starts across its windows, one line per byte included", () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `${i % 24}:00:00 Trace: line ${i}`).join("\n");
    const text = `${lines}\n${"\n".repeat(600_000)}end`;
    const starts = byteScanFor(text)!.lineFeedStarts();
    assert.ok(starts.length > 660_000, `${starts.length} line starts`);
    assert.deepEqual([...starts], lineFeedStarts(text));
  });

  it("counts LFs, tells whether there is a CR, and finds the lines that follow an LF and start with E, on any Latin-1 text", () => {
    fc.assert(
      fc.property(latin1Text, (text) => {
        const breaks = byteScanFor(text)!.lineBreaks();
        assert.equal(breaks.lineFeeds, text.split("\n").length - 1);
        assert.equal(breaks.hasCarriageReturn, text.includes("\r"));
        const eLines = lineFeedStarts(text).filter((start) => start > 0 && text[start] === "E");
        assert.deepEqual([...breaks.eLineStarts], eLines);
      }),
      { numRuns: 1000 },
    );
  });

  it("finds a line that starts with E wherever its LF falls: in a block of sixteen bytes, at a block's end, or after the last whole block", () => {
    for (let n = 0; n < 48; n++) {
      for (const tail of ["", "\n08:00:00 Trace: a"]) {
        const text = `${"x".repeat(n)}\nEvents from February 8, 2007${tail}`;
        assert.deepEqual([...byteScanFor(text)!.lineBreaks().eLineStarts], [n + 1], `${n} bytes before the LF, tail ${JSON.stringify(tail)}`);
        assert.deepEqual([...byteScanFor(`${text}\n`)!.lineBreaks().eLineStarts], [n + 1]);
        // An LF that ends the text: the byte after it is not the text's, whatever it is.
        assert.deepEqual([...byteScanFor(`${"x".repeat(n)}\n`)!.lineBreaks().eLineStarts], []);
      }
    }
  });

  it("counts the same line breaks across its windows, a line per byte included", () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => (i % 7 === 0 ? `Events from February ${(i % 28) + 1}, 2007` : `${i % 24}:00:00 Trace: line ${i}\r`)).join("\n");
    const text = `${lines}\n${"\nE".repeat(300_000)}end`;
    const breaks = byteScanFor(text)!.lineBreaks();
    assert.ok(breaks.eLineStarts.length > 300_000, `${breaks.eLineStarts.length} lines with E`);
    assert.equal(breaks.lineFeeds, lineFeedStarts(text).length - 1);
    assert.equal(breaks.hasCarriageReturn, true);
    assert.equal(byteScanFor(text.replace(/\r/g, ""))!.lineBreaks().hasCarriageReturn, false);
    assert.deepEqual([...breaks.eLineStarts], lineFeedStarts(text).filter((start) => start > 0 && text[start] === "E"));
  });

  it("splits any Latin-1 text into the entries the TypeScript split makes: lines counted, not listed, and day headers found by the scan", () => {
    fc.assert(
      fc.property(latin1Text, (text) => {
        const split = splitEntries(text);
        const expected = inTypeScript(() => splitEntries(text));
        assert.equal(split.lineIndex.lineCount, expected.lineIndex.lineCount);
        assert.equal(split.lineIndex.lastLineStart, expected.lineIndex.lastLineStart);
        assert.deepEqual(split.entries, expected.entries);
      }),
      { numRuns: 1000 },
    );
  });

  it("chooses the entries and reads their times as the TypeScript split does, chunk after chunk, with a previous and an upcoming clock", () => {
    const clock = fc.integer({ min: 0, max: 86_399 });
    fc.assert(
      fc.property(fc.array(latin1Text, { minLength: 1, maxLength: 4 }), fc.option(clock, { nil: null }), (chunks, upcomingClock) => {
        const splitAll = () => {
          let state: SplitState | undefined;
          return chunks.map((chunk, i) => {
            const split = splitEntries(chunk, { ...(state === undefined ? {} : { state }), upcomingClock: i === chunks.length - 1 ? upcomingClock : null });
            state = split.state;
            return { entries: split.entries, state: split.state };
          });
        };
        assert.deepEqual(splitAll(), inTypeScript(splitAll));
      }),
      { numRuns: 1000 },
    );
  });

  it("judges a mid-line time by the next likely entry time, passing over a quoted one, and counts a midnight only from evening into early morning", () => {
    // 10:30:00 lies between 10:00:00 and the next line's 11:00:00; the quoted 10:15:00 is no anchor.
    const midLine = "10:00:00 Trace: a\nx Build 10:30:00 Trace: b =10:15:00 c\n11:00:00 Trace: d\n";
    // 06:00:00 after 23:00:00 is a step back, not a new day; 05:59:59 after 23:30:00 is one.
    const morning = "23:00:00 Trace: a\n06:00:00 Trace: b\n23:30:00 Trace: c\n05:59:59 Trace: d\n";
    for (const text of [midLine, morning]) assert.deepEqual(splitEntries(text).entries, inTypeScript(() => splitEntries(text).entries));
    assert.deepEqual(splitEntries(midLine).entries.map((e) => e.clock), [36_000, 37_800, 39_600]);
    assert.deepEqual(splitEntries(morning).entries.map((e) => e.elapsedClock), [82_800, 21_600, 84_600, 86_400 + 21_599]);
  });

  it("splits a text with more candidates than it chooses among (left to the TypeScript choice) as the TypeScript does", () => {
    const text = "23:59:59\n".repeat(MAX_CHOSEN_CANDIDATES + 1);
    const split = splitEntries(text);
    const expected = inTypeScript(() => splitEntries(text));
    assert.equal(split.timedCount, MAX_CHOSEN_CANDIDATES + 1);
    assert.equal(split.timedCount, expected.timedCount);
    assert.deepEqual(split.entryAt(split.count - 1), expected.entryAt(expected.count - 1));
  });

  it("finds the literal matches the TypeScript scan finds, on any text", () => {
    fc.assert(
      fc.property(latin1Text, (text) => {
        assert.deepEqual(findAll(MARKERS, text), inTypeScript(() => findAll(MARKERS, text)));
      }),
      { numRuns: 1000 },
    );
  });

  it("finds the same literal matches with its two cursors, on long texts, whichever cursor's room fills first", () => {
    // Texts over the two cursors' threshold (4 KB), rich in markers; rooms so small that calls stop
    // and resume at every few matches, in either half.
    const tables = (MARKERS as unknown as { tables(): LiteralTables }).tables();
    let largestBucket = 0;
    for (let b = 0; b + 1 < tables.bucketStart.length; b++) largestBucket = Math.max(largestBucket, tables.bucketStart[b + 1]! - tables.bucketStart[b]!);
    const longText = fc.array(piece, { minLength: 600, maxLength: 2500 }).map((parts) => {
      const text = `${parts.join("").replace(/[^\u0000-\u00ff]/g, "?")} `;
      return text.repeat(Math.ceil(4200 / text.length));
    });
    fc.assert(
      fc.property(longText, fc.integer({ min: 2 * largestBucket, max: 4 * largestBucket + 40 }), (text, room) => {
        assert.ok(text.length > 4096, `${text.length} characters`);
        const expected = inTypeScript(() => findAll(MARKERS, text));
        const found: [number, number][] = [];
        byteScanFor(text)!.literalMatches(tables, (start, word) => found.push([start, word]), room);
        found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        assert.deepEqual({ positions: found.map((m) => m[0]), words: found.map((m) => m[1]) }, expected);
      }),
      { numRuns: 300 },
    );
  });

  it("finds every match around the point where the second cursor starts, whatever room each call has", () => {
    // A period of markers, shifted one character at a time: the midpoint meets each offset of the
    // period, a match's window ends exactly there once, and rooms fill at every point around it.
    const tables = (MARKERS as unknown as { tables(): LiteralTables }).tables();
    const period = "Waiting for MDS Messages, 23:26:58 Trace: MDS is in service ";
    for (let shift = 0; shift < 2 * period.length; shift++) {
      const text = "-".repeat(shift) + period.repeat(Math.ceil(8200 / period.length));
      const expected = inTypeScript(() => findAll(MARKERS, text));
      for (const room of [undefined, ...Array.from({ length: 13 }, (_, k) => 12 + k)]) {
        const found: [number, number][] = [];
        byteScanFor(text)!.literalMatches(tables, (start, word) => found.push([start, word]), room);
        found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        assert.deepEqual({ positions: found.map((m) => m[0]), words: found.map((m) => m[1]) }, expected, `shift ${shift}, room ${room}`);
      }
    }
  });

  it("looks for a word by a window that does not end in a block another word holds, given as rare a choice", () => {
    // "MDS" and "ABC" are equally rare by their letters; "MDS" is in every "Waiting for MDS" too.
    const windowEnd = (words: string[]) => {
      const set = new LiteralSet(words);
      const { window, windowAt } = set.tables();
      const word = words[words.length - 1]!;
      const end = windowAt[set.indexOf(word)]! + window;
      return word.slice(end - 3, end);
    };
    assert.equal(windowEnd(["Waiting for XYZ", "service is on MDS ABC"]), "MDS");
    assert.equal(windowEnd(["Waiting for MDS", "service is on MDS ABC"]), "ABC");
    // A word's case variants hold its blocks: they do not count against it.
    assert.equal(windowEnd(["Waiting for XYZ", "service is on MDS abc", "service is on MDS ABC"]), "MDS");
  });

  it("maps matches to the entries whose messages hold them as the TypeScript does, message starts included", () => {
    // Entries with and without milliseconds, process tags and level words, run together or not, and
    // words that straddle a time, a tag or a level word, or an entry's end.
    const entryText = fc
      .tuple(
        fc.constantFrom("23:26:58", "00:00:01.250", "12:00:00", "09:15:00.1"),
        fc.constantFrom("", " ", " la-lgr", " pg1a-opc", " la-", " -lgr", " a-b-c", " x"),
        fc.constantFrom("", " Trace:", " Fail:", " Warning:", " Warn:", " Error:  ", " Info:\t", " Trace", " Fatal:", " Xrace:", " Txace:", " Tr4ce:", " Traceroute:", " Warm:", " Infa:", " Errors:"),
        fc.array(fc.oneof(fc.constantFrom(...MARKERS.words), fc.constantFrom(" ", "lgr Trace", "Fail: Un", "x"), fc.string({ maxLength: 6 })), { maxLength: 5 }),
        fc.constantFrom("\n", "\r\n", "", " ", "\n\n", "\r"),
      )
      .map(([time, tag, level, words, end]) => `${time}${tag}${level} ${words.join(" ")}${end}`);
    const traceText = fc.tuple(fc.string({ maxLength: 20 }), fc.array(entryText, { maxLength: 30 })).map(([preamble, entries]) => (preamble + entries.join("")).replace(/[^\u0000-\u00ff]/g, "?"));
    const straddling = new LiteralSet(["8 la-lgr", "lgr Trace", "Trace: Wait", "Fail: Un", ":58 Fail", "Warn: ", "for MDS\r\n", " x\r", "Waiting"]);
    fc.assert(
      fc.property(traceText, fc.constantFrom(MARKERS, straddling), (text, set) => {
        assert.notEqual(byteScanFor(text), null);
        const split = splitEntries(text);
        const inScan = markedEntries(split, set);
        const splitInTypeScript = inTypeScript(() => splitEntries(text));
        const expected = inTypeScript(() => markedEntries(splitInTypeScript, set));
        assert.deepEqual([...inScan.entries], [...expected.entries]);
        assert.deepEqual(Array.from(inScan.wordsFrom), Array.from(expected.wordsFrom));
        assert.deepEqual(Array.from(inScan.words), Array.from(expected.words));
        // The same message starts read, and the same left unread.
        const n = split.count;
        assert.deepEqual([...split.columns.messageStart.subarray(0, n)], [...splitInTypeScript.columns.messageStart.subarray(0, n)]);
      }),
      { numRuns: 1000 },
    );
  });

  it("maps more matches than one call's room holds, growing its memory as the TypeScript mapping would", () => {
    // Over 233,000 matches: the scan stops and resumes, and the matches kept for mapping outgrow the room.
    const text = "23:26:58 Trace: Waiting for MDS Messages\n23:26:59 la-lgr Fail: MDS is in service\n".repeat(150_000);
    const split = splitEntries(text);
    const inScan = markedEntries(split, MARKERS);
    const splitInTypeScript = inTypeScript(() => splitEntries(text));
    const expected = inTypeScript(() => markedEntries(splitInTypeScript, MARKERS));
    assert.ok(inScan.entries.length === 300_000, `${inScan.entries.length} marked entries`);
    assert.deepEqual(Array.from(inScan.entries), Array.from(expected.entries));
    assert.deepEqual(Array.from(inScan.words), Array.from(expected.words));
    assert.deepEqual(Array.from(inScan.wordsFrom), Array.from(expected.wordsFrom));
  });

  it("leaves out words with characters above U+00FF, whose low bytes a Latin-1 text can show, and keeps words apart that share bytes", () => {
    const set = new LiteralSet(["アクセス", "\u00a2\u00af\u00bb\u00b9", "Waiting", "aiting for"]);
    const text = "Waiting for \u00a2\u00af\u00bb\u00b9 x";
    assert.notEqual(byteScanFor(text), null);
    const found = findAll(set, text);
    assert.deepEqual(found, inTypeScript(() => findAll(set, text)));
    assert.deepEqual(found.words.map((w) => set.words[w]), ["Waiting", "aiting for", "\u00a2\u00af\u00bb\u00b9"]);
    // A text that does hold the wide word (the TypeScript scan reads it) finds it.
    const wide = "Waiting アクセス x";
    assert.deepEqual(findAll(set, wide), { positions: [0, 8], words: [2, 0] });
  });

  it("goes on where it stopped when matches fill its room", () => {
    const text = "Waiting for MDS Messages ".repeat(300_000);
    const found = findAll(MARKERS, text);
    assert.ok(found.positions.length >= 300_000);
    assert.deepEqual(found, inTypeScript(() => findAll(MARKERS, text)));
  });

  it("runs the module built from server/assembly/byteScan.ts (scripts/build-wasm.mjs --check)", () => {
    execFileSync(process.execPath, [path.join(repoRoot, "scripts", "build-wasm.mjs"), "--check"], { stdio: "pipe" });
  });
});
