import {
  CreateEvictionRequest,
  DecideOutcomeRequest,
  EVICTION_STAGES,
  EvictionGround,
  EvictionOutcome,
  EvictionStage,
  EvictionStatus,
  LinkCaseRequest,
  ListEvictionsQuery,
  NotificationChannel,
  NotifiedBy,
  ProposeOutcomeRequest,
  RecordStageRequest,
  StageSource,
  SustainedCheckRequest,
  UpcomingQuery,
  UpdateEvictionRequest,
} from '@bofast/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

import { emptyToNull, toBool, trim, VERSION_MESSAGE } from '../../common/http/transforms';

const DATE = { message: 'Skal være en dato (ÅÅÅÅ-MM-DD)' };
const Version = () => [IsInt(VERSION_MESSAGE), Min(1, VERSION_MESSAGE)];

function apply(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}
const VersionField = () => apply(...Version());
const OptionalText = (max: number) =>
  apply(
    IsOptional(),
    Transform(emptyToNull),
    ValidateIf((_, v) => v !== null),
    IsString(),
    MaxLength(max, { message: `Højst ${max} tegn` }),
  );

export class CreateEvictionDto implements CreateEvictionRequest {
  @IsUUID('4', { message: 'Vælg et lejemål' })
  tenancyId!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true, message: 'Ukendt sag' })
  caseIds?: string[];

  @IsIn(Object.values(EvictionGround), { message: 'Vælg en grund' })
  ground!: EvictionGround;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'Ukendt medarbejder' })
  responsibleId?: string | null;
}

export class UpdateEvictionDto implements UpdateEvictionRequest {
  @IsOptional()
  @IsIn(Object.values(EvictionGround), { message: 'Vælg en grund' })
  ground?: EvictionGround;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'Ukendt medarbejder' })
  responsibleId?: string | null;

  @VersionField()
  version!: number;
}

export class LinkCaseDto implements LinkCaseRequest {
  @IsUUID('4', { message: 'Vælg en sag' })
  caseId!: string;

  @VersionField()
  version!: number;
}

export class RecordStageDto implements RecordStageRequest {
  @IsIn(EVICTION_STAGES, { message: 'Vælg et trin' })
  stage!: EvictionStage;

  @IsISO8601({ strict: true }, DATE)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, DATE)
  date!: string;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Skal være et klokkeslæt (TT:MM)' })
  time?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Skal være et beløb' })
  @Min(0, { message: 'Kan ikke være negativt' })
  @Max(9_999_999, { message: 'For stort beløb' })
  amount?: number | null;

  @IsIn(Object.values(StageSource), { message: 'Vælg en kilde' })
  source!: StageSource;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(Object.values(NotifiedBy), { message: 'Vælg hvem der underrettede' })
  notifiedBy?: NotifiedBy | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(Object.values(NotificationChannel), { message: 'Vælg en kanal' })
  channel?: NotificationChannel | null;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true }, DATE)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, DATE)
  moveOutDate?: string | null;

  @OptionalText(1000)
  note?: string | null;

  @VersionField()
  version!: number;
}

export class ProposeOutcomeDto implements ProposeOutcomeRequest {
  @IsIn(Object.values(EvictionOutcome), { message: 'Vælg et udfald' })
  outcome!: EvictionOutcome;

  @OptionalText(2000)
  note?: string | null;

  @OptionalText(2000)
  rehousingNote?: string | null;

  @VersionField()
  version!: number;
}

export class DecideOutcomeDto implements DecideOutcomeRequest {
  @VersionField()
  version!: number;

  @OptionalText(1000)
  reason?: string | null;
}

export class SustainedCheckDto implements SustainedCheckRequest {
  @IsBoolean({ message: 'Angiv om husstanden stadig bor i lejemålet' })
  stillResident!: boolean;

  @OptionalText(1000)
  note?: string | null;

  @VersionField()
  version!: number;
}

export class ListEvictionsQueryDto implements ListEvictionsQuery {
  @IsOptional()
  @IsIn([...Object.values(EvictionStatus), 'aktive'], { message: 'Ukendt status' })
  status?: EvictionStatus | 'aktive';

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  mine?: boolean;

  @IsOptional()
  @IsUUID('4', { message: 'Ukendt sag' })
  caseId?: string;

  @IsOptional()
  @IsUUID('4', { message: 'Ukendt lejemål' })
  tenancyId?: string;
}

export class UpcomingQueryDto implements UpcomingQuery {
  @IsOptional()
  @IsISO8601({ strict: true }, DATE)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, DATE)
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, DATE)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, DATE)
  to?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  mine?: boolean;
}

/** Sending a proposal back, or withdrawing a decided outcome: the reason is mandatory. */
export class ReasonDto implements DecideOutcomeRequest {
  @VersionField()
  version!: number;

  @Transform(trim)
  @IsString({ message: 'Skriv en begrundelse' })
  @IsNotEmpty({ message: 'Skriv en begrundelse' })
  @MaxLength(1000, { message: 'Højst 1000 tegn' })
  reason!: string;
}
