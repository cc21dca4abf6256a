import { CreateUserRequest, ListUsersQuery, Role, UpdateUserRequest } from '@bofast/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

import {
  Omittable,
  OptionalEmailField,
  OptionalUuidField,
  UuidListField,
  VersionField,
} from '../../common/http/fields';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { toBool, trim } from '../../common/http/transforms';

const ROLES = Object.values(Role);

export class CreateUserDto implements CreateUserRequest {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString({ message: 'Skal være tekst' })
  @MinLength(3, { message: 'Mindst 3 tegn' })
  @MaxLength(60, { message: 'Højst 60 tegn' })
  @Matches(/^[a-z0-9._-]+$/, { message: 'Kun små bogstaver a-z, tal, punktum, bindestreg og understreg' })
  username!: string;

  @Transform(trim)
  @IsString({ message: 'Skal være tekst' })
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  displayName!: string;

  @OptionalEmailField()
  email?: string | null;

  @IsIn(ROLES, { message: 'Vælg en gyldig rolle' })
  role!: Role;

  @Omittable()
  @UuidListField(50, 'Ugyldigt team', { notList: 'Skal være en liste', tooMany: 'Højst 50 teams' })
  teamIds?: string[];

  @OptionalUuidField('Ugyldig partnerorganisation', 'all')
  partnerOrganisationId?: string | null;

  @OptionalUuidField('Ugyldig boligorganisation', 'all')
  boligorganisationId?: string | null;
}

export class UpdateUserDto implements UpdateUserRequest {
  @Omittable()
  @Transform(trim)
  @IsString({ message: 'Skal være tekst' })
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(120, { message: 'Højst 120 tegn' })
  displayName?: string;

  @OptionalEmailField()
  email?: string | null;

  @Omittable()
  @IsIn(ROLES, { message: 'Vælg en gyldig rolle' })
  role?: Role;

  @Omittable()
  @UuidListField(50, 'Ugyldigt team', { notList: 'Skal være en liste', tooMany: 'Højst 50 teams' })
  teamIds?: string[];

  @OptionalUuidField('Ugyldig partnerorganisation', 'all')
  partnerOrganisationId?: string | null;

  @OptionalUuidField('Ugyldig boligorganisation', 'all')
  boligorganisationId?: string | null;

  @Omittable()
  @IsBoolean({ message: 'Skal være sand eller falsk' })
  isActive?: boolean;

  @VersionField()
  version!: number;
}

export class ListUsersQueryDto extends PageQueryDto implements ListUsersQuery {
  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(100, { message: 'Højst 100 tegn' })
  search?: string;

  @Omittable()
  @IsIn(ROLES, { message: 'Ukendt rolle' })
  role?: Role;

  @Omittable()
  @IsUUID('all', { message: 'Ugyldigt team' })
  teamId?: string;

  @Omittable()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  includeInactive?: boolean;
}
