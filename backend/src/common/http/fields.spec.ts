import { plainToInstance } from 'class-transformer';
import { IsString, validateSync, ValidateIf } from 'class-validator';

import {
  danishToday,
  DateField,
  dateProblem,
  NOT_NULL_CONSTRAINT,
  Omittable,
  OmittableOrNull,
  OptionalDateField,
  OptionalText,
  OptionalEmailField,
  OptionalUuidField,
  UuidListField,
  TimestampField,
  VersionField,
} from './fields';

class Sample {
  @Omittable()
  @IsString({ message: 'Skal være tekst' })
  name?: string;

  @Omittable()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: 'Skal være tekst' })
  note?: string | null;

  @OmittableOrNull()
  @IsString({ message: 'Skal være tekst' })
  remark?: string | null;

  @OptionalText(5, 'Skal være tekst')
  title?: string | null;

  @OptionalUuidField('Ugyldig reference', 'all')
  refId?: string | null;

  @OptionalEmailField()
  email?: string | null;

  @Omittable()
  @UuidListField(2, 'Ugyldigt team', { notList: 'Skal være en liste' })
  teamIds?: string[];

  @DateField({ notFuture: true })
  received!: string;

  @OptionalDateField({ min: '2020-01-01' })
  due?: string | null;

  @TimestampField({ notFuture: true })
  at!: string;

  @VersionField()
  version!: number;
}

const errorsOf = (plain: object) =>
  Object.fromEntries(
    validateSync(plainToInstance(Sample, plain)).map((e) => [e.property, Object.keys(e.constraints ?? {})]),
  );

const valid = { received: '2026-01-15', at: '2026-01-15T10:00:00Z', version: 1 };

describe('shared fields', () => {
  describe(dateProblem.name, () => {
    it.each(['2026-02-30', '2025-02-29', '0000-01-01', '2026-W01', '2026-13-01', '2026-1-5', '20260105', 'x', ''])(
      'should refuse %j as a date',
      (v) => {
        expect(dateProblem(v, 'date')).not.toBeNull();
      },
    );

    it.each(['2024-02-29', '1900-01-01', '2100-12-31', '2026-12-08'])('should accept %j as a date', (v) => {
      expect(dateProblem(v, 'date')).toBeNull();
    });

    it('should apply the default range 1900-01-01..2100-12-31 and per-field ranges', () => {
      expect(dateProblem('1899-12-31', 'date')).toBe('Må ikke ligge før 1900-01-01');
      expect(dateProblem('2101-01-01', 'date')).toBe('Må ikke ligge efter 2100-12-31');
      expect(dateProblem('9999-12-31', 'date')).not.toBeNull();
      expect(dateProblem('2019-12-31', 'date', { min: '2020-01-01' })).toBe('Må ikke ligge før 2020-01-01');
    });

    it('should refuse a date after today (Danish time) when it must not be in the future', () => {
      const today = danishToday();
      const tomorrow = danishToday(new Date(Date.now() + 86_400_000));
      expect(dateProblem(today, 'date', { notFuture: true })).toBeNull();
      expect(dateProblem(tomorrow, 'date', { notFuture: true })).toBe('Må ikke ligge i fremtiden');
    });

    it('should allow a date up to maxDaysAhead days after today', () => {
      const inDays = (n: number) => danishToday(new Date(Date.now() + n * 86_400_000));
      expect(dateProblem(inDays(30), 'date', { maxDaysAhead: 30 })).toBeNull();
      expect(dateProblem(inDays(31), 'date', { maxDaysAhead: 30 })).toBe(`Må ikke ligge efter ${inDays(30)}`);
    });

    it('should take ISO date-times with zones as timestamps, with a day of slack for zones', () => {
      expect(dateProblem('2026-01-15T10:00:00Z', 'timestamp')).toBeNull();
      expect(dateProblem('2026-01-15T10:00:00.123+01:00', 'timestamp')).toBeNull();
      expect(dateProblem('2026-01-15', 'timestamp')).toBeNull();
      expect(dateProblem('2026-01-15T25:00:00Z', 'timestamp')).not.toBeNull();
      expect(dateProblem('2026-02-30T10:00:00Z', 'timestamp')).not.toBeNull();
      expect(dateProblem('2026-W01', 'timestamp')).not.toBeNull();
      expect(dateProblem(new Date(Date.now() + 3600_000).toISOString(), 'timestamp', { notFuture: true })).toBeNull();
      expect(
        dateProblem(new Date(Date.now() + 3 * 86_400_000).toISOString(), 'timestamp', { notFuture: true }),
      ).not.toBeNull();
    });
  });

  describe('in a DTO', () => {
    it('should accept a valid object', () => {
      expect(errorsOf(valid)).toEqual({});
    });

    it('should refuse null for an omittable field, but let it through where null means "clear"', () => {
      expect(errorsOf({ ...valid, name: null })).toEqual({ name: expect.arrayContaining([NOT_NULL_CONSTRAINT]) });
      expect(errorsOf({ ...valid, note: null })).toEqual({});
      expect(errorsOf({ ...valid, due: null })).toEqual({});
      expect(errorsOf({ ...valid, due: '' })).toEqual({});
    });

    it('should let null and a left-out value through OmittableOrNull and the optional fields built on it', () => {
      expect(errorsOf({ ...valid, remark: null, title: null, refId: null })).toEqual({});
      expect(errorsOf({ ...valid, title: '' })).toEqual({});
      expect(errorsOf({ ...valid, remark: 1, title: 'longer', refId: 'x' })).toEqual({
        remark: ['isString'],
        title: ['maxLength'],
        refId: ['isUuid'],
      });
      const messages = validateSync(plainToInstance(Sample, { ...valid, title: 7 }))[0]?.constraints;
      expect(messages?.['isString']).toBe('Skal være tekst');
      // 'all' takes a uuid of any version (this one is version 1).
      expect(errorsOf({ ...valid, refId: 'c232ab00-9414-11ec-b3c8-9f68deced846' })).toEqual({});
    });

    it('should check e-mail addresses and uuid lists with their messages', () => {
      expect(errorsOf({ ...valid, email: '', teamIds: [] })).toEqual({});
      expect(errorsOf({ ...valid, email: 'nope', teamIds: 'x' })).toEqual({
        email: ['isEmail'],
        teamIds: ['isArray', 'arrayMaxSize', 'isUuid'],
      });
      const uuid = 'c232ab00-9414-11ec-b3c8-9f68deced846';
      expect(errorsOf({ ...valid, teamIds: [uuid, uuid, uuid] })).toEqual({ teamIds: ['arrayMaxSize'] });
      const constraints = validateSync(plainToInstance(Sample, { ...valid, teamIds: 'x' }))[0]?.constraints;
      expect(constraints?.['isArray']).toBe('Skal være en liste');
    });

    it('should bound the version to a PostgreSQL integer', () => {
      expect(errorsOf({ ...valid, version: 2147483647 })).toEqual({});
      expect(errorsOf({ ...valid, version: 2147483648 })).toEqual({ version: ['max'] });
      expect(errorsOf({ ...valid, version: 0 })).toEqual({ version: ['min'] });
    });

    it('should name the date fields that are not real or in range', () => {
      expect(errorsOf({ ...valid, received: '2026-02-30', due: '2019-05-01', at: '0000-01-01T00:00:00Z' })).toEqual({
        received: ['isCalendarDate'],
        due: ['isCalendarDate'],
        at: ['isTimestamp'],
      });
    });
  });
});
