import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { entryText } from "../../server/src/engine/entries";
import { splitEntries } from "../../server/src/formats";
import { seedReceive, seedSend } from "./helpers";

const texts = (input: string) => {
  const split = splitEntries(input);
  return split.entries.map((e) => entryText(split, e));
};

describe("splitEntries on the seed traces", () => {
  it("splits the receiving side into its 27 entries", () => {
    const split = splitEntries(seedReceive());
    assert.equal(split.entries.length, 27);
    assert.equal(entryText(split, split.entries[0]!), "23:26:58 Trace: Release 5.0 service pack 0+, Build 09778");
    assert.equal(entryText(split, split.entries[1]!), "23:26:58 Initializing Event Management System (EMS) Library.");
    assert.equal(entryText(split, split.entries[3]!), "23:26:58 Trace: Logger Type is 1");
    assert.equal(entryText(split, split.entries[26]!), "23:27:18 Trace: NodeManagerHandler: Logger Waiting for MDS Messages...");
  });

  it("splits the sending side into its 9 entries with exact positions", () => {
    const text = seedSend();
    const split = splitEntries(text);
    assert.equal(split.entries.length, 9);
    const failing = split.entries[6]!;
    assert.equal(failing.line, 0);
    assert.equal(failing.column, text.indexOf("16:47:39 Trace: Unable to GetTempFileName"));
    assert.equal(failing.midLine, true);
    assert.equal(entryText(split, split.entries[0]!), "16:47:39 Trace: Thread[2536]: Commit Config Transaction 2000000598");
    assert.deepEqual(split.runTogetherLines, [0]);
  });

  it("is lossless on the seeds", () => {
    for (const text of [seedReceive(), seedSend()]) {
      const split = splitEntries(text);
      assert.equal(split.entries.map((e) => text.slice(e.start, e.end)).join(""), text);
    }
  });

  it("reads the level word and the message", () => {
    const text = seedSend();
    const split = splitEntries(text);
    const e = split.entries[1]!;
    assert.equal(e.level, "Trace");
    assert.equal(text.slice(e.messageStart, e.contentEnd), "PrepareToSendState");
  });
});

describe("times inside messages are not entry starts", () => {
  it("keeps `scheduled at 01:30:00 for` inside its entry", () => {
    assert.deepEqual(texts("00:10:00 Trace: Purge scheduled at 01:30:00 for Route_Call_Detail.00:10:05 Trace: Next"), [
      "00:10:00 Trace: Purge scheduled at 01:30:00 for Route_Call_Detail.",
      "00:10:05 Trace: Next",
    ]);
  });

  it("keeps `expires at 09:15:00, attempt 2` inside its entry", () => {
    assert.deepEqual(texts("09:00:00 Trace: Token expires at 09:15:00, attempt 2\n09:00:01 Trace: Next\n"), [
      "09:00:00 Trace: Token expires at 09:15:00, attempt 2",
      "09:00:01 Trace: Next",
    ]);
  });

  it("rejects a mid-line time that would break the order of its neighbours", () => {
    // 01:30:00 after 23:10:00 looks like a rollover, but the next entry is 23:10:05 again.
    assert.deepEqual(texts("23:10:00 Trace: Purge at night Job 01:30:00 Started23:10:05 Trace: Next"), [
      "23:10:00 Trace: Purge at night Job 01:30:00 Started",
      "23:10:05 Trace: Next",
    ]);
    // A time running into digits that goes backwards is a value, not an entry.
    assert.deepEqual(texts("10:00:00 Trace: value=1209:00:00 set10:00:05 Trace: x"), [
      "10:00:00 Trace: value=1209:00:00 set",
      "10:00:05 Trace: x",
    ]);
  });

  it("accepts a run-together entry after a space when its head looks like an entry", () => {
    assert.deepEqual(texts("23:26:58 Initializing Node Manager Library. 23:26:59 Trace: Next"), [
      "23:26:58 Initializing Node Manager Library. ",
      "23:26:59 Trace: Next",
    ]);
  });

  it("does not take ISO times or quoted times", () => {
    assert.equal(texts("10:00:00 Trace: at 2007-02-08T10:00:01 ok (10:00:02 ) done").length, 1);
  });
});

describe("midnight rollover", () => {
  it("passes midnight from late evening into early morning", () => {
    const split = splitEntries("23:59:59 Trace: a00:00:01 Trace: b00:00:11 Trace: c");
    assert.deepEqual(split.entries.map((e) => e.elapsedClock), [86399, 86401, 86411]);
  });

  it("does not take a step back in the afternoon as a rollover", () => {
    const split = splitEntries("15:00:00 Trace: a\n14:00:00 Trace: b\n");
    assert.equal(split.entries.length, 2);
    assert.deepEqual(split.entries.map((e) => e.elapsedClock), [54000, 50400]);
  });

  it("dates entries from dumplog day headers and carries the date over midnight", () => {
    const split = splitEntries("Events from February 8, 2007\n23:59:58 la-lgr Trace: a\n00:00:02 la-lgr Trace: b\n");
    assert.deepEqual(split.entries.map((e) => e.kind), ["header", "entry", "entry"]);
    assert.deepEqual(split.entries.map((e) => e.date), ["2007-02-08", "2007-02-08", "2007-02-09"]);
    assert.equal(split.entries[1]!.processTag, "la-lgr");
  });
});

describe("layout", () => {
  it("continues an entry over lines without a timestamp", () => {
    assert.deepEqual(texts("10:00:00 Trace: first\n  continued here\n10:00:01 Trace: second\n"), [
      "10:00:00 Trace: first\n  continued here",
      "10:00:01 Trace: second",
    ]);
  });

  it("handles CRLF and CR line endings with correct positions", () => {
    for (const eol of ["\r\n", "\r"]) {
      const split = splitEntries(`10:00:00 Trace: a${eol}10:00:01 Trace: b10:00:02 Trace: c${eol}`);
      assert.equal(split.entries.length, 3);
      assert.deepEqual(split.entries.map((e) => [e.line, e.column]), [[0, 0], [1, 0], [1, 17]]);
      assert.equal(split.lineIndex.preferredLineEnding(), eol);
    }
  });

  it("keeps text before the first timestamp as a preamble", () => {
    const split = splitEntries("Pasted from ticket 1234:\n10:00:00 Trace: a\n");
    assert.deepEqual(split.entries.map((e) => e.kind), ["preamble", "entry"]);
  });

  it("gives no entries for an empty text and one preamble for text without times", () => {
    assert.equal(splitEntries("").entries.length, 0);
    assert.deepEqual(splitEntries("no times here\n").entries.map((e) => e.kind), ["preamble"]);
  });

  it("does not take impossible times", () => {
    assert.deepEqual(splitEntries("25:61:99 Trace: nonsense\n").entries.map((e) => e.kind), ["preamble"]);
  });

  it("reads milliseconds", () => {
    const split = splitEntries("10:00:00.250 ra-rtr Trace: a10:00:01.500 ra-rtr Trace: b");
    assert.deepEqual(split.entries.map((e) => e.clock), [36000.25, 36001.5]);
  });
});
