import {
  CategoryNotes,
  ConsentPurpose,
  CreateHandoffRequest,
  CreateReferralRequest,
  DataCategory,
  PARTNER_CHANNELS,
  PartnerChannel,
  PartnerContact,
  ReferralMessageRequest,
  ReferralMethod,
  ReferralStatus,
  ReferralTransitionRequest,
  SHAREABLE_FIELDS,
  ShareableField,
  UnderretningRequest,
  UpdatePartnerRequest,
  UpdateReferralRequest,
} from '@bofast/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  Validate,
} from 'class-validator';

import { emptyToNull, trim, VERSION_MESSAGE } from '../../common/http/transforms';

const FIELDS = Object.keys(SHAREABLE_FIELDS);

@ValidatorConstraint({ name: 'categoryNotes' })
class CategoryNotesValid implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (value === undefined || value === null) return true;
    if (typeof value !== 'object' || Array.isArray(value)) return false;
    return Object.entries(value as Record<string, unknown>).every(
      ([k, v]) => Object.values(DataCategory).includes(k as DataCategory) && typeof v === 'string' && v.length <= 2000,
    );
  }
  defaultMessage(): string {
    return 'Noter pr. kategori: kendte kategorier og højst 2000 tegn hver';
  }
}

export class CreateReferralDto implements CreateReferralRequest {
  @IsUUID('4', { message: 'Vælg en partner' })
  partnerId!: string;

  @IsIn(Object.values(ReferralMethod), { message: 'Vælg en form' })
  method!: ReferralMethod;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skriv hvorfor beboeren henvises' })
  @MaxLength(2000, { message: 'Højst 2000 tegn' })
  reason!: string;

  @IsOptional()
  @IsIn(['videregivelse', 'kontakt_myndighed'], { message: 'Vælg et formål' })
  purpose?: ConsentPurpose;

  @IsArray()
  @ArrayMaxSize(FIELDS.length)
  @IsIn(FIELDS, { each: true, message: 'Ukendt oplysning' })
  sharedFields!: ShareableField[];

  @IsOptional()
  @IsObject({ message: 'Noter pr. kategori' })
  @Validate(CategoryNotesValid)
  notes?: CategoryNotes;
}

export class UpdateReferralDto implements UpdateReferralRequest {
  @IsOptional()
  @IsIn(Object.values(ReferralMethod), { message: 'Vælg en form' })
  method?: ReferralMethod;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skriv hvorfor beboeren henvises' })
  @MaxLength(2000, { message: 'Højst 2000 tegn' })
  reason?: string;

  @IsOptional()
  @IsArray()
  @IsIn(FIELDS, { each: true, message: 'Ukendt oplysning' })
  sharedFields?: ShareableField[];

  @IsOptional()
  @IsObject({ message: 'Noter pr. kategori' })
  @Validate(CategoryNotesValid)
  notes?: CategoryNotes;

  @IsInt(VERSION_MESSAGE)
  @Min(1, VERSION_MESSAGE)
  version!: number;
}

export class VersionDto {
  @IsInt(VERSION_MESSAGE)
  @Min(1, VERSION_MESSAGE)
  version!: number;
}

export class UnderretningDto implements UnderretningRequest {
  @IsUUID('4', { message: 'Vælg en modtager' })
  partnerId!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skriv hvad bekymringen går ud på' })
  @MaxLength(2000, { message: 'Højst 2000 tegn' })
  reason!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Angiv hjemlen for underretningen (fx serviceloven § 133)' })
  @MaxLength(500, { message: 'Højst 500 tegn' })
  legalBasis!: string;

  @IsArray()
  @IsIn(FIELDS, { each: true, message: 'Ukendt oplysning' })
  sharedFields!: ShareableField[];

  @IsOptional()
  @IsObject({ message: 'Noter pr. kategori' })
  @Validate(CategoryNotesValid)
  notes?: CategoryNotes;
}

export class ReferralTransitionDto implements ReferralTransitionRequest {
  @IsIn(Object.values(ReferralStatus), { message: 'Ukendt status' })
  status!: ReferralStatus;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(1000, { message: 'Højst 1000 tegn' })
  reason?: string | null;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000, { message: 'Højst 2000 tegn' })
  outcome?: string | null;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true }, { message: 'Skal være et tidspunkt' })
  firstMeetingAt?: string | null;

  @IsInt(VERSION_MESSAGE)
  @Min(1, VERSION_MESSAGE)
  version!: number;
}

export class ReferralMessageDto implements ReferralMessageRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skriv en besked' })
  @MaxLength(2000, { message: 'Højst 2000 tegn' })
  text!: string;
}

export class PartnerContactDto implements PartnerContact {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skriv et navn' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  name!: string;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(120, { message: 'Højst 120 tegn' })
  role?: string | null;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(40, { message: 'Højst 40 tegn' })
  phone?: string | null;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200, { message: 'Højst 200 tegn' })
  email?: string | null;
}

export class UpdatePartnerDto implements UpdatePartnerRequest {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(120, { each: true, message: 'Højst 120 tegn' })
  services?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartnerContactDto)
  contacts?: PartnerContactDto[];

  @IsOptional()
  @IsArray()
  @IsIn(PARTNER_CHANNELS, { each: true, message: 'Ukendt kanal' })
  channels?: PartnerChannel[];

  @IsOptional()
  @IsInt({ message: 'Skal være et helt antal dage' })
  @Min(1, { message: 'Mindst 1 dag' })
  @Max(90, { message: 'Højst 90 dage' })
  responseDays?: number;

  @IsInt(VERSION_MESSAGE)
  @Min(1, VERSION_MESSAGE)
  version!: number;
}

export class CreateHandoffDto implements CreateHandoffRequest {
  @IsUUID('4', { message: 'Vælg en medarbejder' })
  toUserId!: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'Ukendt team' })
  toTeamId?: string | null;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skriv en overdragelsesnote' })
  @MaxLength(4000, { message: 'Højst 4000 tegn' })
  note!: string;

  @IsInt(VERSION_MESSAGE)
  @Min(1, VERSION_MESSAGE)
  version!: number;
}
