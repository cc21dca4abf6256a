import {
  AgreementStatus,
  ApplicationType,
  ChangeEconomyStatusRequest,
  CreateAgreementRequest,
  CreateApplicationRequest,
  Creditor,
} from '@bofast/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';

import { DateField, Omittable, OmittableOrNull, OptionalText, VersionField } from '../../common/http/fields';
import { trim } from '../../common/http/transforms';

const MONEY = { maxDecimalPlaces: 2 };

export class CreateAgreementDto implements CreateAgreementRequest {
  @IsIn(Object.values(Creditor), { message: 'Vælg en kreditor' })
  creditor!: Creditor;

  @OptionalText(120)
  creditorName?: string | null;

  @IsNumber(MONEY, { message: 'Skal være et beløb' })
  @Min(0.01, { message: 'Skal være over 0' })
  @Max(9_999_999, { message: 'For stort beløb' })
  principal!: number;

  @IsNumber(MONEY, { message: 'Skal være et beløb' })
  @Min(0.01, { message: 'Skal være over 0' })
  @Max(9_999_999, { message: 'For stort beløb' })
  installment!: number;

  @DateField()
  startDate!: string;

  @Omittable()
  @IsIn(['forhandles', 'aftalt'], { message: 'En ny aftale forhandles eller er aftalt' })
  status?: AgreementStatus;
}

export class CreateApplicationDto implements CreateApplicationRequest {
  @IsIn(Object.values(ApplicationType), { message: 'Vælg en type' })
  type!: ApplicationType;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  authority!: string;

  @OmittableOrNull()
  @IsNumber(MONEY, { message: 'Skal være et beløb' })
  @Min(0, { message: 'Kan ikke være negativt' })
  @Max(9_999_999, { message: 'For stort beløb' })
  amount?: number | null;
}

export class ChangeEconomyStatusDto implements ChangeEconomyStatusRequest {
  @IsString()
  @IsNotEmpty({ message: 'Vælg en status' })
  status!: string;

  @VersionField()
  version!: number;
}
