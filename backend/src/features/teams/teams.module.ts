import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { TeamsController } from './teams.controller';
import { TeamsRepository } from './teams.repository';
import { TeamsService } from './teams.service';

@Module({
  controllers: [TeamsController],
  imports: [AuthModule],
  providers: [TeamsRepository, TeamsService],
})
export class TeamsModule {}
