import {
  CompleteVisitRequest,
  CreateVisitRequest,
  ListTasksQuery,
  ListVisitsQuery,
  LocationType,
  TaskStatus,
  UpdateTaskRequest,
  VisitParticipant,
  VisitStatus,
} from '@bofast/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
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
  ValidateNested,
} from 'class-validator';

import { emptyToNull, toBool, trim, VERSION_MESSAGE } from '../../common/http/transforms';

const DATE = { message: 'Skal være en dato (ÅÅÅÅ-MM-DD)' };
const TIME = { message: 'Skal være et tidspunkt' };

export class VisitParticipantDto implements VisitParticipant {
  @IsIn(['husstand', 'tolk', 'partner', 'kollega'], { message: 'Ukendt deltager' })
  kind!: VisitParticipant['kind'];

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'Ukendt person' })
  personId?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'Ukendt medarbejder' })
  userId?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'Ukendt partner' })
  partnerOrganisationId?: string | null;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(120, { message: 'Højst 120 tegn' })
  name?: string | null;
}

export class FollowUpDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skriv hvad der skal følges op på' })
  @MaxLength(300, { message: 'Højst 300 tegn' })
  title!: string;

  @IsISO8601({ strict: true }, DATE)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, DATE)
  dueDate!: string;
}

class VisitCommon {
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true }, TIME)
  occurredAt?: string | null;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(4000, { message: 'Højst 4000 tegn' })
  summary?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => VisitParticipantDto)
  participants?: VisitParticipantDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => FollowUpDto)
  followUps?: FollowUpDto[];
}

export class CreateVisitDto extends VisitCommon implements CreateVisitRequest {
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'Ugyldigt kladde-id' })
  clientId?: string | null;

  @IsIn(Object.values(VisitStatus), { message: 'Vælg hvordan besøget gik' })
  status!: VisitStatus;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true }, TIME)
  plannedAt?: string | null;

  @IsIn(Object.values(LocationType), { message: 'Vælg et sted' })
  locationType!: LocationType;

  @IsBoolean({ message: 'Angiv om besøget var varslet' })
  announced!: boolean;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500, { message: 'Højst 500 tegn' })
  purpose?: string | null;
}

export class CompleteVisitDto extends VisitCommon implements CompleteVisitRequest {
  @IsIn(Object.values(VisitStatus), { message: 'Vælg hvordan besøget gik' })
  status!: VisitStatus;

  @IsInt(VERSION_MESSAGE)
  @Min(1, VERSION_MESSAGE)
  version!: number;
}

export class ListVisitsQueryDto implements ListVisitsQuery {
  @IsOptional()
  @IsISO8601({ strict: true }, DATE)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, DATE)
  date?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  mine?: boolean;

  @IsOptional()
  @IsIn(Object.values(VisitStatus), { message: 'Ukendt status' })
  status?: VisitStatus;

  @IsOptional()
  @IsUUID('4', { message: 'Ukendt sag' })
  caseId?: string;
}

export class ListTasksQueryDto implements ListTasksQuery {
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  mine?: boolean;

  @IsOptional()
  @IsIn(Object.values(TaskStatus), { message: 'Ukendt status' })
  status?: TaskStatus;

  @IsOptional()
  @IsUUID('4', { message: 'Ukendt sag' })
  caseId?: string;
}

export class UpdateTaskDto implements UpdateTaskRequest {
  @IsIn(Object.values(TaskStatus), { message: 'Ukendt status' })
  status!: TaskStatus;

  @IsInt(VERSION_MESSAGE)
  @Min(1, VERSION_MESSAGE)
  version!: number;
}
