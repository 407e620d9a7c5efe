// The scans in WebAssembly (server/assembly/byteScan.ts) for a text of one-byte characters. The
// module holds one text at a time: each scan loads this scanner's text again when another was
// loaded since, except the line-break reads, which then run in TypeScript (a large document is not
// copied into the module again for them).

import { stringOf, type TraceText } from "../byteText";
import { CandidateList } from "../candidateList";
import { chosenTimedEntries, CLOCK_CONTEXT_WORDS } from "../candidates";
import { countLineFeeds, lineFeedStarts } from "../lineIndex";
import { insertSorted, type LiteralMatches, type LiteralSet } from "../literalSet";
import type { ByteScan } from "./wasmModule";
import type { LevelWords, LineBreaks, MarkableEntries, MarkedEntries, MarkedEntriesRoom, Scanner, TimedEntries } from "./types";

/** Candidates live only while a text is split: one list serves every split. */
const SCRATCH_CANDIDATES = new CandidateList();
const NO_MARKS: MarkedEntries = { entries: [], wordsFrom: [0], words: [] };

export class WasmScanner implements Scanner {
  readonly implementation = "webassembly";

  constructor(readonly text: TraceText, private readonly module: ByteScan) {}

  /** The module, with this text loaded. */
  private get loaded(): ByteScan {
    if (!this.module.load(this.text)) throw new Error("a text the byte scan read before is no longer readable");
    return this.module;
  }

  clockCandidates(list: CandidateList): CandidateList {
    list.clear();
    this.loaded.clockCandidates(list, CLOCK_CONTEXT_WORDS);
    return list;
  }

  timedEntries(previousClock: number, upcomingClock: number, daysPassed: number): TimedEntries {
    const scan = this.loaded;
    // A streamed piece's candidates stay in the module from the scan that finds them to the choice;
    // a longer text's are gathered window by window; too many of them are chosen in TypeScript.
    return (
      scan.scannedTimedEntries(CLOCK_CONTEXT_WORDS, previousClock, upcomingClock, daysPassed) ??
      scan.timedEntries(this.clockCandidates(SCRATCH_CANDIDATES), previousClock, upcomingClock, daysPassed) ??
      chosenTimedEntries(stringOf(this.text), SCRATCH_CANDIDATES, previousClock, upcomingClock, daysPassed)
    );
  }

  literalMatches(set: LiteralSet): LiteralMatches {
    const positions: number[] = [];
    const words: number[] = [];
    if (set.size > 0) this.loaded.literalMatches(set.tables(), (start, word) => insertSorted(positions, words, start, word));
    return { positions, words };
  }

  markEntries(entries: MarkableEntries, set: LiteralSet, levelWords: LevelWords, room?: MarkedEntriesRoom): MarkedEntries {
    if (set.size === 0) return NO_MARKS;
    return this.loaded.markedEntries(set.tables(), entries.columns, levelWords, room);
  }

  lineBreaks(): LineBreaks {
    return this.loaded.lineBreaks();
  }

  lineFeedStarts(): Int32Array {
    return this.module.holds(this.text) ? this.module.lineFeedStarts() : Int32Array.from(lineFeedStarts(this.text));
  }

  lineFeedCount(from: number, to: number): number {
    return this.module.holds(this.text) ? this.module.lineFeedCount(from, to) : countLineFeeds(this.text, from, to);
  }
}
