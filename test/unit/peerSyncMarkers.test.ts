// The peer-synchronisation phrases (knowledge/vocabulary.ts PEER_SYNC_MARKERS) are wordings Cisco
// published: each is the message of an entry of an excerpt in test/fixtures/published/, listed in its
// manifest with a public source.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { analyzeTrace } from "../../server/src/analysis/analyze";
import { entryMessage } from "../../server/src/engine/entries";
import { PEER_SYNC_MARKERS } from "../../server/src/knowledge/vocabulary";
import { repoRoot } from "./helpers";

interface Excerpt {
  readonly file: string;
  readonly source: string;
}

const corpus = path.join(repoRoot, "test", "fixtures", "published");
const manifest = JSON.parse(readFileSync(path.join(corpus, "manifest.json"), "utf8")) as Excerpt[];

/** The published excerpts with an entry whose message holds the phrase. */
function excerptsHolding(phrase: string): Excerpt[] {
  return manifest.filter((excerpt) => {
    const { split } = analyzeTrace(readFileSync(path.join(corpus, excerpt.file), "utf8"));
    return split.entries.some((entry) => entryMessage(split, entry).includes(phrase));
  });
}

describe("peer-synchronisation markers", () => {
  it("are a non-empty list of distinct phrases", () => {
    assert.ok(PEER_SYNC_MARKERS.length > 0);
    assert.equal(new Set(PEER_SYNC_MARKERS).size, PEER_SYNC_MARKERS.length);
  });

  for (const phrase of PEER_SYNC_MARKERS) {
    it(`"${phrase}" is the message of an entry in a published excerpt with a public source`, () => {
      const found = excerptsHolding(phrase);
      assert.ok(found.length > 0, `no published excerpt holds "${phrase}"`);
      for (const excerpt of found) assert.match(excerpt.source, /^https?:\/\//, excerpt.file);
    });
  }

  it("leave out the local MDS-in-service line, which one side writes alone", () => {
    assert.ok(!PEER_SYNC_MARKERS.some((phrase) => "MDS is in service.".includes(phrase) || phrase.includes("MDS is in service")));
    assert.ok(excerptsHolding("MDS is in service").length > 0, "the control phrase is in the corpus, so the search above can find phrases");
  });
});
