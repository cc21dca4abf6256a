import {
  AvoidedEvictionRule,
  CreateDefinitionRequest,
  DrilldownQuery,
  EVICTION_STAGES,
  EvictionOutcome,
  EvictionStage,
  MyNumbersQuery,
  ReportAudience,
  ReportRequest,
  ReportScopeType,
} from '@bofast/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { DateField, Omittable, OptionalText, OptionalUuidField, RequiredText } from '../../common/http/fields';

class PeriodDto {
  @DateField()
  from!: string;

  @DateField()
  to!: string;
}

export class ReportRequestDto extends PeriodDto implements ReportRequest {
  @IsIn(Object.values(ReportScopeType), { message: 'Vælg et omfang' })
  scopeType!: ReportScopeType;

  @OptionalUuidField('Vælg hvad rapporten dækker')
  scopeId?: string | null;

  @IsIn(Object.values(ReportAudience), { message: 'Vælg intern eller ekstern' })
  audience!: ReportAudience;

  @Omittable()
  @IsInt({ message: 'Skal være et helt beløb' })
  @Min(0, { message: 'Kan ikke være negativt' })
  @Max(10_000_000, { message: 'For stort beløb' })
  costBoligorganisation?: number;

  @Omittable()
  @IsInt({ message: 'Skal være et helt beløb' })
  @Min(0, { message: 'Kan ikke være negativt' })
  @Max(10_000_000, { message: 'For stort beløb' })
  costKommune?: number;

  @OptionalText(200)
  title?: string | null;
}

export class DrilldownQueryDto extends PeriodDto implements DrilldownQuery {
  @IsIn(Object.values(ReportScopeType), { message: 'Vælg et omfang' })
  scopeType!: ReportScopeType;

  @Omittable()
  @IsUUID('4', { message: 'Vælg hvad rapporten dækker' })
  scopeId?: string | null;

  @IsIn(['involved', 'avoided'], { message: 'Ukendt nøgletal' })
  indicator!: 'involved' | 'avoided';
}

export class MyNumbersQueryDto extends PeriodDto implements MyNumbersQuery {}

export class RuleDto implements AvoidedEvictionRule {
  @IsIn(EVICTION_STAGES, { message: 'Ukendt trin' })
  involvedMinStage!: EvictionStage;

  @IsArray()
  @ArrayMinSize(1, { message: 'Vælg mindst ét udfald' })
  @IsIn(['undgaaet_betalt', 'undgaaet_aftale', 'undgaaet_tilbagekaldt', 'undgaaet_afvist'], {
    each: true,
    message: 'Kun "undgået"-udfald kan tælle som undgået',
  })
  avoidedOutcomes!: EvictionOutcome[];

  @IsBoolean({ message: 'Angiv om godkendelse kræves' })
  requireApproval!: boolean;

  @IsInt({ message: 'Skal være et helt antal måneder' })
  @Min(1, { message: 'Mindst 1 måned' })
  @Max(36, { message: 'Højst 36 måneder' })
  sustainedMonths!: number;
}

export class CreateDefinitionDto implements CreateDefinitionRequest {
  @IsIn(['undgaaet_udsaettelse'], { message: 'Ukendt nøgletal' })
  key!: 'undgaaet_udsaettelse';

  @RequiredText(2000, 'Beskriv definitionen')
  description!: string;

  @IsDefined({ message: 'Angiv reglen' })
  @IsObject({ message: 'Angiv reglen' })
  @ValidateNested()
  @Type(() => RuleDto)
  rule!: RuleDto;
}

export class ExportQueryDto {
  @IsIn(['xlsx', 'csv'], { message: 'Vælg xlsx eller csv' })
  format!: 'xlsx' | 'csv';
}
