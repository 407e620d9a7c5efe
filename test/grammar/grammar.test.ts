// The ICM trace TextMate grammar, tokenized by vscode-textmate + vscode-oniguruma (VS Code's own
// engine). Each test states the exact scopes a theme sees. Scope choices, in brief:
// - failure phrases: `invalid.illegal` (a red foreground in VS Code's Dark/Light families and
//   Monokai) with `token.error-token` inside it, which VS Code's and many other themes colour as a
//   log error;
// - Fail/Error labels: `keyword.control` + `token.error-token`, so they differ from `Trace:` even in
//   a theme without token colours; warnings: `markup.changed` + `token.warn-token`.

import assert from "node:assert/strict";
import { describeVerdict, loadRecheck, RECHECK_PARAMS } from "../support/recheck";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { Worker } from "node:worker_threads";
import * as oniguruma from "vscode-oniguruma";
import { GRAMMAR_PATH, REPO_ROOT, SCOPE_NAME, foregroundsOf, loadGrammar, tokenizeLine } from "./tokenize";
import type { LongLineSummary } from "./tokenizeWorker";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "grammar");

const TIME = "constant.numeric.time.icm-trace";
const INT = "constant.numeric.integer.icm-trace";
const TRACE = "keyword.other.level.trace.icm-trace";
const LEVEL_COLON = "punctuation.separator.level.icm-trace";
const COMPONENT = "entity.name.type.component.icm-trace";
const COMPONENT_COLON = "punctuation.separator.component.icm-trace";
const PROCESS = "entity.name.tag.process.icm-trace";
const FAILURE = "invalid.illegal.failure.icm-trace token.error-token.icm-trace";
const WARNING = "markup.changed.warning.icm-trace token.warn-token.icm-trace";
const PATH = "string.unquoted.path.icm-trace";
const FIELD_COLON = "punctuation.separator.field.icm-trace";
const TAG_OPEN = "punctuation.definition.tag.begin.icm-trace";
const TAG_CLOSE = "punctuation.definition.tag.end.icm-trace";
const TAG_KEY = "entity.other.attribute-name.icm-trace";
const TAG_EQUALS = "punctuation.separator.key-value.icm-trace";
const TAG_VALUE = "string.unquoted.value.icm-trace";
const PLAIN = "";

type Expected = ReadonlyArray<readonly [text: string, scopes: string]>;

/** Every token of the line as [text, scopes without the root scope], in order. */
async function tokensOf(line: string): Promise<Array<[string, string]>> {
  const tokens = await tokenizeLine(line);
  for (const t of tokens) assert.equal(t.scopes[0], SCOPE_NAME, `root scope of ${JSON.stringify(t.text)}`);
  return tokens.map((t) => [t.text, t.scopes.slice(1).join(" ")]);
}

async function assertTokens(line: string, expected: Expected): Promise<void> {
  assert.deepEqual(await tokensOf(line), expected);
}

/** The scopes of the `nth` token whose text is exactly `text`. */
async function scopesOfToken(line: string, text: string, nth = 0): Promise<string> {
  const matching = (await tokensOf(line)).filter(([t]) => t === text);
  const found = matching[nth];
  assert.ok(found !== undefined, `no token ${JSON.stringify(text)} (#${nth}) in ${JSON.stringify(line)}`);
  return found[1];
}

function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), "utf8");
}

/** Clock times in run-together text: two digits, colon, two digits, colon, two digits. */
function countClockTimes(text: string): number {
  return (text.match(/\d{2}:\d{2}:\d{2}/g) ?? []).length;
}

describe("grammar file", () => {
  test("declares scopeName text.icm-trace and loads in vscode-textmate", async () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, "utf8")) as { scopeName?: unknown };
    assert.equal(raw.scopeName, "text.icm-trace");
    const grammar = await loadGrammar();
    assert.ok(grammar.tokenizeLine("", null).tokens.length >= 1);
  });
});

describe("timestamps", () => {
  test("a time at the start of a line is constant.numeric.time", async () => {
    await assertTokens("23:27:04 Initiating state transfer RECEIVE operation.", [
      ["23:27:04", TIME],
      [" Initiating state transfer RECEIVE operation.", PLAIN],
    ]);
  });

  test("a time that starts mid-line right after digits is split from them (Build 09778 + 23:26:58)", async () => {
    await assertTokens(
      "23:26:58 Trace: Release 5.0 service pack 0+, Build 0977823:26:58 Initializing Event Management System (EMS) Library.",
      [
        ["23:26:58", TIME],
        [" ", PLAIN],
        ["Trace", TRACE],
        [":", LEVEL_COLON],
        [" Release ", PLAIN],
        ["5.0", "constant.numeric.decimal.icm-trace"],
        [" service pack ", PLAIN],
        ["0", INT],
        ["+, Build ", PLAIN],
        ["09778", INT],
        ["23:26:58", TIME],
        [" Initializing Event Management System (EMS) Library.", PLAIN],
      ],
    );
  });

  test("dumplog /ms: the milliseconds after a colon belong to the time, and a tag may hold capitals (Cisco Doc 116178)", async () => {
    await assertTokens("15:56:52:557 PG1A-jgw1 Trace: new MyCID: 82", [
      ["15:56:52:557", TIME],
      [" ", PLAIN],
      ["PG1A-jgw1", PROCESS],
      [" ", PLAIN],
      ["Trace", TRACE],
      [":", LEVEL_COLON],
      [" new MyCID: ", PLAIN],
      ["82", INT],
    ]);
  });

  test("a single digit run into a time stays a number of its own (Logger Type is 1 + 23:26:58)", async () => {
    await assertTokens("Trace: Logger Type is 123:26:58 Initializing Node Manager Library.", [
      ["Trace: Logger Type is ", PLAIN],
      ["1", INT],
      ["23:26:58", TIME],
      [" Initializing Node Manager Library.", PLAIN],
    ]);
  });

  test("a decimal run into a time keeps its fraction digit (310466685004.0 + 16:47:39)", async () => {
    await assertTokens("LastUpdateKey for B Configuration is 310466685004.016:47:39 Trace: PrepareToSendState", [
      ["LastUpdateKey for B Configuration is ", PLAIN],
      ["310466685004.0", "constant.numeric.decimal.icm-trace"],
      ["16:47:39", TIME],
      [" ", PLAIN],
      ["Trace", TRACE],
      [":", LEVEL_COLON],
      [" PrepareToSendState", PLAIN],
    ]);
  });

  test("a version number run into a time ends at its last dot (7.00.839. + 23:26:58)", async () => {
    await assertTokens("DB-Library version 7.00.839.23:26:58 Trace: x", [
      ["DB-Library version ", PLAIN],
      ["7.00.839", "constant.numeric.version.icm-trace"],
      [".", PLAIN],
      ["23:26:58", TIME],
      [" ", PLAIN],
      ["Trace", TRACE],
      [":", LEVEL_COLON],
      [" x", PLAIN],
    ]);
  });

  test("a time with milliseconds is one time token", async () => {
    await assertTokens("16:47:39.125 Trace: CleanupPreparedState", [
      ["16:47:39.125", TIME],
      [" ", PLAIN],
      ["Trace", TRACE],
      [":", LEVEL_COLON],
      [" CleanupPreparedState", PLAIN],
    ]);
  });

  test("colon chains and impossible clock values are numbers, not times", async () => {
    await assertTokens("id 10:23:45:67 at 25:61:59", [
      ["id ", PLAIN],
      ["10", INT],
      [":", PLAIN],
      ["23", INT],
      [":", PLAIN],
      ["45", INT],
      [":", PLAIN],
      ["67", INT],
      [" at ", PLAIN],
      ["25", INT],
      [":", PLAIN],
      ["61", INT],
      [":", PLAIN],
      ["59", INT],
    ]);
  });
});

describe("entry head: process tag, level label, component", () => {
  test("a process tag after the time is entity.name.tag.process (ra-rtr)", async () => {
    await assertTokens("00:37:44 ra-rtr MDS is in service.", [
      ["00:37:44", TIME],
      [" ", PLAIN],
      ["ra-rtr", PROCESS],
      [" MDS is in service.", PLAIN],
    ]);
  });

  test("Fail: is keyword.control + token.error-token, distinct from Trace:, and Assertion failed is a failure", async () => {
    await assertTokens(
      "12:00:01 la-lgr Fail: Assertion failed: syncMsg.UpdateKey == g.checksumInfo.updateKey. File: d:\\icm\\src\\rtinput.cpp. Line 691",
      [
        ["12:00:01", TIME],
        [" ", PLAIN],
        ["la-lgr", PROCESS],
        [" ", PLAIN],
        ["Fail", "keyword.control.level.fail.icm-trace token.error-token.icm-trace"],
        [":", LEVEL_COLON],
        [" ", PLAIN],
        ["Assertion failed", FAILURE],
        [": syncMsg.UpdateKey == g.checksumInfo.updateKey. File: ", PLAIN],
        ["d:\\icm\\src\\rtinput.cpp", PATH],
        [". Line ", PLAIN],
        ["691", INT],
      ],
    );
  });

  test("Error: is keyword.control + token.error-token (rb-rtr)", async () => {
    await assertTokens("12:00:03 rb-rtr Error: Connection to Central Controller side A failed", [
      ["12:00:03", TIME],
      [" ", PLAIN],
      ["rb-rtr", PROCESS],
      [" ", PLAIN],
      ["Error", "keyword.control.level.error.icm-trace token.error-token.icm-trace"],
      [":", LEVEL_COLON],
      [" Connection to Central Controller side A ", PLAIN],
      ["failed", FAILURE],
    ]);
  });

  test("Warn: is keyword.other.level.warning + token.warn-token (pg1a-opc, with milliseconds)", async () => {
    await assertTokens("12:00:02.250 pg1a-opc Warn: HeartBeat Event for Side A", [
      ["12:00:02.250", TIME],
      [" ", PLAIN],
      ["pg1a-opc", PROCESS],
      [" ", PLAIN],
      ["Warn", "keyword.other.level.warning.icm-trace token.warn-token.icm-trace"],
      [":", LEVEL_COLON],
      [" ", PLAIN],
      ["HeartBeat Event", WARNING],
      [" for Side A", PLAIN],
    ]);
  });

  test("Info: is keyword.other.level.info", async () => {
    assert.equal(await scopesOfToken("12:00:04 Info: started", "Info"), "keyword.other.level.info.icm-trace");
  });

  test("a component prefix after the level is entity.name.type.component (NodeManagerHandler:)", async () => {
    await assertTokens("23:26:58 Trace: NodeManagerHandler: Logger Initializing", [
      ["23:26:58", TIME],
      [" ", PLAIN],
      ["Trace", TRACE],
      [":", LEVEL_COLON],
      [" ", PLAIN],
      ["NodeManagerHandler", COMPONENT],
      [":", COMPONENT_COLON],
      [" Logger Initializing", PLAIN],
    ]);
  });

  test("Thread[2536]: is a component with its thread id scoped as a number", async () => {
    await assertTokens("16:47:39 Trace: Thread[2536]: Commit Config Transaction 200000059816:47:39 Trace: PrepareToSendState", [
      ["16:47:39", TIME],
      [" ", PLAIN],
      ["Trace", TRACE],
      [":", LEVEL_COLON],
      [" ", PLAIN],
      ["Thread", COMPONENT],
      ["[", "punctuation.definition.thread-id.begin.icm-trace"],
      ["2536", "constant.numeric.integer.thread-id.icm-trace"],
      ["]", "punctuation.definition.thread-id.end.icm-trace"],
      [":", COMPONENT_COLON],
      [" Commit Config Transaction ", PLAIN],
      ["2000000598", INT],
      ["16:47:39", TIME],
      [" ", PLAIN],
      ["Trace", TRACE],
      [":", LEVEL_COLON],
      [" PrepareToSendState", PLAIN],
    ]);
  });

  test("a word before a colon later in the message is not a component", async () => {
    await assertTokens("23:27:03 Trace: Checksum config complete: Rows = 23442", [
      ["23:27:03", TIME],
      [" ", PLAIN],
      ["Trace", TRACE],
      [":", LEVEL_COLON],
      [" Checksum config complete: Rows = ", PLAIN],
      ["23442", INT],
    ]);
  });
});

describe("failures and warnings", () => {
  test("Last API Error [5]: Access is denied.: failure phrases are invalid.illegal + token.error-token, the code a number", async () => {
    await assertTokens("Last API Error [5]: Access is denied.", [
      ["Last API Error", FAILURE],
      [" ", PLAIN],
      ["[", "punctuation.definition.error-code.begin.icm-trace"],
      ["5", "constant.numeric.integer.error-code.icm-trace"],
      ["]", "punctuation.definition.error-code.end.icm-trace"],
      [": ", PLAIN],
      ["Access is denied", FAILURE],
      [".", PLAIN],
    ]);
  });

  test("the sender's failure entry: Unable to, Last API Error [112], not enough space", async () => {
    await assertTokens(
      "16:47:39 Trace: Unable to GetTempFileName for temporary state transfer file. Last API Error [112]: There is not enough space on the disk.",
      [
        ["16:47:39", TIME],
        [" ", PLAIN],
        ["Trace", TRACE],
        [":", LEVEL_COLON],
        [" ", PLAIN],
        ["Unable to", FAILURE],
        [" GetTempFileName for temporary state transfer file. ", PLAIN],
        ["Last API Error", FAILURE],
        [" ", PLAIN],
        ["[", "punctuation.definition.error-code.begin.icm-trace"],
        ["112", "constant.numeric.integer.error-code.icm-trace"],
        ["]", "punctuation.definition.error-code.end.icm-trace"],
        [": There is ", PLAIN],
        ["not enough space", FAILURE],
        [" on the disk.", PLAIN],
      ],
    );
  });

  test("the Japanese Windows text アクセスが拒否されました is a failure", async () => {
    await assertTokens("Last API Error [5]: アクセスが拒否されました。", [
      ["Last API Error", FAILURE],
      [" ", PLAIN],
      ["[", "punctuation.definition.error-code.begin.icm-trace"],
      ["5", "constant.numeric.integer.error-code.icm-trace"],
      ["]", "punctuation.definition.error-code.end.icm-trace"],
      [": ", PLAIN],
      ["アクセスが拒否されました", FAILURE],
      ["。", PLAIN],
    ]);
  });

  test("out of service, is down, assert are failures", async () => {
    assert.equal(await scopesOfToken("Logger or HDS on connection 1 is either out of service or broken", "out of service"), FAILURE);
    assert.equal(await scopesOfToken("Process rtr at the Central Site side A is down", "is down"), FAILURE);
    assert.equal(await scopesOfToken("Logger asserts constantly; assert in rtinput", "assert"), FAILURE);
    assert.equal(await scopesOfToken("Logger asserts constantly; assert in rtinput", "asserts"), FAILURE);
  });

  test("failure words inside longer words are plain text", async () => {
    await assertTokens("Prefailed Reassert unfailing AssertionCount", [["Prefailed Reassert unfailing AssertionCount", PLAIN]]);
  });

  test("Waiting for MDS Messages is markup.changed + token.warn-token, also when the next entry's time follows directly", async () => {
    await assertTokens("23:27:08 Trace: NodeManagerHandler: Logger Waiting for MDS Messages23:27:18 Trace: x", [
      ["23:27:08", TIME],
      [" ", PLAIN],
      ["Trace", TRACE],
      [":", LEVEL_COLON],
      [" ", PLAIN],
      ["NodeManagerHandler", COMPONENT],
      [":", COMPONENT_COLON],
      [" Logger ", PLAIN],
      ["Waiting for MDS Messages", WARNING],
      ["23:27:18", TIME],
      [" ", PLAIN],
      ["Trace", TRACE],
      [":", LEVEL_COLON],
      [" x", PLAIN],
    ]);
  });
});

describe("paths and instance names", () => {
  test("<cust_inst> is variable.other.instance and the path after it string.unquoted.path, up to the next time", async () => {
    await assertTokens("EMS Server pipe <cust_inst>\\LoggerA\\lgrEMSPipe enabled for <cust_inst>\\LoggerA\\lgr23:26:58 Trace: x", [
      ["EMS Server pipe ", PLAIN],
      ["<", "variable.other.instance.icm-trace punctuation.definition.variable.begin.icm-trace"],
      ["cust_inst", "variable.other.instance.icm-trace"],
      [">", "variable.other.instance.icm-trace punctuation.definition.variable.end.icm-trace"],
      ["\\LoggerA\\lgrEMSPipe", PATH],
      [" enabled for ", PLAIN],
      ["<", "variable.other.instance.icm-trace punctuation.definition.variable.begin.icm-trace"],
      ["cust_inst", "variable.other.instance.icm-trace"],
      [">", "variable.other.instance.icm-trace punctuation.definition.variable.end.icm-trace"],
      ["\\LoggerA\\lgr", PATH],
      ["23:26:58", TIME],
      [" ", PLAIN],
      ["Trace", TRACE],
      [":", LEVEL_COLON],
      [" x", PLAIN],
    ]);
  });

  test("a drive path ends before a sentence's full stop; a UNC path is string.unquoted.path.unc", async () => {
    await assertTokens("Log dir c:\\icm\\csco\\rtra\\logfiles and \\\\server\\share\\dir.", [
      ["Log dir ", PLAIN],
      ["c:\\icm\\csco\\rtra\\logfiles", PATH],
      [" and ", PLAIN],
      ["\\\\server\\share\\dir", "string.unquoted.path.unc.icm-trace"],
      [".", PLAIN],
    ]);
  });

  test("%TEMP% is variable.other.environment", async () => {
    await assertTokens("Temp is %TEMP% now", [
      ["Temp is ", PLAIN],
      ["%", "variable.other.environment.icm-trace punctuation.definition.variable.begin.icm-trace"],
      ["TEMP", "variable.other.environment.icm-trace"],
      ["%", "variable.other.environment.icm-trace punctuation.definition.variable.end.icm-trace"],
      [" now", PLAIN],
    ]);
  });
});

describe("dumplog day header", () => {
  test("Events from February 8, 2007 is markup.heading with the date as entity.name.section", async () => {
    await assertTokens("Events from February 8, 2007", [
      ["Events from ", "markup.heading.day.icm-trace"],
      ["February 8, 2007", "markup.heading.day.icm-trace entity.name.section.date.icm-trace"],
    ]);
  });

  test("a header run into the first entry ends at the year (2007 + 00:37:44)", async () => {
    await assertTokens("Events from February 8, 200700:37:44 ra-rtr MDS is in service.", [
      ["Events from ", "markup.heading.day.icm-trace"],
      ["February 8, 2007", "markup.heading.day.icm-trace entity.name.section.date.icm-trace"],
      ["00:37:44", TIME],
      [" ", PLAIN],
      ["ra-rtr", PROCESS],
      [" MDS is in service.", PLAIN],
    ]);
  });

  test("an abbreviated month is not a day header", async () => {
    await assertTokens("Events from Feb 8, 2007", [
      ["Events from Feb ", PLAIN],
      ["8", INT],
      [", ", PLAIN],
      ["2007", INT],
    ]);
  });
});

describe("Cisco Log lines", () => {
  test("dumplog /ciscoLog: sequence, host, date, time, zone, %APPNAME and [key=value] tags", async () => {
    await assertTokens(
      "10: CICMRGRA: Feb 8 2007 05:37:44.658 +0000: %ICM_Router_ProcessSynchronization: [comp=Router-A][pname=rtr][iid=ipcc][sev=info]: MDS is in service.",
      [
        ["10", "constant.numeric.integer.sequence.icm-trace"],
        [":", FIELD_COLON],
        [" ", PLAIN],
        ["CICMRGRA", "entity.name.tag.host.icm-trace"],
        [":", FIELD_COLON],
        [" ", PLAIN],
        ["Feb 8 2007", "constant.numeric.date.icm-trace"],
        [" ", PLAIN],
        ["05:37:44.658", TIME],
        [" ", PLAIN],
        ["+0000", "constant.numeric.timezone.icm-trace"],
        [":", FIELD_COLON],
        [" ", PLAIN],
        ["%", "punctuation.definition.application.icm-trace"],
        ["ICM_Router_ProcessSynchronization", "entity.name.function.application.icm-trace"],
        [":", FIELD_COLON],
        [" ", PLAIN],
        ["[", TAG_OPEN],
        ["comp", TAG_KEY],
        ["=", TAG_EQUALS],
        ["Router-A", TAG_VALUE],
        ["]", TAG_CLOSE],
        ["[", TAG_OPEN],
        ["pname", TAG_KEY],
        ["=", TAG_EQUALS],
        ["rtr", TAG_VALUE],
        ["]", TAG_CLOSE],
        ["[", TAG_OPEN],
        ["iid", TAG_KEY],
        ["=", TAG_EQUALS],
        ["ipcc", TAG_VALUE],
        ["]", TAG_CLOSE],
        ["[", TAG_OPEN],
        ["sev", TAG_KEY],
        ["=", TAG_EQUALS],
        ["info", "keyword.other.severity.info.icm-trace"],
        ["]", TAG_CLOSE],
        [": MDS is in service.", PLAIN],
      ],
    );
  });

  test("syslog feed: <PRI>, %APP-severity-MSGID with the info severity left uncoloured", async () => {
    await assertTokens(
      "<134>25: host-w3k: Feb 13 2007 18:23:21.408 +0000: %ICM_Router_CallRouter-6-10500FF: [comp=Router-A][pname=rtr][iid=acme1][mid=10500FF][sev=info]: Side A rtr process is OK.",
      [
        ["<", "punctuation.definition.priority.begin.icm-trace"],
        ["134", "constant.numeric.integer.priority.icm-trace"],
        [">", "punctuation.definition.priority.end.icm-trace"],
        ["25", "constant.numeric.integer.sequence.icm-trace"],
        [":", FIELD_COLON],
        [" ", PLAIN],
        ["host-w3k", "entity.name.tag.host.icm-trace"],
        [":", FIELD_COLON],
        [" ", PLAIN],
        ["Feb 13 2007", "constant.numeric.date.icm-trace"],
        [" ", PLAIN],
        ["18:23:21.408", TIME],
        [" ", PLAIN],
        ["+0000", "constant.numeric.timezone.icm-trace"],
        [":", FIELD_COLON],
        [" ", PLAIN],
        ["%", "punctuation.definition.application.icm-trace"],
        ["ICM_Router_CallRouter", "entity.name.function.application.icm-trace"],
        ["-", "punctuation.separator.severity.icm-trace"],
        ["6", "constant.numeric.severity.icm-trace"],
        ["-", "punctuation.separator.severity.icm-trace"],
        ["10500FF", "constant.other.message-id.icm-trace"],
        [":", FIELD_COLON],
        [" ", PLAIN],
        ["[", TAG_OPEN],
        ["comp", TAG_KEY],
        ["=", TAG_EQUALS],
        ["Router-A", TAG_VALUE],
        ["]", TAG_CLOSE],
        ["[", TAG_OPEN],
        ["pname", TAG_KEY],
        ["=", TAG_EQUALS],
        ["rtr", TAG_VALUE],
        ["]", TAG_CLOSE],
        ["[", TAG_OPEN],
        ["iid", TAG_KEY],
        ["=", TAG_EQUALS],
        ["acme1", TAG_VALUE],
        ["]", TAG_CLOSE],
        ["[", TAG_OPEN],
        ["mid", TAG_KEY],
        ["=", TAG_EQUALS],
        ["10500FF", TAG_VALUE],
        ["]", TAG_CLOSE],
        ["[", TAG_OPEN],
        ["sev", TAG_KEY],
        ["=", TAG_EQUALS],
        ["info", "keyword.other.severity.info.icm-trace"],
        ["]", TAG_CLOSE],
        [": Side A rtr process is OK.", PLAIN],
      ],
    );
  });

  test("error severities (-3-, [sev=err]) carry token.error-token; warning ones (-4-, [sev=warning]) token.warn-token", async () => {
    const err = "%ICM_Router_X-3-DEAD: [sev=err]: Process rtr at the Central Site side A is down";
    assert.equal(await scopesOfToken(err, "3"), "constant.numeric.severity.error.icm-trace token.error-token.icm-trace");
    assert.equal(await scopesOfToken(err, "err"), "keyword.control.severity.error.icm-trace token.error-token.icm-trace");
    const warn = "%ICM_Logger_Y-4-W1: [sev=warning]: y";
    assert.equal(await scopesOfToken(warn, "4"), "constant.numeric.severity.warning.icm-trace token.warn-token.icm-trace");
    assert.equal(await scopesOfToken(warn, "warning"), "keyword.other.severity.warning.icm-trace token.warn-token.icm-trace");
  });

  test("a tag block right after the application (%APP:%[ready=false]) and an accuracy star", async () => {
    await assertTokens("%MMCA__ICMGW-6-SERVER_READINESS_UPDATE:%[ready=false]", [
      ["%", "punctuation.definition.application.icm-trace"],
      ["MMCA__ICMGW", "entity.name.function.application.icm-trace"],
      ["-", "punctuation.separator.severity.icm-trace"],
      ["6", "constant.numeric.severity.icm-trace"],
      ["-", "punctuation.separator.severity.icm-trace"],
      ["SERVER_READINESS_UPDATE", "constant.other.message-id.icm-trace"],
      [":", FIELD_COLON],
      ["%", "punctuation.definition.tags.icm-trace"],
      ["[", TAG_OPEN],
      ["ready", TAG_KEY],
      ["=", TAG_EQUALS],
      ["false", TAG_VALUE],
      ["]", TAG_CLOSE],
    ]);
    assert.equal(await scopesOfToken("1: h: *Feb 8 2007 05:37:44.658 UTC: x", "*"), "keyword.operator.accuracy.icm-trace");
  });
});

describe("numbers", () => {
  test("integers, decimals, versions, hex and IPv4 each have a constant.numeric scope", async () => {
    await assertTokens("n 42 r 5.0 v 8.0.760 h 0x1F ip 10.86.1.2", [
      ["n ", PLAIN],
      ["42", INT],
      [" r ", PLAIN],
      ["5.0", "constant.numeric.decimal.icm-trace"],
      [" v ", PLAIN],
      ["8.0.760", "constant.numeric.version.icm-trace"],
      [" h ", PLAIN],
      ["0x1F", "constant.numeric.hex.icm-trace"],
      [" ip ", PLAIN],
      ["10.86.1.2", "constant.numeric.ip-address.icm-trace"],
    ]);
  });

  test("digits inside identifiers are not numbers (Latin1_General_BIN, pg1a, DB-Lib)", async () => {
    await assertTokens("Latin1_General_BIN pg1a DB-Lib", [["Latin1_General_BIN pg1a DB-Lib", PLAIN]]);
  });
});

describe("real traces (run-together entries)", () => {
  for (const name of ["seed-sideA-receive.txt", "seed-sideB-send.txt"]) {
    test(`every entry time in ${name} is a time token`, async () => {
      const line = readFixture(name).trimEnd();
      assert.ok(!line.includes("\n"), "the fixture is one run-together line");
      const tokens = await tokenizeLine(line);
      const times = tokens.filter((t) => t.scopes.includes(TIME)).map((t) => t.text);
      assert.deepEqual(times, line.match(/\d{2}:\d{2}:\d{2}/g));
      assert.equal(tokens.map((t) => t.text).join(""), line);
    });
  }

  test("the receiver trace's two waits are warnings and the sender's denial is a failure", async () => {
    const receive = await tokensOf(readFixture("seed-sideA-receive.txt").trimEnd());
    assert.equal(receive.filter(([t, s]) => t === "Waiting for MDS Messages" && s === WARNING).length, 2);
    const send = await tokensOf(readFixture("seed-sideB-send.txt").trimEnd());
    assert.deepEqual(
      send.filter(([, s]) => s === FAILURE).map(([t]) => t),
      ["Unable to", "Last API Error", "Access is denied", "Unable to"],
    );
  });
});

describe("theme colours (why the scopes are layered)", () => {
  // Two synthetic themes with one distinct colour per rule, resolved by vscode-textmate's matcher.
  const BASE_RULES = [
    { settings: { foreground: "#111111", background: "#FFFFFF" } },
    { scope: "keyword", settings: { foreground: "#0000FF" } },
    { scope: "keyword.control", settings: { foreground: "#AA00AA" } },
    { scope: "invalid", settings: { foreground: "#AA0000" } },
    { scope: "markup.changed", settings: { foreground: "#0000AA" } },
  ];
  const LOG_THEME = {
    name: "with log token colours, like VS Code's own themes",
    settings: [
      ...BASE_RULES,
      { scope: "token.error-token", settings: { foreground: "#FF0000" } },
      { scope: "token.warn-token", settings: { foreground: "#FFAA00" } },
    ],
  };
  const PLAIN_THEME = { name: "without log token colours", settings: BASE_RULES };
  const LINE = "12:00:01 la-lgr Fail: Assertion failed, Waiting for MDS Messages12:00:02 Trace: x";

  async function colourOf(theme: typeof LOG_THEME, text: string): Promise<string> {
    const colours = await foregroundsOf(LINE, theme);
    const start = LINE.indexOf(text);
    assert.ok(start >= 0, text);
    const span = new Set(colours.slice(start, start + text.length));
    assert.equal(span.size, 1, `${text} has one colour`);
    return [...span][0]!;
  }

  test("a theme with token.error-token/token.warn-token colours failures, Fail: and warnings with them", async () => {
    assert.equal(await colourOf(LOG_THEME, "Assertion failed"), "#FF0000");
    assert.equal(await colourOf(LOG_THEME, "Fail"), "#FF0000");
    assert.equal(await colourOf(LOG_THEME, "Waiting for MDS Messages"), "#FFAA00");
    assert.equal(await colourOf(LOG_THEME, "Trace"), "#0000FF");
  });

  test("a theme without them falls back to invalid, keyword.control (Fail: unlike Trace:) and markup.changed", async () => {
    assert.equal(await colourOf(PLAIN_THEME, "Assertion failed"), "#AA0000");
    assert.equal(await colourOf(PLAIN_THEME, "Fail"), "#AA00AA");
    assert.equal(await colourOf(PLAIN_THEME, "Waiting for MDS Messages"), "#0000AA");
    assert.equal(await colourOf(PLAIN_THEME, "Trace"), "#0000FF");
  });
});

// ---------------------------------------------------------------------------------------------
// Performance: VS Code tokenizes the first 20,000 characters of a line, and run-together traces
// are exactly such lines. Patterns must stay linear in the line length.

interface GrammarRegex {
  readonly where: string;
  readonly source: string;
}

function grammarRegexes(): GrammarRegex[] {
  const raw: unknown = JSON.parse(fs.readFileSync(GRAMMAR_PATH, "utf8"));
  const found: GrammarRegex[] = [];
  const visit = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, `${where}[${i}]`));
    } else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (["match", "begin", "end", "while"].includes(key) && typeof value === "string") {
          found.push({ where: `${where}.${key}`, source: value });
        } else {
          visit(value, `${where}.${key}`);
        }
      }
    }
  };
  visit(raw, "grammar");
  return found;
}

function tokenizeInWorker(lines: readonly string[], timeoutMs: number): Promise<LongLineSummary[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, "tokenizeWorker.js"), { workerData: { lines } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`tokenizing did not finish within ${timeoutMs / 1000} s: a pattern backtracks on long lines`));
    }, timeoutMs);
    worker.once("message", (message: { summaries?: LongLineSummary[]; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.summaries !== undefined) resolve(message.summaries);
      else reject(new Error(message.error ?? "worker sent no result"));
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** `unit` repeated and cut to exactly `length` characters. */
function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const LONG_LINE = 20_000;
// Generous: a linear grammar needs well under a second; a backtracking one needs hours.
const HANG_TIMEOUT_MS = 120_000;

describe("performance on 20,000-character lines", () => {
  test("every rule is a single-line match rule: no begin/end pair can span a run-together line", () => {
    const offending: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) node.forEach((child, i) => visit(child, `${where}[${i}]`));
      else if (node !== null && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (["begin", "end", "while"].includes(key)) offending.push(`${where}.${key}`);
          visit(value, `${where}.${key}`);
        }
      }
    };
    visit(JSON.parse(fs.readFileSync(GRAMMAR_PATH, "utf8")), "grammar");
    assert.deepEqual(offending, []);
  });

  test("no regex scans with an unbounded dot (.* or .+)", () => {
    const offending = grammarRegexes().filter((r) => /(?<!\\)\.[*+]/.test(r.source.replace(/\\\\/g, "")));
    assert.deepEqual(offending, []);
  });

  test("every regex compiles in Oniguruma and as a JavaScript RegExp (what the ReDoS check reads)", async () => {
    await loadGrammar();
    for (const r of grammarRegexes()) {
      assert.doesNotThrow(() => new oniguruma.OnigScanner([r.source]).dispose(), `Oniguruma: ${r.where}`);
      assert.doesNotThrow(() => new RegExp(r.source), `JavaScript: ${r.where}`);
    }
  });

  test("a 20,000-character run-together trace line tokenizes to the end with every entry time found", { timeout: HANG_TIMEOUT_MS + 30_000 }, async () => {
    const seed = readFixture("seed-sideA-receive.txt").trimEnd() + readFixture("seed-sideB-send.txt").trimEnd();
    const line = repeatTo(seed, LONG_LINE);
    const [summary] = await tokenizeInWorker([line], HANG_TIMEOUT_MS);
    assert.ok(summary !== undefined);
    assert.equal(summary.length, LONG_LINE);
    assert.equal(summary.coveredLength, LONG_LINE);
    assert.equal(summary.timeTokens, countClockTimes(line));
    assert.ok(summary.timeTokens >= 300, `expected a run-together line with many entries, got ${summary.timeTokens}`);
  });

  test("adversarial 20,000-character lines (digit runs, colon chains, open tags, path prefixes) tokenize to the end", { timeout: HANG_TIMEOUT_MS + 30_000 }, async () => {
    const units = [
      "1", "a", " ", "12:", "12:12:1", "9:0", "1.", "[a=", "[sev=", "%A", "%A-1-", "\\", "\\\\a", "C:\\a",
      "<a", "<a>\\", "a-", "00:00:00 ", "00:00:00 a-", "00:00:00 Trace: A", "1: h: ", "<1>1: h: ",
      "Feb 1 2007 ", "Events from ", "Events from May 1, ", "Unable t", "Last API Error [", "Assertio",
      "0x", "1.2.3.", "a.cp",
    ];
    const lines = units.map((u) => repeatTo(u, LONG_LINE));
    const summaries = await tokenizeInWorker(lines, HANG_TIMEOUT_MS);
    assert.equal(summaries.length, units.length);
    summaries.forEach((s, i) => assert.equal(s.coveredLength, LONG_LINE, `unit ${JSON.stringify(units[i])}`));
  });
});

// ---------------------------------------------------------------------------------------------
// ReDoS: every regex is checked with recheck; see test/support/recheck.ts.

describe("ReDoS check (recheck)", () => {
  test("the checker, so configured, flags planted quadratic and exponential patterns", { timeout: 300_000 }, async () => {
    const recheck = loadRecheck();
    for (const source of [String.raw`(?<!:)\d+x`, String.raw`Events from .*(?=\d\d:)`, String.raw`(?=a)(a+)+$`]) {
      const verdict = await recheck.check(source, "", RECHECK_PARAMS);
      assert.equal(verdict.status, "vulnerable", `${source}: ${describeVerdict(verdict)}`);
    }
  });

  test("every regex in the grammar is safe: linear, or no super-linear attack found", { timeout: 600_000 }, async () => {
    const recheck = loadRecheck();
    const verdicts: string[] = [];
    // One at a time: the agent runs checks on the same cores, and the results are then easy to read.
    for (const r of grammarRegexes()) {
      const verdict = await recheck.check(r.source, "", RECHECK_PARAMS);
      if (verdict.status !== "safe") verdicts.push(`${r.where}: ${describeVerdict(verdict)}`);
    }
    assert.deepEqual(verdicts, []);
  });
});
