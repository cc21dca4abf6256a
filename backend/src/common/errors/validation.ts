import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import { inspectInput } from '../http/input-guard';
import { NOT_NULL_CONSTRAINT } from '../http/fields';

export const VALIDATION_MESSAGE = 'Der er fejl i de indtastede oplysninger.';

function collect(errors: ValidationError[], prefix: string, out: Record<string, string[]>): void {
  for (const e of errors) {
    const key = prefix ? `${prefix}.${e.property}` : e.property;
    // A missing value gets one clear message ("Skal udfyldes") instead of every rule it also breaks.
    if (e.constraints) {
      const empty = e.value === undefined || e.value === null || e.value === '';
      out[key] =
        e.constraints['isNotEmpty'] && empty
          ? [e.constraints['isNotEmpty']]
          : e.constraints[NOT_NULL_CONSTRAINT] && e.value === null
            ? [e.constraints[NOT_NULL_CONSTRAINT]]
            : Object.values(e.constraints);
    }
    if (e.children?.length) collect(e.children, key, out);
  }
}

/** 400 VALIDATION_FAILED naming each field (the body every form shows next to its fields). */
export function validationFailed(fields: Record<string, string[]>): BadRequestException {
  return new BadRequestException({ code: 'VALIDATION_FAILED', message: VALIDATION_MESSAGE, fields });
}

/**
 * Express middleware after the body parsers: refuses bad text and prototype-named keys in the body
 * and the query before any guard (passport's login reads the body) or handler sees them.
 */
export function inputGuardMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const fields = { ...inspectInput(req.query), ...inspectInput(req.body) };
  next(Object.keys(fields).length ? validationFailed(fields) : undefined);
}

/** The global ValidationPipe, with the same input walk for what the middleware did not see (multipart fields). */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const fields = inspectInput(value);
      if (Object.keys(fields).length) throw validationFailed(fields);
    }
    return super.transform(value, metadata);
  }
}

/** Strict global validation; answers 400 with `fields` (Danish messages from the DTOs). */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fields: Record<string, string[]> = {};
      collect(errors, '', fields);
      return validationFailed(fields);
    },
  });
}
