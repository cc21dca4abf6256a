import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthResponse } from '@bofast/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

import { Public } from '../../common/auth/decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** 200 when the database answers, 503 when it does not. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const up = await this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
    if (!up) res.status(503);
    return {
      status: up ? 'ok' : 'error',
      database: up ? 'up' : 'down',
      version: process.env['npm_package_version'] ?? '0.1.0',
    };
  }
}
