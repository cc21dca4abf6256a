import { CreateTeamRequest, UpdateTeamRequest } from '@bofast/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { Omittable, OptionalText, UuidListField, VersionField } from '../../common/http/fields';
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
  @UuidListField(200, 'Ugyldig afdeling', { notList: 'Skal være en liste', tooMany: 'Højst 200 afdelinger' })
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
  @UuidListField(200, 'Ugyldig afdeling', { notList: 'Skal være en liste', tooMany: 'Højst 200 afdelinger' })
  afdelingIds?: string[];

  @Omittable()
  @IsBoolean({ message: 'Skal være sand eller falsk' })
  isActive?: boolean;

  @VersionField()
  version!: number;
}
