import {
  ActivateAccountRequest,
  ChangePasswordRequest,
  Locale,
  LoginRequest,
  PASSWORD_MAX_LENGTH,
  UpdateMeRequest,
} from '@bofast/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { Omittable, OptionalEmailField } from '../../common/http/fields';
import { trim } from '../../common/http/transforms';

export class LoginDto implements LoginRequest {
  @Transform(trim)
  @IsString({ message: 'Skal være tekst' })
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(200, { message: 'Højst 200 tegn' })
  username!: string;

  @IsString({ message: 'Skal være tekst' })
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(200, { message: 'Højst 200 tegn' })
  password!: string;
}

export class UpdateMeDto implements UpdateMeRequest {
  @Omittable()
  @Transform(trim)
  @IsString({ message: 'Skal være tekst' })
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  displayName?: string;

  @OptionalEmailField()
  email?: string | null;

  @Omittable()
  @IsIn(Object.values(Locale), { message: 'Sproget skal være da eller en' })
  locale?: Locale;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @IsString({ message: 'Skal være tekst' })
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `Højst ${PASSWORD_MAX_LENGTH} tegn` })
  currentPassword!: string;

  /** The policy (length, common passwords) is PasswordService.assertAcceptable's. */
  @IsString({ message: 'Skal være tekst' })
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `Højst ${PASSWORD_MAX_LENGTH} tegn` })
  newPassword!: string;
}

export class ActivateAccountDto implements ActivateAccountRequest {
  @IsString({ message: 'Skal være tekst' })
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(100, { message: 'Højst 100 tegn' })
  token!: string;

  @IsString({ message: 'Skal være tekst' })
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `Højst ${PASSWORD_MAX_LENGTH} tegn` })
  password!: string;
}
