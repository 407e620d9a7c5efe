// A worker thread of a merge (mergeThreads.ts): mergeWork.ts's MergeWork, asked by messages. A
// block's buffers are handed over, not copied.

import { parentPort } from "node:worker_threads";
import type { LineBlock } from "../engine/scan/mergedRuns";
import type { WorkerRequest } from "./mergeThreads";
import { MergeWork } from "./mergeWork";

const work = new MergeWork();
const port = parentPort!;

port.on("message", (request: WorkerRequest) => void answer(request));

async function answer(request: WorkerRequest): Promise<void> {
  try {
    switch (request.kind) {
      case "survey":
        port.postMessage({ id: request.id, value: await work.survey(request.spec, request.how) });
        return;
      case "open":
        work.open(request.setup);
        port.postMessage({ id: request.id, value: null });
        return;
      case "next": {
        const block: LineBlock | null = await work.next(request.traceIndex);
        // The block's lines, times and ends share one buffer.
        port.postMessage({ id: request.id, value: block }, block === null ? [] : [block.bytes.buffer as ArrayBuffer]);
        return;
      }
      case "recycle":
        work.recycle(request.block);
        return;
      case "close":
        await work.close();
        port.postMessage({ id: request.id, value: null });
        // The thread then ends on its own, its tasks drained: terminating it while V8 compiles in
        // the background could abort the process (Node unregisters the isolate before disposing it).
        port.close();
        return;
    }
  } catch (error) {
    port.postMessage({ id: request.id, error: (error as Error).message });
  }
}
