// The three trace formats parse into the same entries, with dates and zones where given.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeTrace } from "../../server/src/analysis/analyze";
import { entryMessage } from "../../server/src/engine/entries";
import { splitEntries } from "../../server/src/formats";

// Cisco's own examples (Serviceability Best Practices Guide: dumplog /ciscoLog and the syslog feed).
const CISCO_DUMPLOG = "10: CICMRGRA: Feb 8 2007 05:37:44.658 +0000: %ICM_Router_ProcessSynchronization: [comp=Router-A][pname=rtr][iid=ipcc][sev=info]: MDS is in service.";
const CISCO_SYSLOG = "<134>25: host-w3k: Feb 13 2007 18:23:21.408 +0000: %ICM_Router_CallRouter-6-10500FF: [comp=Router-A][pname=rtr][iid=acme1][mid=10500FF][sev=info]: Side A rtr process is OK.";

describe("Cisco Log format", () => {
  it("reads sequence, date, time, zone, process and severity", () => {
    const text = `${CISCO_DUMPLOG}\n${CISCO_SYSLOG}\n`;
    const split = splitEntries(text);
    assert.equal(split.format, "ciscolog");
    assert.deepEqual(
      split.entries.map((e) => [e.line, e.column, e.date, e.clock, e.utcOffsetMinutes, e.processTag, e.level, entryMessage(split, e)]),
      [
        [0, 0, "2007-02-08", 5 * 3600 + 37 * 60 + 44.658, 0, "rtr", "info", "MDS is in service."],
        [1, 0, "2007-02-13", 18 * 3600 + 23 * 60 + 21.408, 0, "rtr", "info", "Side A rtr process is OK."],
      ],
    );
    assert.equal(split.entries[1]!.elapsedClock, 5 * 86400 + 18 * 3600 + 23 * 60 + 21.408);
  });

  it("splits run-together Cisco Log entries at the sequence number that continues the last", () => {
    const second = CISCO_DUMPLOG.replace("10: ", "11: ").replace("05:37:44.658", "05:37:45.100").replace("MDS is in service.", "Logger process 12 is up.");
    const split = splitEntries(`${CISCO_DUMPLOG}${second}`);
    assert.equal(split.entries.length, 2);
    assert.equal(split.entries[1]!.column, CISCO_DUMPLOG.length);
    assert.deepEqual(split.runTogetherLines, [0]);
  });

  it("reads numeric severities and zones east of UTC", () => {
    const text = "7: AW1: Mar 3 2024 09:00:00.000 +0900: %ICM_Logger_Recovery-3-ABC: Recovery failed.\n";
    const [entry] = splitEntries(text).entries;
    assert.equal(entry!.level, "err");
    assert.equal(entry!.utcOffsetMinutes, 540);
  });

  it("tells the side from Cisco Log component tags", () => {
    assert.equal(analyzeTrace(`${CISCO_DUMPLOG}\n`).side, "A");
  });
});

describe("dumplog format", () => {
  it("reads process tags with and without milliseconds and level words", () => {
    const split = splitEntries("Events from February 8, 2007\n00:37:44 ra-rtr MDS is in service.\n00:37:45.120 la-lgr Fail: Assertion failed: x. File: y.cpp. Line 1\n");
    assert.equal(split.format, "standard");
    assert.deepEqual(split.entries.map((e) => [e.kind, e.processTag, e.level, e.date]), [
      ["header", null, null, "2007-02-08"],
      ["entry", "ra-rtr", null, "2007-02-08"],
      ["entry", "la-lgr", "Fail", "2007-02-08"],
    ]);
    assert.equal(entryMessage(split, split.entries[2]!), "Assertion failed: x. File: y.cpp. Line 1");
  });

  it("moves to the date of a later day header", () => {
    const split = splitEntries("Events from February 8, 2007\n23:00:00 la-lgr Trace: a\nEvents from February 10, 2007\n01:00:00 la-lgr Trace: b\n");
    assert.deepEqual(split.entries.filter((e) => e.kind === "entry").map((e) => e.date), ["2007-02-08", "2007-02-10"]);
  });
});
