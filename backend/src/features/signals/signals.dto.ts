import {
  ConvertSignalRequest,
  CreateSignalRequest,
  ListSignalsQuery,
  SignalSource,
  SignalStatus,
  UpdateSignalRequest,
} from '@bofast/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { VERSION_MESSAGE, emptyToNull, toBool, trim } from '../../common/http/transforms';

const VERSION = VERSION_MESSAGE;

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

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(120, { message: 'Højst 120 tegn' })
  reporter?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldigt lejemål' })
  tenancyId?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldig person' })
  personId?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldig medarbejder' })
  assigneeId?: string | null;

  @IsOptional()
  @IsISO8601({}, { message: 'Skal være en dato' })
  receivedAt?: string;
}

export class UpdateSignalDto implements UpdateSignalRequest {
  @IsOptional()
  @IsIn(Object.values(SignalStatus), { message: 'Ukendt status' })
  status?: SignalStatus;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldig medarbejder' })
  assigneeId?: string | null;

  @IsInt(VERSION)
  @Min(1, VERSION)
  version!: number;
}

export class ConvertSignalDto implements ConvertSignalRequest {
  @IsString()
  @IsNotEmpty({ message: 'Vælg en sagstype' })
  @MaxLength(40)
  caseType!: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Ugyldig person' })
  personId?: string | null;

  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(120, { message: 'Højst 120 tegn' })
  newPersonName?: string | null;

  @IsInt(VERSION)
  @Min(1, VERSION)
  version!: number;
}

export class ListSignalsQueryDto extends PageQueryDto implements ListSignalsQuery {
  @IsOptional()
  @IsIn(Object.values(SignalStatus), { message: 'Ukendt status' })
  status?: SignalStatus;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  mine?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'Skal være true eller false' })
  open?: boolean;
}
