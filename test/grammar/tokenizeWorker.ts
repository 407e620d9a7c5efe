// Worker for the long-line tests: tokenizes lines off the test's thread, so that a grammar which
// backtracks without end can be stopped with `worker.terminate()` instead of hanging the run.

import { parentPort, workerData } from "node:worker_threads";
import { tokenizeLine } from "./tokenize";

export interface LongLineRequest {
  readonly lines: readonly string[];
}

export interface LongLineSummary {
  readonly length: number;
  readonly tokenCount: number;
  /** Sum of the tokens' lengths: equals `length` when the whole line was tokenized. */
  readonly coveredLength: number;
  /** How many tokens carry the clock-time scope. */
  readonly timeTokens: number;
}

export const TIME_SCOPE = "constant.numeric.time.icm-trace";

async function summarize(lines: readonly string[]): Promise<LongLineSummary[]> {
  const summaries: LongLineSummary[] = [];
  for (const line of lines) {
    const tokens = await tokenizeLine(line);
    summaries.push({
      length: line.length,
      tokenCount: tokens.length,
      coveredLength: tokens.reduce((sum, t) => sum + t.text.length, 0),
      timeTokens: tokens.filter((t) => t.scopes.includes(TIME_SCOPE)).length,
    });
  }
  return summaries;
}

if (parentPort !== null) {
  const port = parentPort;
  const request = workerData as LongLineRequest;
  summarize(request.lines).then(
    (summaries) => port.postMessage({ summaries }),
    (error: unknown) => port.postMessage({ error: String(error) }),
  );
}
