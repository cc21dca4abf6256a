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
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';

import {
  MAX_INT4,
  DateField,
  IntField,
  Omittable,
  OmittableOrNull,
  OptionalText,
  OptionalUuidField,
  UuidListField,
  VersionField,
} from '../../common/http/fields';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { emptyToNull, toBool, toList, trim } from '../../common/http/transforms';

export class UploadRestanceDto implements UploadRestanceRequest {
  @IsUUID('all', { message: 'Vælg en boligorganisation' })
  boligorganisationId!: string;

  @DateField({ min: '2000-01-01', maxDaysAhead: 366 })
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

  @IntField(0, MAX_INT4, 'Versionen mangler')
  version!: number;
}

export class ListWorklistQueryDto extends PageQueryDto implements ListWorklistQuery {
  @Omittable()
  @IsUUID('all', { message: 'Ugyldig boligorganisation' })
  boligorganisationId?: string;

  @Omittable()
  @Transform(toList)
  @IsArray()
  @IsIn(Object.values(RestanceChange), { each: true, message: 'Ukendt ændring' })
  change?: RestanceChange[];

  @Omittable()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  paakrav?: boolean;

  @Omittable()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  ophaevelse?: boolean;

  @Omittable()
  @IsIn(Object.values(OutreachStatus), { message: 'Ukendt status' })
  outreachStatus?: OutreachStatus;

  @Omittable()
  @IsUUID('all', { message: 'Ugyldig medarbejder' })
  assigneeId?: string;

  @Omittable()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  mine?: boolean;

  @Omittable()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  unassigned?: boolean;

  @Omittable()
  @IsIn(['priority', 'amount', 'months', 'lejemaalsnummer'], { message: 'Ukendt sortering' })
  sort?: 'priority' | 'amount' | 'months' | 'lejemaalsnummer';

  @Omittable()
  @IsIn(['asc', 'desc'], { message: 'Skal være asc eller desc' })
  direction?: 'asc' | 'desc';
}

export class AssignRowsDto implements AssignRowsRequest {
  @UuidListField(1000, 'Ugyldig række', { tooMany: 'Højst 1000 rækker ad gangen' })
  rowIds!: string[];

  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldig medarbejder' })
  assigneeId!: string | null;
}

export class UpdateRowOutreachDto implements UpdateRowOutreachRequest {
  @IsIn(Object.values(OutreachStatus), { message: 'Ukendt status' })
  outreachStatus!: OutreachStatus;

  @VersionField()
  version!: number;
}

export class ConvertRowDto implements ConvertRowRequest {
  @OptionalText(120)
  personName?: string | null;

  @OptionalUuidField('Ugyldig person', 'all')
  personId?: string | null;

  @VersionField()
  version!: number;
}

export class TriageWeightsDto {
  @IsUUID('all', { message: 'Ugyldigt team' })
  teamId!: string;

  @IsObject({ message: 'Skal være et objekt' })
  weights!: Record<TriageRule, number>;

  @IntField(0, MAX_INT4, 'Versionen mangler')
  version!: number;
}

export class TeamQueryDto {
  @IsUUID('all', { message: 'Ugyldigt team' })
  teamId!: string;
}

export class ExportWorklistQueryDto extends ListWorklistQueryDto {
  @Omittable()
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

  @OptionalText(200)
  tenantNames?: string | null;

  @OptionalText(200)
  address?: string | null;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(30, { message: 'Højst 30 tegn' })
  amount!: string;

  @OmittableOrNull()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(10)
  months?: string | null;

  @OmittableOrNull()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(20)
  oldestDueDate?: string | null;

  @OmittableOrNull()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(20)
  paakravDate?: string | null;

  @OmittableOrNull()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(20)
  ophaevelseDate?: string | null;

  @Omittable()
  @IsBoolean({ message: 'Skal være sand eller falsk' })
  hasAgreement?: boolean;
}
