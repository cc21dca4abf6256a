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
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsUUID, ValidateNested } from 'class-validator';

import {
  DateField,
  Omittable,
  OptionalText,
  OptionalTimestampField,
  OptionalUuidField,
  QueryBoolField,
  RequiredText,
  VersionField,
} from '../../common/http/fields';

export class VisitParticipantDto implements VisitParticipant {
  @IsIn(['husstand', 'tolk', 'partner', 'kollega'], { message: 'Ukendt deltager' })
  kind!: VisitParticipant['kind'];

  @OptionalUuidField('Ukendt person')
  personId?: string | null;

  @OptionalUuidField('Ukendt medarbejder')
  userId?: string | null;

  @OptionalUuidField('Ukendt partner')
  partnerOrganisationId?: string | null;

  @OptionalText(120)
  name?: string | null;
}

export class FollowUpDto {
  @RequiredText(300, 'Skriv hvad der skal følges op på')
  title!: string;

  @DateField()
  dueDate!: string;
}

class VisitCommon {
  @OptionalTimestampField()
  occurredAt?: string | null;

  @OptionalText(4000)
  summary?: string | null;

  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => VisitParticipantDto)
  participants?: VisitParticipantDto[];

  @Omittable()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => FollowUpDto)
  followUps?: FollowUpDto[];
}

export class CreateVisitDto extends VisitCommon implements CreateVisitRequest {
  @OptionalUuidField('Ugyldigt kladde-id')
  clientId?: string | null;

  @IsIn(Object.values(VisitStatus), { message: 'Vælg hvordan besøget gik' })
  status!: VisitStatus;

  @OptionalTimestampField()
  plannedAt?: string | null;

  @IsIn(Object.values(LocationType), { message: 'Vælg et sted' })
  locationType!: LocationType;

  @IsBoolean({ message: 'Angiv om besøget var varslet' })
  announced!: boolean;

  @OptionalText(500)
  purpose?: string | null;
}

export class CompleteVisitDto extends VisitCommon implements CompleteVisitRequest {
  @IsIn(Object.values(VisitStatus), { message: 'Vælg hvordan besøget gik' })
  status!: VisitStatus;

  @VersionField()
  version!: number;
}

export class ListVisitsQueryDto implements ListVisitsQuery {
  @Omittable()
  @DateField()
  date?: string;

  @QueryBoolField()
  mine?: boolean;

  @Omittable()
  @IsIn(Object.values(VisitStatus), { message: 'Ukendt status' })
  status?: VisitStatus;

  @Omittable()
  @IsUUID('4', { message: 'Ukendt sag' })
  caseId?: string;
}

export class ListTasksQueryDto implements ListTasksQuery {
  @QueryBoolField()
  mine?: boolean;

  @Omittable()
  @IsIn(Object.values(TaskStatus), { message: 'Ukendt status' })
  status?: TaskStatus;

  @Omittable()
  @IsUUID('4', { message: 'Ukendt sag' })
  caseId?: string;
}

export class UpdateTaskDto implements UpdateTaskRequest {
  @IsIn(Object.values(TaskStatus), { message: 'Ukendt status' })
  status!: TaskStatus;

  @VersionField()
  version!: number;
}
