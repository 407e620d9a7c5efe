// The trace formats the tool reads, and the split of a text in its own format. A format is one
// module (engine/format.ts says what it gives); list a new one here, most specific first.

import type { TraceText } from "../engine/byteText";
import { splitWith, type EntrySplit, type SplitOptions } from "../engine/entries";
import type { TraceFormat } from "../engine/format";
import { ciscoLogFormat } from "./ciscoLog";
import { dumplogMsFormat } from "./dumplogMs";
import { standardFormat } from "./standard";

/**
 * Asked in order; the standard layout takes any text the others do not. dumplog's `/ms` layout comes
 * first: its pastes hold Cisco Log entries of other components too, and it reads those.
 */
export const FORMATS: readonly TraceFormat[] = [dumplogMsFormat, ciscoLogFormat, standardFormat];

/** How much of a text's start detection reads. */
const DETECTION_CHARS = 8192;

/** The format of a text, told from its first characters. */
export function detectFormat(text: TraceText): TraceFormat {
  const head = text.slice(0, DETECTION_CHARS);
  return FORMATS.find((format) => format.detect(head)) ?? standardFormat;
}

export function formatNamed(name: string): TraceFormat | undefined {
  return FORMATS.find((format) => format.name === name);
}

export interface TraceSplitOptions extends SplitOptions {
  /** The format to split by; else the state's, else the one the text's start tells. */
  readonly format?: TraceFormat;
}

/** Splits a text (or a piece of a file) into entries in its format. */
export function splitEntries(input: TraceText, options: TraceSplitOptions = {}): EntrySplit {
  const format = options.format ?? (options.state !== undefined ? formatNamed(options.state.format) : undefined) ?? detectFormat(input);
  return splitWith(format, input, options);
}

export { ciscoLogFormat, dumplogMsFormat, standardFormat };
export type { TraceFormat };
