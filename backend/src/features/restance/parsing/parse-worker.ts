// Entry of the parse worker thread (a second webpack entry: dist/backend/restance-parse-worker.js).
import { parentPort, workerData } from 'node:worker_threads';

import { ParseError } from './danish-formats';
import { FileRejectedError } from './file-limits';
import type { ParseTask, WorkerReply } from './parse-in-worker';
import { inspectRestanceliste, parseRestanceliste } from './restance-parser';

async function run(task: ParseTask): Promise<WorkerReply> {
  const content = Buffer.from(task.content.buffer, task.content.byteOffset, task.content.byteLength);
  try {
    const result =
      task.kind === 'inspect'
        ? await inspectRestanceliste(content, task.aliases)
        : await parseRestanceliste(content, task.aliases);
    return { ok: true, result };
  } catch (error) {
    if (error instanceof FileRejectedError) return { ok: false, kind: 'rejected', message: error.message };
    if (error instanceof ParseError) return { ok: false, kind: 'parse', message: error.message };
    throw error;
  }
}

run(workerData as ParseTask).then((reply) => parentPort?.postMessage(reply));
