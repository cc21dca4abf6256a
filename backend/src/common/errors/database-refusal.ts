import type { ApiError } from '@bofast/contracts';
import { QueryFailedError } from 'typeorm';

/**
 * PostgreSQL errors that bad input can provoke, as 4xx answers naming the column or constraint
 * (never the value: the driver's `message` and `detail` quote it, so neither is returned or logged).
 * Validation is meant to stop all of these first; this is the net under it.
 */
interface PgError {
  code?: string;
  column?: string;
  constraint?: string;
  table?: string;
  routine?: string;
}

const MESSAGES: Record<string, [number, string, string]> = {
  '23502': [400, 'VALIDATION_FAILED', 'Skal udfyldes'], // not_null_violation
  '23514': [400, 'VALIDATION_FAILED', 'Værdien er ikke tilladt'], // check_violation
  '22003': [400, 'VALIDATION_FAILED', 'Tallet er uden for det tilladte interval'], // numeric_value_out_of_range
  '22001': [400, 'VALIDATION_FAILED', 'Teksten er for lang'], // string_data_right_truncation
  '22P02': [400, 'VALIDATION_FAILED', 'Ugyldig værdi'], // invalid_text_representation
  '22007': [400, 'VALIDATION_FAILED', 'Ugyldig dato eller tid'], // invalid_datetime_format
  '22008': [400, 'VALIDATION_FAILED', 'Ugyldig dato eller tid'], // datetime_field_overflow
  '22021': [400, 'VALIDATION_FAILED', 'Indeholder ugyldige tegn'], // character_not_in_repertoire
  '22P05': [400, 'VALIDATION_FAILED', 'Indeholder ugyldige tegn'], // untranslatable_character (NUL in jsonb)
  '22025': [400, 'VALIDATION_FAILED', 'Ugyldig værdi'], // invalid_escape_sequence
  '2201B': [400, 'VALIDATION_FAILED', 'Ugyldig værdi'], // invalid_regular_expression
  '22023': [400, 'VALIDATION_FAILED', 'Ugyldig værdi'], // invalid_parameter_value
  '22030': [400, 'VALIDATION_FAILED', 'Ugyldig værdi'], // duplicate_json_object_key_value
  '22032': [400, 'VALIDATION_FAILED', 'Ugyldig værdi'], // invalid_json_text
};

function pgErrorOf(e: QueryFailedError): PgError {
  return ((e as QueryFailedError & { driverError?: PgError }).driverError ?? e) as PgError;
}

/** snake_case column → the camelCase name the DTOs (and forms) use. */
function camel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The field a refusal is about: the column, or what a named constraint is about (ck_person_birth_year → birthYear). */
function fieldOf(pg: PgError): string {
  if (pg.column) return camel(pg.column);
  if (pg.constraint && pg.table) {
    const rest = pg.constraint.replace(/^(ck|fk|uq|ux|ix|pk)_/, '');
    const tail = rest.startsWith(`${pg.table}_`) ? rest.slice(pg.table.length + 1) : rest;
    if (tail) return camel(tail);
  }
  if (pg.constraint) return camel(pg.constraint);
  return '(ukendt)';
}

export function databaseRefusal(e: QueryFailedError): ApiError | null {
  const pg = pgErrorOf(e);
  const code = pg.code ?? '';
  if (code === '23505') {
    return {
      statusCode: 409,
      code: 'ALREADY_EXISTS',
      message: 'Findes allerede.',
      fields: { [fieldOf(pg)]: ['Findes allerede'] },
    };
  }
  if (code === '23503') {
    return {
      statusCode: 400,
      code: 'BAD_REFERENCE',
      message: 'En henvisning peger på noget, der ikke findes.',
      fields: { [fieldOf(pg)]: ['Findes ikke'] },
    };
  }
  const known = MESSAGES[code];
  if (!known) return null;
  const [statusCode, apiCode, message] = known;
  return {
    statusCode,
    code: apiCode,
    message: 'Der er fejl i de indtastede oplysninger.',
    fields: { [fieldOf(pg)]: [message] },
  };
}

/**
 * What the log may hold about an error: its class, SQLSTATE, constraint/table/column names and the
 * stack frames — without the message line, which for driver errors quotes the offending value.
 */
export function describeForLog(exception: unknown): Record<string, unknown> {
  const err = exception as Error | undefined;
  const isDb = exception instanceof QueryFailedError;
  const pg = isDb ? pgErrorOf(exception) : ((exception ?? {}) as PgError);
  const frames = typeof err?.stack === 'string' ? err.stack.split('\n').filter((l) => /^\s+at /.test(l)) : undefined;
  return {
    type: err?.constructor?.name,
    ...(pg.code ? { code: pg.code } : {}),
    ...(pg.table ? { table: pg.table } : {}),
    ...(pg.column ? { column: pg.column } : {}),
    ...(pg.constraint ? { constraint: pg.constraint } : {}),
    ...(pg.routine ? { routine: pg.routine } : {}),
    stack: frames?.join('\n'),
  };
}
