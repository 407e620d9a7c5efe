// Every format's real sample lines, read as the format says (test/support/formatSamples.ts).

import { describe, it } from "node:test";
import { FORMATS } from "../../server/src/formats";
import { checkFormatSamples } from "../support/formatSamples";

describe("format samples", () => {
  for (const format of FORMATS) {
    it(`${format.name}: its samples are detected and read as they say`, () => checkFormatSamples(format, true));
  }
});
