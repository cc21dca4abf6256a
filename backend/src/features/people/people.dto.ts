import {
  AddHouseholdMemberRequest,
  CommunicationPreference,
  CreatePersonRequest,
  CreateTenancyRequest,
  HouseholdRelation,
  SearchQuery,
  TenancyStatus,
  UpdatePersonRequest,
} from '@bofast/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import {
  DateField,
  Omittable,
  OmittableOrNull,
  OptionalEmailField,
  OptionalText,
  OptionalUuidField,
  VersionField,
} from '../../common/http/fields';
import { emptyToNull, trim } from '../../common/http/transforms';

const RELATIONS = Object.values(HouseholdRelation);
const COMM = Object.values(CommunicationPreference);
const PHONE = /^\+?[0-9 ]{8,16}$/;

export class CreateTenancyDto implements CreateTenancyRequest {
  @IsUUID('all', { message: 'Vælg en afdeling' })
  afdelingId!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(200, { message: 'Højst 200 tegn' })
  address!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(40, { message: 'Højst 40 tegn' })
  lejemaalsnummer!: string;

  @OmittableOrNull()
  @DateField()
  moveInDate?: string | null;

  @Omittable()
  @IsIn(Object.values(TenancyStatus), { message: 'Ukendt status' })
  status?: TenancyStatus;
}

class PersonFieldsDto {
  @OmittableOrNull()
  @IsInt({ message: 'Skal være et årstal' })
  @Min(1858, { message: 'Skal være et årstal fra 1858' })
  @Max(new Date().getFullYear(), { message: 'Årstallet ligger i fremtiden' })
  birthYear?: number | null;

  @OmittableOrNull()
  @Transform(emptyToNull)
  @Matches(PHONE, { message: 'Skal være et telefonnummer (8 cifre, evt. med +45)' })
  phone?: string | null;

  @Omittable()
  @IsBoolean({ message: 'Skal være sand eller falsk' })
  smsPreferred?: boolean;

  @OptionalEmailField()
  email?: string | null;

  @OptionalText(60)
  preferredLanguage?: string | null;

  @Omittable()
  @IsBoolean({ message: 'Skal være sand eller falsk' })
  interpreterNeeded?: boolean;

  @OmittableOrNull()
  @IsIn(COMM, { message: 'Vælg skriftlig eller mundtlig' })
  communicationPreference?: CommunicationPreference | null;

  @OmittableOrNull()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(20, { message: 'Ugyldigt CPR-nummer' })
  cpr?: string | null;
}

export class CreatePersonDto extends PersonFieldsDto implements CreatePersonRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  name!: string;

  @IsUUID('all', { message: 'Vælg et team' })
  teamId!: string;

  @OptionalUuidField('Ugyldigt lejemål', 'all')
  tenancyId?: string | null;

  @Omittable()
  @IsIn(RELATIONS, { message: 'Ukendt relation' })
  relation?: HouseholdRelation;
}

export class UpdatePersonDto extends PersonFieldsDto implements UpdatePersonRequest {
  @Omittable()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  name?: string;

  @VersionField()
  version!: number;
}

export class AddHouseholdMemberDto implements AddHouseholdMemberRequest {
  @IsUUID('all', { message: 'Ugyldig person' })
  personId!: string;

  @IsIn(RELATIONS, { message: 'Ukendt relation' })
  relation!: HouseholdRelation;
}

export class SearchQueryDto implements SearchQuery {
  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(2, { message: 'Skriv mindst 2 tegn' })
  @MaxLength(100, { message: 'Højst 100 tegn' })
  q?: string;

  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(20, { message: 'Ugyldigt CPR-nummer' })
  cpr?: string;
}
