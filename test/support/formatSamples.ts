// What every format promises of its sample lines: detection tells the format, an entry line starts
// there, and the first entry's head reads as the sample says. Each format's samples are its tests.

import assert from "node:assert/strict";
import type { TraceFormat } from "../../server/src/engine/format";
import { detectFormat, splitEntries } from "../../server/src/formats";

function clockText(seconds: number, withMilliseconds: boolean): string {
  const whole = Math.floor(seconds);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const hms = `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
  return withMilliseconds ? `${hms}.${pad(Math.round((seconds - whole) * 1000), 3)}` : hms;
}

/** Checks the format's samples; `registered`: whether detection among the listed formats should find it. */
export function checkFormatSamples(format: TraceFormat, registered: boolean): void {
  assert.ok(format.samples.length > 0, `${format.name} has no samples`);
  for (const sample of format.samples) {
    const what = `${format.name}: ${JSON.stringify(sample.line)}`;
    assert.ok(sample.source.length > 0, `${what} names no source`);
    assert.ok(format.detect(sample.line), `${what} is not detected by its format`);
    if (registered) assert.equal(detectFormat(sample.line).name, format.name, `${what} is taken by another format`);
    assert.ok(format.startsEntryLine(sample.line, 0), `${what} does not start an entry line`);
    const split = splitEntries(`${sample.line}\n`, { format });
    assert.equal(split.format, format.name);
    const entry = split.entries.find((e) => e.kind === "entry");
    assert.ok(entry !== undefined, `${what} has no timed entry`);
    assert.equal(entry.start, 0, `${what}: the entry does not start the line`);
    assert.equal(clockText(entry.clock!, sample.clock.length > 8), sample.clock, what);
    assert.equal(entry.processTag, sample.processTag, what);
    assert.equal(entry.level, sample.level, what);
    assert.ok(split.text.slice(entry.messageStart).startsWith(sample.messageStartsWith), `${what}: message starts ${JSON.stringify(split.text.slice(entry.messageStart, entry.messageStart + 30))}`);
  }
}
