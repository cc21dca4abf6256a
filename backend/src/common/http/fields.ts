import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';

import { emptyToNull, toBool, trim, VERSION_MESSAGE } from './transforms';

/**
 * The validated field shapes the DTOs repeat, each with its Danish message. Compose them with the
 * field's own rules; every one is a plain class-validator stack.
 */

/** The largest value of a PostgreSQL `integer` column. */
export const MAX_INT4 = 2_147_483_647;

/** The name under which a refused null is reported (validation.ts shows only its message then). */
export const NOT_NULL_CONSTRAINT = 'notNull';

/**
 * An optional field: it may be left out, but `null` is refused (its column is NOT NULL or null means
 * nothing) unless the field also says `@ValidateIf((_, v) => v !== null)`, which lets null through as
 * "clear it". Used instead of class-validator's IsOptional, which lets null through everywhere and so
 * let `{"name": null}` reach a NOT NULL column (500).
 */
export const Omittable = () =>
  applyDecorators(
    ValidateIf((_, v) => v !== undefined),
    ValidateBy({
      name: NOT_NULL_CONSTRAINT,
      validator: { validate: (v: unknown) => v !== null, defaultMessage: () => 'Må ikke være tom' },
    }),
  );

/** An optional field that may also be null ("clear it"): left out or null, its other rules are skipped. */
export const OmittableOrNull = () =>
  applyDecorators(
    Omittable(),
    ValidateIf((_, v) => v !== null),
  );

/** Today as `YYYY-MM-DD` in Denmark (where "in the future" is judged). */
export function danishToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}

export interface DateRange {
  /** Earliest allowed date, `YYYY-MM-DD` (default 1900-01-01). */
  min?: string;
  /** Latest allowed date, `YYYY-MM-DD` (default 2100-12-31). */
  max?: string;
  /** Not after today (Danish time): for dates something was received, happened or was done. */
  notFuture?: boolean;
  /** At most this many days after today (a list dated for next month, say). */
  maxDaysAhead?: number;
}

export const DEFAULT_MIN_DATE = '1900-01-01';
export const DEFAULT_MAX_DATE = '2100-12-31';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A date, or a date and time with an optional zone (what PostgreSQL's timestamptz reads the same way).
const TIMESTAMP_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Whether y-m-d names a day that exists (2026-02-30 does not). */
function isRealDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Why `value` is not a date in range, or null when it is. `kind` 'date' takes only `YYYY-MM-DD`;
 * 'timestamp' takes an ISO 8601 date-time (date part checked the same way, time fields in range).
 */
export function dateProblem(value: unknown, kind: 'date' | 'timestamp', range: DateRange = {}): string | null {
  const wrong = kind === 'date' ? 'Skal være en dato (ÅÅÅÅ-MM-DD)' : 'Skal være et tidspunkt (ÅÅÅÅ-MM-DDTtt:mm)';
  if (typeof value !== 'string') return wrong;
  const m = (kind === 'date' ? DATE_RE : TIMESTAMP_RE).exec(value);
  if (!m || !isRealDay(+m[1], +m[2], +m[3])) return wrong;
  if (kind === 'timestamp' && (+(m[4] ?? 0) > 23 || +(m[5] ?? 0) > 59 || +(m[6] ?? 0) > 59)) return wrong;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const min = range.min ?? DEFAULT_MIN_DATE;
  // A point in time may carry another zone than Denmark's: it gets a day's slack.
  const ahead = range.notFuture ? 0 : range.maxDaysAhead;
  // A point in time may carry another zone than Denmark's: it gets a day's slack.
  const slack = kind === 'timestamp' ? 1 : 0;
  const max =
    ahead !== undefined
      ? danishToday(new Date(Date.now() + (ahead + slack) * 86_400_000))
      : (range.max ?? DEFAULT_MAX_DATE);
  if (day < min) return `Må ikke ligge før ${min}`;
  if (day > max) return range.notFuture ? 'Må ikke ligge i fremtiden' : `Må ikke ligge efter ${max}`;
  return null;
}

function DateCheck(kind: 'date' | 'timestamp', range: DateRange, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: kind === 'date' ? 'isCalendarDate' : 'isTimestamp',
      validator: {
        validate: (v: unknown) => dateProblem(v, kind, range) === null,
        defaultMessage: (args) => dateProblem(args?.value, kind, range) ?? 'Ugyldig dato',
      },
    },
    options,
  );
}

/** The optimistic-concurrency version every change carries (a PostgreSQL integer). */
export const VersionField = () =>
  applyDecorators(IsInt(VERSION_MESSAGE), Min(1, VERSION_MESSAGE), Max(MAX_INT4, { message: 'Ugyldig version' }));

/** A whole number between `min` and `max` (give every integer field the bound its column allows). */
export const IntField = (min: number, max: number, message = 'Skal være et heltal') =>
  applyDecorators(
    IsInt({ message }),
    Min(min, { message: `Skal være mindst ${min}` }),
    Max(max, { message: `Højst ${max}` }),
  );

/** A real calendar date written `YYYY-MM-DD`, within `range` (default 1900-01-01..2100-12-31). */
export const DateField = (range: DateRange = {}) => DateCheck('date', range);

/** An optional date; a blank string or null means none. */
export const OptionalDateField = (range: DateRange = {}) =>
  applyDecorators(OmittableOrNull(), Transform(emptyToNull), DateField(range));

/** A point in time (ISO 8601 date-time) whose day lies within `range`. */
export const TimestampField = (range: DateRange = {}) => DateCheck('timestamp', range);

/** An optional point in time (ISO 8601); a blank string or null means none. */
export const OptionalTimestampField = (range: DateRange = {}) =>
  applyDecorators(OmittableOrNull(), Transform(emptyToNull), TimestampField(range));

/** Optional free text up to `max` characters; a blank string or null means none. */
export const OptionalText = (max: number, notTextMessage?: string) =>
  applyDecorators(
    OmittableOrNull(),
    Transform(emptyToNull),
    IsString(notTextMessage === undefined ? undefined : { message: notTextMessage }),
    MaxLength(max, { message: `Højst ${max} tegn` }),
  );

/** Required free text, trimmed, up to `max` characters, with the message for an empty one. */
export const RequiredText = (max: number, emptyMessage: string) =>
  applyDecorators(
    Transform(trim),
    IsString({ message: emptyMessage }),
    IsNotEmpty({ message: emptyMessage }),
    MaxLength(max, { message: `Højst ${max} tegn` }),
  );

/** An optional uuid reference; null clears it. `version` 'all' takes any uuid version. */
export const OptionalUuidField = (message: string, version: '4' | 'all' = '4') =>
  applyDecorators(OmittableOrNull(), IsUUID(version, { message }));

/** `true`/`false` from a query string. */
export const QueryBoolField = () =>
  applyDecorators(Omittable(), Transform(toBool), IsBoolean({ message: 'Skal være true eller false' }));

/** An optional e-mail address (up to 200 characters); a blank string or null means none. */
export const OptionalEmailField = () =>
  applyDecorators(
    OmittableOrNull(),
    Transform(emptyToNull),
    IsEmail({}, { message: 'Skal være en gyldig e-mailadresse' }),
    MaxLength(200, { message: 'Højst 200 tegn' }),
  );

/** A list of at most `max` uuids (any version), each refused with `itemMessage`. */
export const UuidListField = (
  max: number,
  itemMessage: string,
  listMessages: { notList?: string; tooMany?: string } = {},
) =>
  applyDecorators(
    IsArray(listMessages.notList === undefined ? undefined : { message: listMessages.notList }),
    ArrayMaxSize(max, listMessages.tooMany === undefined ? undefined : { message: listMessages.tooMany }),
    IsUUID('all', { each: true, message: itemMessage }),
  );
