import {
  ConvertSignalRequest,
  CreateSignalRequest,
  ListSignalsQuery,
  SignalSource,
  SignalStatus,
  UpdateSignalRequest,
} from '@bofast/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

import { Omittable, TimestampField, VersionField } from '../../common/http/fields';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { emptyToNull, toBool, trim } from '../../common/http/transforms';

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

  @Omittable()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(120, { message: 'Højst 120 tegn' })
  reporter?: string | null;

  @Omittable()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldigt lejemål' })
  tenancyId?: string | null;

  @Omittable()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldig person' })
  personId?: string | null;

  @Omittable()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldig medarbejder' })
  assigneeId?: string | null;

  @Omittable()
  @TimestampField({ notFuture: true })
  receivedAt?: string;
}

export class UpdateSignalDto implements UpdateSignalRequest {
  @Omittable()
  @IsIn(Object.values(SignalStatus), { message: 'Ukendt status' })
  status?: SignalStatus;

  @Omittable()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldig medarbejder' })
  assigneeId?: string | null;

  @VersionField()
  version!: number;
}

export class ConvertSignalDto implements ConvertSignalRequest {
  @IsString()
  @IsNotEmpty({ message: 'Vælg en sagstype' })
  @MaxLength(40)
  caseType!: string;

  @Omittable()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldig person' })
  personId?: string | null;

  @Omittable()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(120, { message: 'Højst 120 tegn' })
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
