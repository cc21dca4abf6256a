import {
  ActionOwner,
  ActionStatus,
  CaseStatus,
  ChangeCaseStatusRequest,
  ClosureReason,
  ContactChannel,
  ContactOutcome,
  CreateActionRequest,
  CreateCaseRequest,
  CreateCaseTypeRequest,
  CreateContactAttemptRequest,
  CreateGoalRequest,
  CreateNoteRequest,
  IssueTag,
  ListCasesQuery,
  ListTimelineQuery,
  ReopenCaseRequest,
  TimelineEventType,
  UpdateActionRequest,
  UpdateCaseRequest,
  Visibility,
} from '@bofast/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

import {
  DateField,
  Omittable,
  OmittableOrNull,
  OptionalText,
  OptionalUuidField,
  TimestampField,
  UuidListField,
  VersionField,
} from '../../common/http/fields';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { toBool, toList, trim } from '../../common/http/transforms';

export class CreateCaseDto implements CreateCaseRequest {
  @IsString()
  @IsNotEmpty({ message: 'Vælg en sagstype' })
  @MaxLength(40)
  type!: string;

  @IsUUID('all', { message: 'Vælg en person' })
  personId!: string;

  @IsUUID('all', { message: 'Vælg et team' })
  teamId!: string;

  @OptionalUuidField('Ugyldigt lejemål', 'all')
  tenancyId?: string | null;

  @OptionalUuidField('Ugyldig medarbejder', 'all')
  responsibleId?: string | null;
}

export class UpdateCaseDto implements UpdateCaseRequest {
  @Omittable()
  @IsUUID('all', { message: 'Ugyldig medarbejder' })
  responsibleId?: string;

  @Omittable()
  @UuidListField(20, 'Ugyldig medarbejder')
  coWorkerIds?: string[];

  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(Object.values(IssueTag), { each: true, message: 'Ukendt tag' })
  tags?: IssueTag[];

  @OmittableOrNull()
  @DateField()
  reviewDate?: string | null;

  @VersionField()
  version!: number;
}

export class ChangeCaseStatusDto implements ChangeCaseStatusRequest {
  @IsIn(Object.values(CaseStatus), { message: 'Ukendt status' })
  status!: CaseStatus;

  @OmittableOrNull()
  @IsIn(Object.values(ClosureReason), { message: 'Vælg en afslutningsårsag' })
  closureReason?: ClosureReason | null;

  @OptionalText(2000)
  note?: string | null;

  @VersionField()
  version!: number;
}

export class ReopenCaseDto implements ReopenCaseRequest {
  @OptionalText(2000)
  note?: string | null;
}

export class CreateNoteDto implements CreateNoteRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(5000, { message: 'Højst 5000 tegn' })
  text!: string;

  @Omittable()
  @TimestampField({ notFuture: true })
  occurredAt?: string;

  @Omittable()
  @IsIn(Object.values(Visibility), { message: 'Ukendt synlighed' })
  visibility?: Visibility;

  @OptionalUuidField('Ugyldig hændelse', 'all')
  correctsEventId?: string | null;
}

export class CreateContactAttemptDto implements CreateContactAttemptRequest {
  @IsIn(Object.values(ContactChannel), { message: 'Vælg en kanal' })
  channel!: ContactChannel;

  @IsIn(Object.values(ContactOutcome), { message: 'Vælg et udfald' })
  outcome!: ContactOutcome;

  @Omittable()
  @TimestampField({ notFuture: true })
  occurredAt?: string;
}

export class CreateGoalDto implements CreateGoalRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(1000, { message: 'Højst 1000 tegn' })
  text!: string;
}

export class CreateActionDto implements CreateActionRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(1000, { message: 'Højst 1000 tegn' })
  description!: string;

  @IsIn(Object.values(ActionOwner), { message: 'Vælg hvem der gør det' })
  owner!: ActionOwner;

  @OptionalText(120)
  ownerName?: string | null;

  @OptionalUuidField('Ugyldigt mål', 'all')
  goalId?: string | null;

  @OmittableOrNull()
  @DateField()
  dueDate?: string | null;
}

export class UpdateActionDto implements UpdateActionRequest {
  @Omittable()
  @IsIn(Object.values(ActionStatus), { message: 'Ukendt status' })
  status?: ActionStatus;

  @OmittableOrNull()
  @DateField()
  dueDate?: string | null;

  @VersionField()
  version!: number;
}

export class ListCasesQueryDto extends PageQueryDto implements ListCasesQuery {
  @Omittable()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  mine?: boolean;

  @Omittable()
  @IsUUID('all', { message: 'Ugyldig person' })
  personId?: string;

  @Omittable()
  @IsUUID('all', { message: 'Ugyldigt team' })
  teamId?: string;

  @Omittable()
  @IsString()
  @MaxLength(40)
  type?: string;

  @Omittable()
  @IsIn(Object.values(CaseStatus), { message: 'Ukendt status' })
  status?: CaseStatus;

  @Omittable()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  open?: boolean;

  @Omittable()
  @IsIn(['updatedAt', 'openedAt', 'caseNumber', 'status'], { message: 'Ukendt sortering' })
  sort?: 'updatedAt' | 'openedAt' | 'caseNumber' | 'status';

  @Omittable()
  @IsIn(['asc', 'desc'], { message: 'Skal være asc eller desc' })
  direction?: 'asc' | 'desc';
}

export class ListTimelineQueryDto extends PageQueryDto implements ListTimelineQuery {
  @Omittable()
  @Transform(toList)
  @IsArray()
  @IsIn(Object.values(TimelineEventType), { each: true, message: 'Ukendt hændelsestype' })
  types?: TimelineEventType[];
}

export class CreateCaseTypeDto implements CreateCaseTypeRequest {
  @Transform(trim)
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'Kun små bogstaver a-z, tal og _ (2-40 tegn)' })
  code!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(80, { message: 'Højst 80 tegn' })
  labelDa!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(80, { message: 'Højst 80 tegn' })
  labelEn!: string;
}

export class AssignableUsersQueryDto {
  @IsUUID('all', { message: 'Ugyldigt team' })
  teamId!: string;
}
