import { PageQuery } from '@bofast/contracts';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

import { Omittable } from './fields';

/** The last page anyone can ask for (keeps OFFSET inside PostgreSQL's bigint; `?page=1e300` is 400). */
export const MAX_PAGE = 100_000;

export class PageQueryDto implements PageQuery {
  @Omittable()
  @Type(() => Number)
  @IsInt({ message: 'Skal være et heltal' })
  @Min(1, { message: 'Skal være mindst 1' })
  @Max(MAX_PAGE, { message: `Højst side ${MAX_PAGE}` })
  page?: number;

  @Omittable()
  @Type(() => Number)
  @IsInt({ message: 'Skal være et heltal' })
  @Min(1, { message: 'Skal være mindst 1' })
  @Max(200, { message: 'Højst 200 pr. side' })
  pageSize?: number;
}
