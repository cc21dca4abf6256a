// Entry of the parse worker thread (a second webpack entry: dist/backend/restance-parse-worker.js).
import { parentPort, workerData } from 'node:worker_threads';

import { ParseError } from './danish-formats';
import { FileRejectedError } from './file-limits';
import { ParseTask, ROWS_PER_CHUNK, WorkerReply } from './parse-protocol';
import { inspectRestanceliste, parseRestanceliste, ParseResult } from './restance-parser';

async function run(task: ParseTask): Promise<WorkerReply> {
  const content = Buffer.from(task.content.buffer, task.content.byteOffset, task.content.byteLength);
  try {
    if (task.kind === 'inspect') return { ok: true, result: await inspectRestanceliste(content, task.aliases) };
    const result = await parseRestanceliste(content, task.aliases);
    sendRowsOnRequest(result);
    return {
      ok: true,
      result: { ...result, accepted: [], rejected: [] },
      rows: result.accepted.length + result.rejected.length,
    };
  } catch (error) {
    if (error instanceof FileRejectedError) return { ok: false, kind: 'rejected', message: error.message };
    if (error instanceof ParseError) return { ok: false, kind: 'parse', message: error.message };
    throw error;
  }
}

/**
 * The rows follow the head in chunks, one per request from the main thread: deserialising 100,000
 * rows at once would hold its event loop for more than a second; a chunk takes some tens of ms.
 */
function sendRowsOnRequest(result: ParseResult): void {
  let a = 0;
  let r = 0;
  parentPort?.on('message', () => {
    const accepted = result.accepted.slice(a, a + ROWS_PER_CHUNK);
    a += accepted.length;
    const rejected = result.rejected.slice(r, r + ROWS_PER_CHUNK - accepted.length);
    r += rejected.length;
    parentPort?.postMessage({ chunk: { accepted, rejected } });
    if (a >= result.accepted.length && r >= result.rejected.length) parentPort?.close();
  });
}

run(workerData as ParseTask).then((reply) => parentPort?.postMessage(reply));
