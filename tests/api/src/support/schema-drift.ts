import { DataSource } from 'typeorm';

import {
  ALLOWED_STATEMENTS,
  SEQUENCES,
  TRIGGERS,
  UNSYNCHRONIZED_INDEXES,
  UNSYNCHRONIZED_TABLES,
} from '../../../../backend/src/database/schema-drift-allow-list';

const TYPEORM_TABLES = ['migrations'];

/** `actual` and `expected` as sets: what is in one and not in the other, as messages. */
function setDifference(what: string, actual: string[], expected: string[]): string[] {
  const a = new Set(actual);
  const e = new Set(expected);
  return [
    ...[...a].filter((x) => !e.has(x)).map((x) => `${what} not in the entities or the allow-list: ${x}`),
    ...[...e]
      .filter((x) => !a.has(x))
      .map((x) => `${what} in the entities or the allow-list but not in the database: ${x}`),
  ].sort();
}

/**
 * Every difference between the entities (with the allow-list) and the database `ds` points at, as one
 * message each; empty when they agree. The core is TypeORM's own comparison, the statements
 * `migration:generate` would write. Around it, what that comparison does not look at: tables without an
 * entity, check expressions and partial-index predicates (TypeORM compares only their names), and the
 * objects entities cannot declare (triggers, sequences, unsynchronised indexes), which must match the
 * allow-list exactly.
 */
export async function findSchemaDrift(ds: DataSource): Promise<string[]> {
  const problems: string[] = [];

  const sql = await ds.driver.createSchemaBuilder().log();
  const allowed = new Set(ALLOWED_STATEMENTS.map((s) => s.name));
  const statements = sql.upQueries.map((q) => q.query.trim());
  for (const s of statements) if (!allowed.has(s)) problems.push(`migration:generate would write: ${s}`);
  for (const s of allowed) if (!statements.includes(s)) problems.push(`allowed statement no longer generated: ${s}`);

  // 'regular' leaves out the junction metadata of @ManyToMany relations: their tables have entities of their own.
  const metadatas = ds.entityMetadatas.filter((m) => m.tableType === 'regular');
  const tables: Array<{ tablename: string }> = await ds.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL($1)`,
    [TYPEORM_TABLES],
  );
  const entityTables = metadatas.map((m) => m.tableName);
  problems.push(
    ...setDifference(
      'table',
      tables.map((t) => t.tablename),
      entityTables,
    ),
  );
  problems.push(
    ...setDifference(
      'unsynchronised entity',
      metadatas.filter((m) => !m.synchronize).map((m) => m.tableName),
      UNSYNCHRONIZED_TABLES.map((t) => t.name),
    ),
  );

  const indexes: Array<{ table: string; name: string; pred: string | null }> = await ds.query(`
    SELECT t.relname AS table, i.relname AS name, pg_get_expr(x.indpred, x.indrelid) AS pred
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relnamespace = 'public'::regnamespace`);
  const declared = metadatas.filter((m) => m.synchronize).flatMap((m) => m.indices.map((i) => ({ m, i })));
  const unsynced = declared.filter(({ i }) => !i.synchronize);
  problems.push(
    ...setDifference(
      'unsynchronised index',
      unsynced.map(({ i }) => i.name ?? '?'),
      UNSYNCHRONIZED_INDEXES.map((x) => x.name),
    ),
  );
  for (const { m, i } of unsynced) {
    if (!indexes.some((x) => x.table === m.tableName && x.name === i.name)) {
      problems.push(`unsynchronised index ${m.tableName}.${i.name} is not in the database`);
    }
  }
  for (const { m, i } of declared.filter(({ i }) => i.synchronize)) {
    const db = indexes.find((x) => x.table === m.tableName && x.name === i.name);
    if (db && (db.pred ?? undefined) !== (i.where ?? undefined)) {
      problems.push(
        `index ${i.name}: the database has WHERE ${db.pred ?? '(none)'}, the entity ${i.where ?? '(none)'}`,
      );
    }
  }

  const checks: Array<{ table: string; name: string; def: string }> = await ds.query(`
    SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c WHERE c.contype = 'c' AND c.connamespace = 'public'::regnamespace`);
  for (const m of metadatas.filter((x) => x.synchronize)) {
    for (const ck of m.checks) {
      const db = checks.find((x) => x.table === m.tableName && x.name === ck.name);
      if (db && db.def !== `CHECK (${ck.expression})`) {
        problems.push(`check ${ck.name}: the database has ${db.def}, the entity CHECK (${ck.expression})`);
      }
    }
  }

  const triggers: Array<{ name: string }> = await ds.query(`
    SELECT c.relname || '.' || t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace`);
  problems.push(
    ...setDifference(
      'trigger',
      triggers.map((t) => t.name),
      TRIGGERS.map((t) => t.name),
    ),
  );

  // Sequences a column owns (serial) belong to that column; the others must be allow-listed.
  const sequences: Array<{ name: string }> = await ds.query(`
    SELECT s.relname AS name FROM pg_class s
     WHERE s.relkind = 'S' AND s.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = s.oid AND d.deptype IN ('a', 'i'))`);
  problems.push(
    ...setDifference(
      'sequence',
      sequences.map((s) => s.name),
      SEQUENCES.map((s) => s.name),
    ),
  );

  return problems;
}
