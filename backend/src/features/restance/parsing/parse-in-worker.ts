import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

import type { ColumnAliases } from '@bofast/contracts';

import { ParseError } from './danish-formats';
import { FileRejectedError } from './file-limits';
import { Inspection, ParseTask, RowChunk, WorkerReply } from './parse-protocol';
import { inspectRestanceliste, parseRestanceliste, ParseResult } from './restance-parser';

export type { Inspection } from './parse-protocol';

/**
 * Time budgets in ms: a request answers within ~5 s (RESTANCE_PARSE_BUDGET_MS); the import job may
 * take longer, as it runs off the event loop and nobody waits on the answer.
 */
const budgets = { request: 4_000, job: 120_000 };
export type ParseBudget = keyof typeof budgets;

export function configureParseBudgets(ms: Partial<Record<ParseBudget, number>>): void {
  Object.assign(budgets, ms);
}

/** Parse workers at once; later files wait for one (each is short: the budget bounds it). */
const MAX_WORKERS = 2;
/** The parser's heap: a 5.5 MB workbook loads in far less; a hostile one stops here, not the process. */
const WORKER_HEAP_MB = 1024;

// Built: the worker is its own webpack entry next to main.js. Under ts-jest (the API suite runs the
// TypeScript sources, no dist) there is no worker file: parse in-process there, and only there.
const WORKER_FILE = join(__dirname, 'restance-parse-worker.js');
const IN_PROCESS = process.env['JEST_WORKER_ID'] !== undefined && !existsSync(WORKER_FILE);

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

const seconds = (ms: number) => (ms / 1000).toLocaleString('da-DK');

/**
 * Reads a restanceliste in a worker thread, so that no file can hold the event loop: past
 * `budgetMs` the worker is terminated and the file refused (FileRejectedError), as it is when the
 * worker runs out of its heap. ParseError and FileRejectedError come back as themselves.
 */
export function inspectInWorker(content: Buffer, aliases: ColumnAliases, budget: ParseBudget): Promise<Inspection> {
  if (IN_PROCESS) return inspectRestanceliste(content, aliases);
  return runWorker({ kind: 'inspect', content, aliases }, budgets[budget]) as Promise<Inspection>;
}

export function parseInWorker(content: Buffer, aliases: ColumnAliases, budget: ParseBudget): Promise<ParseResult> {
  if (IN_PROCESS) return parseRestanceliste(content, aliases);
  return runWorker({ kind: 'parse', content, aliases }, budgets[budget]) as Promise<ParseResult>;
}

async function runWorker(task: ParseTask, budgetMs: number): Promise<ParseResult | Inspection> {
  if (!existsSync(WORKER_FILE)) throw new Error(`The parse worker is missing: ${WORKER_FILE} (build the backend)`);
  const release = await slot();
  try {
    return await new Promise<ParseResult | Inspection>((resolve, reject) => {
      const worker = new Worker(WORKER_FILE, {
        workerData: task,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(
        () =>
          settle(() =>
            reject(
              new FileRejectedError(
                `Filen tog for lang tid at læse (over ${seconds(budgetMs)} sekunder) og er afvist. Gem kun restancelisten som CSV eller .xlsx, og prøv igen.`,
              ),
            ),
          ),
        budgetMs,
      );
      let parsed: ParseResult | null = null;
      let rowsLeft = 0;
      worker.on('message', (reply: WorkerReply | RowChunk) => {
        if ('chunk' in reply) {
          if (!parsed) return;
          parsed.accepted.push(...reply.chunk.accepted);
          parsed.rejected.push(...reply.chunk.rejected);
          rowsLeft -= reply.chunk.accepted.length + reply.chunk.rejected.length;
          const result = parsed;
          if (rowsLeft <= 0) settle(() => resolve(result));
          else setImmediate(() => worker.postMessage('next')); // let other requests run in between
          return;
        }
        if (reply.ok && reply.rows) {
          // Read within the budget: the rows follow, however long they take to arrive.
          clearTimeout(timer);
          parsed = reply.result as ParseResult;
          rowsLeft = reply.rows;
          worker.postMessage('next');
          return;
        }
        settle(() => {
          if (reply.ok) resolve(reply.result);
          else reject(reply.kind === 'rejected' ? new FileRejectedError(reply.message) : new ParseError(reply.message));
        });
      });
      worker.on('error', (error: Error & { code?: string }) =>
        settle(() =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new FileRejectedError('Filen kræver for meget hukommelse at læse og er afvist. Er det den rigtige fil?')
              : error,
          ),
        ),
      );
      worker.on('exit', (code) =>
        settle(() => reject(new Error(`The parse worker exited (code ${code}) without an answer`))),
      );
    });
  } finally {
    release();
  }
}
