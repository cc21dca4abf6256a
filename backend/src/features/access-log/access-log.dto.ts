import { AccessAction, AccessSubjectType, ListAccessLogQuery } from '@bofast/contracts';

import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';

const ACTIONS = Object.values(AccessAction);
const SUBJECTS = Object.values(AccessSubjectType);

export class ListAccessLogQueryDto extends PageQueryDto implements ListAccessLogQuery {
  @IsOptional()
  @IsUUID('4', { message: 'Skal være et gyldigt id' })
  actorUserId?: string;

  @IsOptional()
  @IsIn(SUBJECTS, { message: 'Ukendt emnetype' })
  subjectType?: AccessSubjectType;

  @IsOptional()
  @IsUUID('all', { message: 'Skal være et gyldigt id' })
  subjectId?: string;

  @IsOptional()
  @IsIn(ACTIONS, { message: 'Ukendt handling' })
  action?: AccessAction;

  @IsOptional()
  @IsISO8601({}, { message: 'Skal være en dato (ÅÅÅÅ-MM-DD)' })
  from?: string;

  @IsOptional()
  @IsISO8601({}, { message: 'Skal være en dato (ÅÅÅÅ-MM-DD)' })
  to?: string;
}

export class SubjectExportQueryDto {
  @IsIn(SUBJECTS, { message: 'Ukendt emnetype' })
  subjectType!: AccessSubjectType;

  @IsUUID('all', { message: 'Skal være et gyldigt id' })
  subjectId!: string;

  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'Formatet skal være json eller csv' })
  format?: 'json' | 'csv';
}
