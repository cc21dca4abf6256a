import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

import { emptyToNull, toBool, trim, VERSION_MESSAGE } from './transforms';

/**
 * The validated field shapes the DTOs repeat, each with its Danish message. Compose them with the
 * field's own rules; every one is a plain class-validator stack.
 */
const DATE = { message: 'Skal være en dato (ÅÅÅÅ-MM-DD)' };

/** The optimistic-concurrency version every change carries. */
export const VersionField = () => applyDecorators(IsInt(VERSION_MESSAGE), Min(1, VERSION_MESSAGE));

/** A calendar date written `YYYY-MM-DD`, nothing else. */
export const DateField = () => applyDecorators(IsISO8601({ strict: true }, DATE), Matches(/^\d{4}-\d{2}-\d{2}$/, DATE));

/** An optional date; a blank string means none. */
export const OptionalDateField = () =>
  applyDecorators(
    IsOptional(),
    Transform(emptyToNull),
    ValidateIf((_, v) => v !== null),
    DateField(),
  );

/** An optional point in time (ISO 8601); a blank string means none. */
export const OptionalTimestampField = () =>
  applyDecorators(
    IsOptional(),
    Transform(emptyToNull),
    ValidateIf((_, v) => v !== null),
    IsISO8601({ strict: true }, { message: 'Skal være et tidspunkt' }),
  );

/** Optional free text up to `max` characters; a blank string means none. */
export const OptionalText = (max: number) =>
  applyDecorators(
    IsOptional(),
    Transform(emptyToNull),
    ValidateIf((_, v) => v !== null),
    IsString(),
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

/** An optional uuid reference; null clears it. */
export const OptionalUuidField = (message: string) =>
  applyDecorators(
    IsOptional(),
    ValidateIf((_, v) => v !== null),
    IsUUID('4', { message }),
  );

/** `true`/`false` from a query string. */
export const QueryBoolField = () =>
  applyDecorators(IsOptional(), Transform(toBool), IsBoolean({ message: 'Skal være true eller false' }));
