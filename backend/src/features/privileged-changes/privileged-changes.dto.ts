import { ListPrivilegedChangesQuery } from '@bofast/contracts';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';

const DAY = /^(19|20)\d{2}-\d{2}-\d{2}$/;

export class ListPrivilegedChangesQueryDto extends PageQueryDto implements ListPrivilegedChangesQuery {
  @IsOptional()
  @Matches(DAY, { message: 'Skal være en dato (ÅÅÅÅ-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'Skal være en dato (ÅÅÅÅ-MM-DD)' })
  from?: string;

  @IsOptional()
  @Matches(DAY, { message: 'Skal være en dato (ÅÅÅÅ-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'Skal være en dato (ÅÅÅÅ-MM-DD)' })
  to?: string;

  @IsOptional()
  @IsUUID('all', { message: 'Skal være et gyldigt id' })
  actorId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'Skal være et gyldigt id' })
  targetId?: string;
}
