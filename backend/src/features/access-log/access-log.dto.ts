import { AccessAction, AccessSubjectType, ListAccessLogQuery } from '@bofast/contracts';

import { IsIn, IsUUID } from 'class-validator';

import { Omittable, TimestampField } from '../../common/http/fields';
import { PageQueryDto } from '../../common/http/page-query.dto';

const ACTIONS = Object.values(AccessAction);
const SUBJECTS = Object.values(AccessSubjectType);

export class ListAccessLogQueryDto extends PageQueryDto implements ListAccessLogQuery {
  @Omittable()
  @IsUUID('4', { message: 'Skal være et gyldigt id' })
  actorUserId?: string;

  @Omittable()
  @IsIn(SUBJECTS, { message: 'Ukendt emnetype' })
  subjectType?: AccessSubjectType;

  @Omittable()
  @IsUUID('all', { message: 'Skal være et gyldigt id' })
  subjectId?: string;

  @Omittable()
  @IsIn(ACTIONS, { message: 'Ukendt handling' })
  action?: AccessAction;

  @Omittable()
  @TimestampField()
  from?: string;

  @Omittable()
  @TimestampField()
  to?: string;
}

export class SubjectExportQueryDto {
  @IsIn(SUBJECTS, { message: 'Ukendt emnetype' })
  subjectType!: AccessSubjectType;

  @IsUUID('all', { message: 'Skal være et gyldigt id' })
  subjectId!: string;

  @Omittable()
  @IsIn(['json', 'csv'], { message: 'Formatet skal være json eller csv' })
  format?: 'json' | 'csv';
}
