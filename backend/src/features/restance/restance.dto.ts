import {
  AssignRowsRequest,
  CorrectRowRequest,
  ConvertRowRequest,
  ListWorklistQuery,
  OutreachStatus,
  RestanceChange,
  RestanceField,
  TriageRule,
  UpdateImportProfileRequest,
  UpdateRowOutreachRequest,
  UploadRestanceRequest,
} from '@bofast/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { VERSION_MESSAGE, emptyToNull, toBool, toList, trim } from '../../common/http/transforms';

const VERSION = VERSION_MESSAGE;

export class UploadRestanceDto implements UploadRestanceRequest {
  @IsUUID('all', { message: 'Vælg en boligorganisation' })
  boligorganisationId!: string;

  @IsISO8601({ strict: true }, { message: 'Skal være en dato (ÅÅÅÅ-MM-DD)' })
  listDate!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Filnavn mangler' })
  @MaxLength(200, { message: 'Højst 200 tegn' })
  filename!: string;

  // ~5.5 MB of file as base64; larger lists are split by the boligorganisation or sent as XLSX.
  @IsString()
  @IsNotEmpty({ message: 'Filen er tom' })
  @MaxLength(7_500_000, { message: 'Filen er for stor (højst 5,5 MB)' })
  base64!: string;
}

export class UpdateImportProfileDto implements UpdateImportProfileRequest {
  @IsObject({ message: 'Skal være et objekt' })
  aliases!: Record<RestanceField, string[]>;

  @IsInt(VERSION)
  @Min(0, VERSION)
  version!: number;
}

export class ListWorklistQueryDto extends PageQueryDto implements ListWorklistQuery {
  @IsOptional()
  @IsUUID('all', { message: 'Ugyldig boligorganisation' })
  boligorganisationId?: string;

  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(Object.values(RestanceChange), { each: true, message: 'Ukendt ændring' })
  change?: RestanceChange[];

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  paakrav?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  ophaevelse?: boolean;

  @IsOptional()
  @IsIn(Object.values(OutreachStatus), { message: 'Ukendt status' })
  outreachStatus?: OutreachStatus;

  @IsOptional()
  @IsUUID('all', { message: 'Ugyldig medarbejder' })
  assigneeId?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  mine?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  unassigned?: boolean;

  @IsOptional()
  @IsIn(['priority', 'amount', 'months', 'lejemaalsnummer'], { message: 'Ukendt sortering' })
  sort?: 'priority' | 'amount' | 'months' | 'lejemaalsnummer';

  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'Skal være asc eller desc' })
  direction?: 'asc' | 'desc';
}

export class AssignRowsDto implements AssignRowsRequest {
  @IsArray()
  @ArrayMaxSize(1000, { message: 'Højst 1000 rækker ad gangen' })
  @IsUUID('all', { each: true, message: 'Ugyldig række' })
  rowIds!: string[];

  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldig medarbejder' })
  assigneeId!: string | null;
}

export class UpdateRowOutreachDto implements UpdateRowOutreachRequest {
  @IsIn(Object.values(OutreachStatus), { message: 'Ukendt status' })
  outreachStatus!: OutreachStatus;

  @IsInt(VERSION)
  @Min(1, VERSION)
  version!: number;
}

export class ConvertRowDto implements ConvertRowRequest {
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(120, { message: 'Højst 120 tegn' })
  personName?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldig person' })
  personId?: string | null;

  @IsInt(VERSION)
  @Min(1, VERSION)
  version!: number;
}

export class TriageWeightsDto {
  @IsUUID('all', { message: 'Ugyldigt team' })
  teamId!: string;

  @IsObject({ message: 'Skal være et objekt' })
  weights!: Record<TriageRule, number>;

  @IsInt(VERSION)
  @Min(0)
  version!: number;
}

export class TeamQueryDto {
  @IsUUID('all', { message: 'Ugyldigt team' })
  teamId!: string;
}

export class ExportWorklistQueryDto extends ListWorklistQueryDto {
  @IsOptional()
  @IsIn(['csv', 'xlsx'], { message: 'Formatet skal være csv eller xlsx' })
  format?: 'csv' | 'xlsx';
}

export class CorrectRowDto implements CorrectRowRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(20, { message: 'Højst 20 tegn' })
  afdeling!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(40, { message: 'Højst 40 tegn' })
  lejemaalsnummer!: string;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200, { message: 'Højst 200 tegn' })
  tenantNames?: string | null;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200, { message: 'Højst 200 tegn' })
  address?: string | null;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(30, { message: 'Højst 30 tegn' })
  amount!: string;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(10)
  months?: string | null;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(20)
  oldestDueDate?: string | null;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(20)
  paakravDate?: string | null;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(20)
  ophaevelseDate?: string | null;

  @IsOptional()
  @IsBoolean({ message: 'Skal være sand eller falsk' })
  hasAgreement?: boolean;
}
