import { PageQuery } from '@bofast/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQueryDto implements PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Skal være et heltal' })
  @Min(1, { message: 'Skal være mindst 1' })
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Skal være et heltal' })
  @Min(1, { message: 'Skal være mindst 1' })
  @Max(200, { message: 'Højst 200 pr. side' })
  pageSize?: number;
}
