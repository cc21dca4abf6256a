import {
  ConsentDirection,
  ConsentForm,
  ConsentPurpose,
  CreateConsentRequest,
  DataCategory,
  WithdrawConsentRequest,
} from '@bofast/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import {
  Omittable,
  OmittableOrNull,
  OptionalText,
  OptionalUuidField,
  TimestampField,
  VersionField,
} from '../../common/http/fields';
import { toList, trim } from '../../common/http/transforms';

const FORMS = Object.values(ConsentForm);

export class ConsentDocumentDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Filnavn mangler' })
  @MaxLength(200, { message: 'Højst 200 tegn' })
  filename!: string;

  @IsIn(['application/pdf', 'image/png', 'image/jpeg'], { message: 'Kun PDF, PNG eller JPEG' })
  contentType!: string;

  // 5 MB of content is at most 6,990,508 base64 characters.
  @IsString()
  @IsNotEmpty({ message: 'Filen er tom' })
  @MaxLength(6_990_508, { message: 'Filen må højst fylde 5 MB' })
  base64!: string;
}

export class CreateConsentDto implements CreateConsentRequest {
  @IsUUID('all', { message: 'Ugyldig person' })
  personId!: string;

  @OptionalUuidField('Ugyldig sag', 'all')
  caseId?: string | null;

  @IsArray({ message: 'Vælg mindst én modtager' })
  @ArrayMinSize(1, { message: 'Vælg mindst én modtager' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'Ugyldig modtager' })
  recipientIds!: string[];

  @IsArray({ message: 'Vælg mindst én kategori' })
  @ArrayMinSize(1, { message: 'Vælg mindst én kategori' })
  @IsIn(Object.values(DataCategory), { each: true, message: 'Ukendt kategori' })
  dataCategories!: DataCategory[];

  @IsArray({ message: 'Vælg mindst ét formål' })
  @ArrayMinSize(1, { message: 'Vælg mindst ét formål' })
  @IsIn(Object.values(ConsentPurpose), { each: true, message: 'Ukendt formål' })
  purposes!: ConsentPurpose[];

  @IsIn(Object.values(ConsentDirection), { message: 'Vælg indhente, videregive eller begge' })
  direction!: ConsentDirection;

  @IsIn(FORMS, { message: 'Vælg skriftlig, mundtlig eller digital' })
  form!: ConsentForm;

  @OptionalText(120)
  witnessName?: string | null;

  @Omittable()
  @IsBoolean({ message: 'Skal være sand eller falsk' })
  interpreterUsed?: boolean;

  @Omittable()
  @TimestampField({ notFuture: true })
  givenAt?: string;

  @Omittable()
  @TimestampField()
  expiresAt?: string;

  @OmittableOrNull()
  @ValidateNested()
  @Type(() => ConsentDocumentDto)
  document?: ConsentDocumentDto | null;
}

export class WithdrawConsentDto implements WithdrawConsentRequest {
  @IsIn(FORMS, { message: 'Vælg hvordan samtykket blev tilbagekaldt' })
  method!: ConsentForm;

  @OptionalText(1000)
  note?: string | null;

  @VersionField()
  version!: number;
}

export class CoverageQueryDto {
  @IsUUID('all', { message: 'Ugyldig person' })
  personId!: string;

  @IsUUID('all', { message: 'Ugyldig modtager' })
  recipientId!: string;

  @IsIn(Object.values(ConsentPurpose), { message: 'Ukendt formål' })
  purpose!: ConsentPurpose;

  @Transform(toList)
  @IsArray()
  @ArrayMinSize(1, { message: 'Angiv mindst én kategori' })
  @IsIn(Object.values(DataCategory), { each: true, message: 'Ukendt kategori' })
  categories!: DataCategory[];

  @Omittable()
  @IsIn(Object.values(ConsentDirection), { message: 'Ukendt retning' })
  direction?: ConsentDirection;
}
