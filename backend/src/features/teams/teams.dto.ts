import { CreateTeamRequest, UpdateTeamRequest } from '@bofast/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

import { Omittable, OptionalText, VersionField } from '../../common/http/fields';
import { trim } from '../../common/http/transforms';

export class CreateTeamDto implements CreateTeamRequest {
  @Transform(trim)
  @IsString({ message: 'Skal være tekst' })
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  name!: string;

  @OptionalText(500, 'Skal være tekst')
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

  @OptionalText(500, 'Skal være tekst')
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
