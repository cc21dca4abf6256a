import {
  ConvertSignalRequest,
  CreateSignalRequest,
  ListSignalsQuery,
  SignalSource,
  SignalStatus,
  UpdateSignalRequest,
} from '@bofast/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

import { Omittable, OptionalText, OptionalUuidField, TimestampField, VersionField } from '../../common/http/fields';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { toBool, trim } from '../../common/http/transforms';

export class CreateSignalDto implements CreateSignalRequest {
  @IsIn(Object.values(SignalSource), { message: 'Vælg hvor henvendelsen kommer fra' })
  source!: SignalSource;

  @IsUUID('all', { message: 'Vælg et team' })
  teamId!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Skal udfyldes' })
  @MaxLength(500, { message: 'Højst 500 tegn: skriv kun det nødvendige' })
  description!: string;

  @OptionalText(120)
  reporter?: string | null;

  @OptionalUuidField('Ugyldigt lejemål', 'all')
  tenancyId?: string | null;

  @OptionalUuidField('Ugyldig person', 'all')
  personId?: string | null;

  @OptionalUuidField('Ugyldig medarbejder', 'all')
  assigneeId?: string | null;

  @Omittable()
  @TimestampField({ notFuture: true })
  receivedAt?: string;
}

export class UpdateSignalDto implements UpdateSignalRequest {
  @Omittable()
  @IsIn(Object.values(SignalStatus), { message: 'Ukendt status' })
  status?: SignalStatus;

  @OptionalUuidField('Ugyldig medarbejder', 'all')
  assigneeId?: string | null;

  @VersionField()
  version!: number;
}

export class ConvertSignalDto implements ConvertSignalRequest {
  @IsString()
  @IsNotEmpty({ message: 'Vælg en sagstype' })
  @MaxLength(40)
  caseType!: string;

  @OptionalUuidField('Ugyldig person', 'all')
  personId?: string | null;

  @OptionalText(120)
  newPersonName?: string | null;

  @VersionField()
  version!: number;
}

export class ListSignalsQueryDto extends PageQueryDto implements ListSignalsQuery {
  @Omittable()
  @IsIn(Object.values(SignalStatus), { message: 'Ukendt status' })
  status?: SignalStatus;

  @Omittable()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  mine?: boolean;

  @Omittable()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  open?: boolean;
}
