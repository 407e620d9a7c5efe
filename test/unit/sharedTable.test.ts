// A stream's splits take turns in one entry table (SharedEntryTable): each split made in it reads as
// a split with a table of its own, an entry kept from a split stays what it was after the next
// split fills the table again, and a split read after that fails loudly instead of reading the
// next one's rows.

import { scannerPreference, setScannerPreference } from "../../server/src/engine/scan";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { FIRST_CHUNK, HeldEntry, SharedEntryTable, type EntrySplit, type SplitOptions } from "../../server/src/engine/entries";
import { splitEntries } from "../../server/src/formats";
import { MARKERS } from "../../server/src/knowledge/markers";
import { markedEntries, MarkedEntryRoom } from "../../server/src/engine/marking";
import { BufferReaders, ByteText } from "../../server/src/engine/byteText";

const piece = fc.oneof(
  fc.constantFrom("23:26:58 ", "00:00:01\n", "23:59:59\r\n", "\n05:59:59 Trace: ", "\n00:00:00 la-lgr Trace: ", "10:00:00.123 ", "Build 0977823:26:58 "),
  fc.constantFrom("\n", " ", "Trace: ", "Fail: ", "la-lgr ", "Events from February 8, 2007\n", "preamble "),
  fc.constantFrom(...MARKERS.words),
  fc.constantFrom("é", "アクセス"),
  fc.string({ maxLength: 8 }),
);
const traceText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));
/** A text as a stream hands it over: a string, or the bytes of an ASCII one. */
const asSource = (text: string, asBytes: boolean) => (asBytes && /^[\u0000-\u007f]*$/.test(text) ? new ByteText(Buffer.from(text)) : text);

function described(split: EntrySplit) {
  return {
    count: split.count,
    timed: split.timedCount,
    entries: Array.from({ length: split.count }, (_, i) => split.entryAt(i)),
    marked: markedEntries(split, MARKERS),
    state: split.state,
  };
}

describe("a shared entry table", () => {
  it("gives each split the rows a table of its own gives, after splits of any other text", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(traceText, fc.boolean()), { minLength: 2, maxLength: 6 }), (texts) => {
        const shared = new SharedEntryTable();
        let state: SplitOptions["state"];
        for (const [text, asBytes] of texts) {
          const options = state === undefined ? {} : { state };
          const inShared = splitEntries(asSource(text, asBytes), { ...options, sharedTable: shared });
          const own = splitEntries(asSource(text, asBytes), options);
          assert.deepEqual(described(inShared), described(own));
          state = own.state;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keeps an entry kept from a split as it was once the next split fills the table", () => {
    fc.assert(
      fc.property(traceText, traceText, fc.nat(), (first, second, pick) => {
        const shared = new SharedEntryTable();
        const split = splitEntries(first, { sharedTable: shared });
        fc.pre(split.count > 0);
        const index = pick % split.count;
        const expected = splitEntries(first).entryAt(index, { offset: 7, line: 3, column: 2, entryIndex: 11 });
        const kept = split.keepEntry(index, { offset: 7, line: 3, column: 2, entryIndex: 11 });
        splitEntries(second, { sharedTable: shared });
        assert.deepEqual(kept.entry, expected);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses to make entries of a split whose table the next split filled", () => {
    const shared = new SharedEntryTable();
    const split = splitEntries("23:26:58 Trace: first\n23:26:59 Trace: second\n", { sharedTable: shared });
    splitEntries("00:00:01 Trace: other\n", { sharedTable: shared });
    assert.throws(() => split.entryAt(0), /filled again/);
    assert.throws(() => split.keepEntry(1), /filled again/);
  });
});

describe("entries kept from a stream's read buffer", () => {
  // Only a scanner that reads bytes as they are keeps the buffer: the WebAssembly one (a TypeScript
  // split reads a decoded copy).
  const preferred = scannerPreference();
  before(() => setScannerPreference("auto"));
  after(() => setScannerPreference(preferred));
  const text = "23:26:58 Trace: first\n23:26:59 Trace: second\n23:27:00 Trace: third\n";
  const bufferSplit = (readers: BufferReaders) => splitEntries(new ByteText(Buffer.from(text), readers), { sharedTable: new SharedEntryTable() });

  it("count as the buffer's readers until made or let go, so the buffer is written again only after", () => {
    const readers = new BufferReaders();
    const split = bufferSplit(readers);
    const kept = split.keepEntry(0);
    assert.equal(readers.count, 1);
    assert.equal(kept.entry.clock, 23 * 3600 + 26 * 60 + 58);
    assert.equal(readers.count, 0, "made: the bytes are read");
    split.keepEntry(1).letGoUnread();
    assert.equal(readers.count, 0, "let go unread");
  });

  it("held and replaced at every entry, leave one reader: the last one held", () => {
    const readers = new BufferReaders();
    const split = bufferSplit(readers);
    const held = new HeldEntry();
    for (let i = 0; i < split.count; i++) {
      held.hold(split, i, FIRST_CHUNK);
      held.settle();
    }
    assert.equal(readers.count, 1);
    assert.equal(held.entry.messageStart, text.indexOf("third"));
    assert.equal(readers.count, 0);
    held.hold(split, 0, FIRST_CHUNK);
    held.settle();
    held.letGo();
    assert.equal(readers.count, 0);
    assert.equal(held.holds, false);
  });

  it("refuse to be made once let go unread: their bytes may be another block's by then", () => {
    const kept = bufferSplit(new BufferReaders()).keepEntry(2);
    kept.letGoUnread();
    assert.throws(() => kept.entry, /let go/);
  });
});

describe("marked entries copied into a room", () => {
  const asBytes = (text: string) => splitEntries(new ByteText(Buffer.from(text.replace(/[^\u0000-\u007f]/g, "?"))));
  const plain = (marked: ReturnType<typeof markedEntries>) => ({ entries: Array.from(marked.entries), wordsFrom: Array.from(marked.wordsFrom), words: Array.from(marked.words) });

  it("are the marked entries, text after text", () => {
    fc.assert(
      fc.property(fc.array(traceText, { minLength: 1, maxLength: 5 }), (texts) => {
        const room = new MarkedEntryRoom();
        for (const text of texts) {
          const split = asBytes(text);
          assert.deepEqual(plain(markedEntries(split, MARKERS, room)), plain(markedEntries(split, MARKERS)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("grows for a text with more marked entries than it has room for, and serves a smaller one after", () => {
    const room = new MarkedEntryRoom();
    const line = (i: number) => `10:00:${String(i % 60).padStart(2, "0")} Trace: Waiting for MDS Messages and MDS is in service\n`;
    const large = asBytes(Array.from({ length: 3000 }, (_, i) => line(i)).join(""));
    const small = asBytes(line(1) + line(2));
    const inRoom = plain(markedEntries(large, MARKERS, room));
    assert.equal(inRoom.entries.length, 3000);
    assert.deepEqual(inRoom, plain(markedEntries(large, MARKERS)));
    assert.deepEqual(plain(markedEntries(small, MARKERS, room)), plain(markedEntries(small, MARKERS)));
  });
});
