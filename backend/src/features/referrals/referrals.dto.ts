import {
  CategoryNotes,
  ConsentPurpose,
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
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  Validate,
} from 'class-validator';

import { Omittable, OptionalText, OptionalTimestampField, RequiredText, VersionField } from '../../common/http/fields';

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

  @RequiredText(2000, 'Skriv hvorfor beboeren henvises')
  reason!: string;

  @Omittable()
  @IsIn(['videregivelse', 'kontakt_myndighed'], { message: 'Vælg et formål' })
  purpose?: ConsentPurpose;

  @IsArray()
  @ArrayMaxSize(FIELDS.length)
  @IsIn(FIELDS, { each: true, message: 'Ukendt oplysning' })
  sharedFields!: ShareableField[];

  @Omittable()
  @IsObject({ message: 'Noter pr. kategori' })
  @Validate(CategoryNotesValid)
  notes?: CategoryNotes;
}

export class UpdateReferralDto implements UpdateReferralRequest {
  @Omittable()
  @IsIn(Object.values(ReferralMethod), { message: 'Vælg en form' })
  method?: ReferralMethod;

  @Omittable()
  @RequiredText(2000, 'Skriv hvorfor beboeren henvises')
  reason?: string;

  @Omittable()
  @IsArray()
  @IsIn(FIELDS, { each: true, message: 'Ukendt oplysning' })
  sharedFields?: ShareableField[];

  @Omittable()
  @IsObject({ message: 'Noter pr. kategori' })
  @Validate(CategoryNotesValid)
  notes?: CategoryNotes;

  @VersionField()
  version!: number;
}

export class VersionDto {
  @VersionField()
  version!: number;
}

export class UnderretningDto implements UnderretningRequest {
  @IsUUID('4', { message: 'Vælg en modtager' })
  partnerId!: string;

  @RequiredText(2000, 'Skriv hvad bekymringen går ud på')
  reason!: string;

  @RequiredText(500, 'Angiv hjemlen for underretningen (fx serviceloven § 133)')
  legalBasis!: string;

  @IsArray()
  @IsIn(FIELDS, { each: true, message: 'Ukendt oplysning' })
  sharedFields!: ShareableField[];

  @Omittable()
  @IsObject({ message: 'Noter pr. kategori' })
  @Validate(CategoryNotesValid)
  notes?: CategoryNotes;
}

export class ReferralTransitionDto implements ReferralTransitionRequest {
  @IsIn(Object.values(ReferralStatus), { message: 'Ukendt status' })
  status!: ReferralStatus;

  @OptionalText(1000)
  reason?: string | null;

  @OptionalText(2000)
  outcome?: string | null;

  @OptionalTimestampField()
  firstMeetingAt?: string | null;

  @VersionField()
  version!: number;
}

export class ReferralMessageDto implements ReferralMessageRequest {
  @RequiredText(2000, 'Skriv en besked')
  text!: string;
}

export class PartnerContactDto implements PartnerContact {
  @RequiredText(120, 'Skriv et navn')
  name!: string;

  @OptionalText(120)
  role?: string | null;

  @OptionalText(40)
  phone?: string | null;

  @OptionalText(200)
  email?: string | null;
}

export class UpdatePartnerDto implements UpdatePartnerRequest {
  @Omittable()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(120, { each: true, message: 'Højst 120 tegn' })
  services?: string[];

  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartnerContactDto)
  contacts?: PartnerContactDto[];

  @Omittable()
  @IsArray()
  @IsIn(PARTNER_CHANNELS, { each: true, message: 'Ukendt kanal' })
  channels?: PartnerChannel[];

  @Omittable()
  @IsInt({ message: 'Skal være et helt antal dage' })
  @Min(1, { message: 'Mindst 1 dag' })
  @Max(90, { message: 'Højst 90 dage' })
  responseDays?: number;

  @VersionField()
  version!: number;
}
