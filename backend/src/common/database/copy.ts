import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { EntityManager } from 'typeorm';

// pg-copy-streams ships no type declarations; this is the one function Bofast uses.
const { from: copyFrom } = require('pg-copy-streams') as { from: (sql: string) => NodeJS.WritableStream };

export type CopyValue = string | number | boolean | null | undefined | Date | object;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value in COPY's text format: \N for null, backslash escapes, JSON for objects and arrays. */
export function copyText(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'boolean'
        ? value
          ? 't'
          : 'f'
        : typeof value === 'number'
          ? String(value)
          : value instanceof Date
            ? value.toISOString()
            : JSON.stringify(value);
  return text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]);
}

/**
 * Streams rows into a table with COPY … FROM STDIN on the EntityManager's own connection, so it is part
 * of the caller's transaction (and fires the table's triggers). `onChunk` is told after every chunk.
 */
export async function copyRows(
  em: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly CopyValue[][],
  onChunk?: (done: number) => Promise<void>,
  chunkSize = 5000,
): Promise<void> {
  if (!rows.length) return;
  if (!em.queryRunner) throw new Error('copyRows needs a transaction’s EntityManager');
  const client = (await em.queryRunner.connect()) as {
    query(stream: NodeJS.WritableStream): NodeJS.WritableStream;
  };
  async function* lines() {
    for (let i = 0; i < rows.length; i += chunkSize) {
      let chunk = '';
      for (const row of rows.slice(i, i + chunkSize)) chunk += `${row.map(copyText).join('\t')}\n`;
      yield chunk;
      await onChunk?.(Math.min(i + chunkSize, rows.length));
    }
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}
