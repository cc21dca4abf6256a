import { ListPrivilegedChangesQuery } from '@bofast/contracts';
import { IsUUID } from 'class-validator';

import { Omittable, OptionalDateField } from '../../common/http/fields';
import { PageQueryDto } from '../../common/http/page-query.dto';

export class ListPrivilegedChangesQueryDto extends PageQueryDto implements ListPrivilegedChangesQuery {
  @OptionalDateField()
  from?: string;

  @OptionalDateField()
  to?: string;

  @Omittable()
  @IsUUID('all', { message: 'Skal være et gyldigt id' })
  actorId?: string;

  @Omittable()
  @IsUUID('all', { message: 'Skal være et gyldigt id' })
  targetId?: string;
}
