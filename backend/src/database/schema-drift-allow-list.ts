/**
 * What the entities cannot express, and the schema-drift check (tests/api/src/schema-drift.e2e-spec.ts)
 * therefore accepts. Every entry names one object exactly and says why. docs/database.md explains the check.
 *
 * The check fails when an entry here no longer matches the schema or the entities, so the list cannot
 * go stale: remove an entry when its object goes.
 */
export interface AllowListEntry {
  /** The exact object: table name, index name, "table.trigger", sequence name, or an SQL statement. */
  name: string;
  reason: string;
}

/** Entities with `synchronize: false`: TypeORM compares nothing about their tables. */
export const UNSYNCHRONIZED_TABLES: readonly AllowListEntry[] = [
  {
    name: 'restance_facet',
    reason:
      'No primary key: its identity is uq_restance_facet, a NULLS NOT DISTINCT unique key over a nullable column, ' +
      'which TypeORM can neither express nor accept as a primary key (it would add one)',
  },
];

/** Indexes declared `@Index(name, { synchronize: false })`: TypeORM cannot express them and leaves them alone. */
export const UNSYNCHRONIZED_INDEXES: readonly AllowListEntry[] = [
  { name: 'ix_lejemaal_address_trgm', reason: 'GIN index with the gin_trgm_ops operator class (pg_trgm)' },
  { name: 'ix_person_name_trgm', reason: 'GIN index with the gin_trgm_ops operator class (pg_trgm)' },
  { name: 'ix_visit_author_day', reason: 'Expression index: COALESCE(occurred_at, planned_at)' },
  { name: 'ix_visit_sag', reason: 'Expression index: COALESCE(occurred_at, planned_at) DESC' },
  { name: 'uq_team_name', reason: 'Unique expression index: lower(name)' },
];

/** Triggers: entities have no way to declare them; each is created by a migration. */
export const TRIGGERS: readonly AllowListEntry[] = [
  { name: 'access_log.tr_access_log_append_only', reason: 'Append-only: rejects UPDATE and DELETE' },
  { name: 'access_log.tr_access_log_no_truncate', reason: 'Append-only: rejects TRUNCATE' },
  { name: 'app_user.tg_app_user_session_cache', reason: 'NOTIFY that evicts cached sessions of a changed user' },
  { name: 'eviction_stage.tr_eviction_stage_append_only', reason: 'Append-only: rejects UPDATE and DELETE' },
  { name: 'privileged_change.tr_privileged_change_append_only', reason: 'Append-only: rejects UPDATE and DELETE' },
  { name: 'privileged_change.tr_privileged_change_no_truncate', reason: 'Append-only: rejects TRUNCATE' },
  { name: 'report_definition.tr_report_definition_append_only', reason: 'Versions are immutable' },
  { name: 'restance_row.tr_restance_facet_delete', reason: 'Keeps restance_facet counts (statement level)' },
  { name: 'restance_row.tr_restance_facet_insert', reason: 'Keeps restance_facet counts (statement level)' },
  { name: 'restance_row.tr_restance_facet_update', reason: 'Keeps restance_facet counts (statement level)' },
  { name: 'team.tg_team_session_cache', reason: 'NOTIFY that evicts cached sessions of a changed team' },
  { name: 'timeline_event.tr_timeline_event_append_only', reason: 'Append-only: rejects UPDATE and DELETE' },
  { name: 'timeline_event.tr_timeline_event_no_truncate', reason: 'Append-only: rejects TRUNCATE' },
  { name: 'user_session.tg_user_session_cache', reason: 'NOTIFY that evicts a revoked session from the cache' },
  { name: 'user_team.tg_user_team_session_cache', reason: 'NOTIFY that evicts cached sessions of a re-teamed user' },
];

/** Sequences that no column default uses (TypeORM knows only serial columns' sequences). */
export const SEQUENCES: readonly AllowListEntry[] = [
  { name: 'sag_number_seq', reason: 'Case numbers (SAG-YYYY-NNNNN) draw from it in the cases service' },
];

/**
 * Statements `migration:generate` would write that are accepted as they are. Matched exactly. Empty:
 * add one only for a difference TypeORM reports wrongly, never for a real one (fix the entity or migrate).
 */
export const ALLOWED_STATEMENTS: readonly AllowListEntry[] = [];
