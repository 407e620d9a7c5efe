// Debugging aid, not a test: prints the grammar's tokens for lines of trace text.
//   node out/test/grammar/printTokens.js "23:26:58 Trace: Logger Type is 123:26:58 Initializing"
//   node out/test/grammar/printTokens.js --file samples/sideB-lgr-send.txt

import * as fs from "node:fs";
import { formatTokens, tokenizeLine } from "./tokenize";

async function main(args: readonly string[]): Promise<void> {
  let lines: string[];
  if (args[0] === "--file" && args[1] !== undefined) {
    lines = fs.readFileSync(args[1], "utf8").split(/\r\n|\r|\n/);
  } else if (args.length > 0) {
    lines = [...args];
  } else {
    process.stderr.write('usage: printTokens.js "<line>"... | --file <path>\n');
    process.exitCode = 2;
    return;
  }
  for (const line of lines) {
    process.stdout.write(`${formatTokens(await tokenizeLine(line))}\n\n`);
  }
}

if (require.main === module) void main(process.argv.slice(2));
