import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthResponse } from '@bofast/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

import { ApiResult } from '../../common/openapi/api-result';
import { Public } from '../../common/auth/decorators';
import { RETRY_AFTER_SECONDS, serviceState } from '../../common/lifecycle/service-state';

/** A health probe must answer quickly even while the pool waits for a database that is away. */
const PROBE_TIMEOUT_MS = 1500;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** 200 when the database answers; 503 with the reason when it does not, or while shutting down. */
  @Public()
  @ApiOperation({ summary: 'Liveness and database readiness' })
  @ApiResult('HealthResponse')
  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const version = process.env['npm_package_version'] ?? '0.1.0';
    const known = serviceState.databaseProblem();
    let reason: string | undefined = known ?? undefined;
    if (!known) {
      let timer: NodeJS.Timeout | undefined;
      reason = await Promise.race([
        this.dataSource.query('SELECT 1').then(
          () => undefined,
          (error: unknown) => `database unreachable (${(error as { code?: string })?.code ?? 'error'})`,
        ),
        new Promise<string>((resolve) => {
          timer = setTimeout(() => resolve(`database did not answer within ${PROBE_TIMEOUT_MS} ms`), PROBE_TIMEOUT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
    }
    if (reason || serviceState.draining) {
      res.status(503);
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    return {
      status: serviceState.draining ? 'shutting_down' : reason ? 'error' : 'ok',
      database: reason ? 'down' : 'up',
      ...(reason ? { reason } : {}),
      version,
    };
  }
}
