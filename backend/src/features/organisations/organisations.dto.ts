import {
  CreateAfdelingRequest,
  CreateBoligorganisationRequest,
  CreatePartnerOrganisationRequest,
  PartnerType,
} from '@bofast/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

import { OmittableOrNull, QueryBoolField } from '../../common/http/fields';
import { emptyToNull, trim } from '../../common/http/transforms';

export class ListBoligorganisationerQueryDto {
  /** Only the afdelinger the caller's teams cover (and the organisations that have one). */
  @QueryBoolField()
  covered?: boolean;
}

export class CreateBoligorganisationDto implements CreateBoligorganisationRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  name!: string;

  @OmittableOrNull()
  @Transform(emptyToNull)
  @Matches(/^\d{8}$/, { message: 'CVR-nummeret skal være 8 cifre' })
  cvr?: string | null;
}

export class CreateAfdelingDto implements CreateAfdelingRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(20, { message: 'Højst 20 tegn' })
  afdelingsnummer!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  name!: string;
}

export class CreatePartnerOrganisationDto implements CreatePartnerOrganisationRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  name!: string;

  @IsIn(Object.values(PartnerType), { message: 'Vælg en type' })
  type!: PartnerType;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  kommune!: string;
}
