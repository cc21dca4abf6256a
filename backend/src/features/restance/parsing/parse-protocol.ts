// What the main thread and the parse worker send each other (parse-in-worker.ts, parse-worker.ts).
import type { ColumnAliases, RestanceField } from '@bofast/contracts';

import type { ParseResult } from './restance-parser';

export interface Inspection {
  missingColumns: RestanceField[];
  dataRows: number;
}

export type ParseTask = { kind: 'inspect' | 'parse'; content: Uint8Array; aliases: ColumnAliases };
/** The worker's first answer; for a parse, `rows` rows follow in chunks, each on request. */
export type WorkerReply =
  | { ok: true; result: ParseResult | Inspection; rows?: number }
  | { ok: false; kind: 'rejected' | 'parse'; message: string };
export type RowChunk = { chunk: Pick<ParseResult, 'accepted' | 'rejected'> };

export const ROWS_PER_CHUNK = 2_000;
