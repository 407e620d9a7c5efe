// Putting run-together entries back on their own lines: the formatter, the split copy, the CLI.

import type { EntrySplit } from "./entries";

export interface TextInsertion {
  /** Offset where a line break goes. */
  readonly offset: number;
  readonly text: string;
}

/** One line break before every entry that starts mid-line; nothing else changes. */
export function lineBreakInsertions(split: EntrySplit): TextInsertion[] {
  const eol = split.lineIndex.preferredLineEnding();
  const insertions: TextInsertion[] = [];
  for (let i = 0; i < split.count; i++) if (split.isMidLine(i)) insertions.push({ offset: split.startOf(i), text: eol });
  return insertions;
}

/** The text with every entry on a line of its own. */
export function splitText(split: EntrySplit): string {
  const parts: string[] = [];
  let from = 0;
  for (const insertion of lineBreakInsertions(split)) {
    parts.push(split.text.slice(from, insertion.offset), insertion.text);
    from = insertion.offset;
  }
  parts.push(split.text.slice(from));
  return parts.join("");
}

const LINE_BREAKS = /\r\n|\r|\n/g;

/**
 * The entry on one line: without its line ending; line breaks inside a multi-line entry become
 * ` ⏎ ` so that the output keeps exactly one line per entry.
 */
export function entryAsOneLine(split: EntrySplit, index: number): string {
  const text = split.text.slice(split.startOf(index), split.contentEndOf(index));
  return text.includes("\n") || text.includes("\r") ? text.replace(LINE_BREAKS, " ⏎ ") : text;
}
