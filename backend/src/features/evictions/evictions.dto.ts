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
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNumber, IsUUID, Matches, Max, Min } from 'class-validator';

import {
  DateField,
  Omittable,
  OmittableOrNull,
  OptionalDateField,
  OptionalText,
  OptionalUuidField,
  QueryBoolField,
  RequiredText,
  VersionField,
} from '../../common/http/fields';
import { emptyToNull } from '../../common/http/transforms';

export class CreateEvictionDto implements CreateEvictionRequest {
  @IsUUID('4', { message: 'Vælg et lejemål' })
  tenancyId!: string;

  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true, message: 'Ukendt sag' })
  caseIds?: string[];

  @IsIn(Object.values(EvictionGround), { message: 'Vælg en grund' })
  ground!: EvictionGround;

  @OptionalUuidField('Ukendt medarbejder')
  responsibleId?: string | null;
}

export class UpdateEvictionDto implements UpdateEvictionRequest {
  @Omittable()
  @IsIn(Object.values(EvictionGround), { message: 'Vælg en grund' })
  ground?: EvictionGround;

  @OptionalUuidField('Ukendt medarbejder')
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

  @DateField()
  date!: string;

  @OmittableOrNull()
  @Transform(emptyToNull)
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Skal være et klokkeslæt (TT:MM)' })
  time?: string | null;

  @OmittableOrNull()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Skal være et beløb' })
  @Min(0, { message: 'Kan ikke være negativt' })
  @Max(9_999_999, { message: 'For stort beløb' })
  amount?: number | null;

  @IsIn(Object.values(StageSource), { message: 'Vælg en kilde' })
  source!: StageSource;

  @OmittableOrNull()
  @IsIn(Object.values(NotifiedBy), { message: 'Vælg hvem der underrettede' })
  notifiedBy?: NotifiedBy | null;

  @OmittableOrNull()
  @IsIn(Object.values(NotificationChannel), { message: 'Vælg en kanal' })
  channel?: NotificationChannel | null;

  @OptionalDateField()
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

/** Sending a proposal back, or withdrawing a decided outcome: the reason is mandatory. */
export class ReasonDto implements DecideOutcomeRequest {
  @VersionField()
  version!: number;

  @RequiredText(1000, 'Skriv en begrundelse')
  reason!: string;
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
  @Omittable()
  @IsIn([...Object.values(EvictionStatus), 'aktive'], { message: 'Ukendt status' })
  status?: EvictionStatus | 'aktive';

  @QueryBoolField()
  mine?: boolean;

  @Omittable()
  @IsUUID('4', { message: 'Ukendt sag' })
  caseId?: string;

  @Omittable()
  @IsUUID('4', { message: 'Ukendt lejemål' })
  tenancyId?: string;
}

export class UpcomingQueryDto implements UpcomingQuery {
  @Omittable()
  @DateField()
  from?: string;

  @Omittable()
  @DateField()
  to?: string;

  @QueryBoolField()
  mine?: boolean;
}
