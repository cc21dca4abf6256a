import { CreateHandoffRequest } from '@bofast/contracts';
import { IsUUID } from 'class-validator';

import { OptionalUuidField, RequiredText, VersionField } from '../../common/http/fields';

export class CreateHandoffDto implements CreateHandoffRequest {
  @IsUUID('4', { message: 'Vælg en medarbejder' })
  toUserId!: string;

  @OptionalUuidField('Ukendt team')
  toTeamId?: string | null;

  @RequiredText(4000, 'Skriv en overdragelsesnote')
  note!: string;

  @VersionField()
  version!: number;
}
