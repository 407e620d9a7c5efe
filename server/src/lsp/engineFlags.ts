// The language server's first analysis of a trace runs on a cold engine: it is interpreted while the
// optimising compiler works on its loops in the background, and on a machine with two cores that
// work competes with it. A smaller inlining budget makes those compilations smaller and the cold
// first analysis faster (see docs/performance.md); warm analyses are within noise. Each
// optimising compilation reads the flag, and none has run when this module is loaded.

import { setFlagsFromString } from "node:v8";

setFlagsFromString("--max-inlined-bytecode-size-cumulative=200");
