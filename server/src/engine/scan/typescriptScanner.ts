// The scans in TypeScript, for any text: the answers of the WebAssembly scans, character by
// character (texts with characters above U+00FF, texts over 16 MiB, engines without WebAssembly).

import { CandidateList } from "../candidateList";
import { chosenTimedEntries, findCandidatesInText } from "../candidates";
import { countLineFeeds, lineFeedStarts } from "../lineIndex";
import type { LiteralMatches, LiteralSet } from "../literalSet";
import type { LineBreaks, MarkableEntries, MarkedEntries, Scanner, TimedEntries } from "./types";

const SCRATCH_CANDIDATES = new CandidateList();

export class TypeScriptScanner implements Scanner {
  readonly implementation = "typescript";

  constructor(readonly text: string) {}

  clockCandidates(list: CandidateList): CandidateList {
    return findCandidatesInText(this.text, list);
  }

  timedEntries(previousClock: number, upcomingClock: number, daysPassed: number): TimedEntries {
    return chosenTimedEntries(this.text, findCandidatesInText(this.text, SCRATCH_CANDIDATES), previousClock, upcomingClock, daysPassed);
  }

  literalMatches(set: LiteralSet): LiteralMatches {
    return set.findAllInText(this.text);
  }

  /** Message starts are read by `messageStartOf`, which fills them in as the WebAssembly scan does. */
  markEntries(split: MarkableEntries, set: LiteralSet): MarkedEntries {
    const entries: number[] = [];
    const wordsFrom: number[] = [];
    const words: number[] = [];
    const { positions, words: matched } = set.findAllInText(this.text);
    let e = 0;
    // One loop, no callback: a large trace has a match in every few entries.
    for (let m = 0; m < positions.length; m++) {
      const at = positions[m]!;
      // Matches come in text order: the entry is the current one or a later one.
      if (split.endOf(e) <= at) e = split.endOf(e + 1) > at ? e + 1 : split.indexAt(at, e + 1);
      const word = matched[m]!;
      // Only matches in an entry's message count, not in its time or level word, nor in a day header.
      if (!split.hasMessage(e) || at < split.messageStartOf(e) || at + set.words[word]!.length > split.contentEndOf(e)) continue;
      if (entries[entries.length - 1] !== e) {
        entries.push(e);
        wordsFrom.push(words.length);
      } else if (words.indexOf(word, wordsFrom[wordsFrom.length - 1]!) !== -1) {
        continue; // already noted for this entry
      }
      words.push(word);
    }
    wordsFrom.push(words.length);
    return { entries, wordsFrom, words };
  }

  /** Line breaks are listed by LineIndex when first asked for. */
  lineBreaks(): LineBreaks | null {
    return null;
  }

  lineFeedStarts(): Int32Array {
    return Int32Array.from(lineFeedStarts(this.text));
  }

  lineFeedCount(from: number, to: number): number {
    return countLineFeeds(this.text, from, to);
  }
}
