import { CreateTeamRequest, UpdateTeamRequest } from '@bofast/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

import { Omittable, VersionField } from '../../common/http/fields';
import { emptyToNull, trim } from '../../common/http/transforms';

export class CreateTeamDto implements CreateTeamRequest {
  @Transform(trim)
  @IsString({ message: 'Skal være tekst' })
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  name!: string;

  @Omittable()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: 'Skal være tekst' })
  @MaxLength(500, { message: 'Højst 500 tegn' })
  description?: string | null;

  @Omittable()
  @IsArray({ message: 'Skal være en liste' })
  @ArrayMaxSize(200, { message: 'Højst 200 afdelinger' })
  @IsUUID('all', { each: true, message: 'Ugyldig afdeling' })
  afdelingIds?: string[];
}

export class UpdateTeamDto implements UpdateTeamRequest {
  @Omittable()
  @Transform(trim)
  @IsString({ message: 'Skal være tekst' })
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  name?: string;

  @Omittable()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: 'Skal være tekst' })
  @MaxLength(500, { message: 'Højst 500 tegn' })
  description?: string | null;

  @Omittable()
  @IsArray({ message: 'Skal være en liste' })
  @ArrayMaxSize(200, { message: 'Højst 200 afdelinger' })
  @IsUUID('all', { each: true, message: 'Ugyldig afdeling' })
  afdelingIds?: string[];

  @Omittable()
  @IsBoolean({ message: 'Skal være sand eller falsk' })
  isActive?: boolean;

  @VersionField()
  version!: number;
}
