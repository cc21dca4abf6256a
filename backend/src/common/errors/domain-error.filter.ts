import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError } from '@bofast/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';

import { MAX_JSON_DEPTH } from '../http/input-guard';
import { RETRY_AFTER_SECONDS } from '../lifecycle/service-state';
import { isDatabaseUnavailable } from './database-unavailable';
import { databaseRefusal, describeForLog } from './database-refusal';
import { DomainError, DomainErrorCode } from './domain-error';

function assertUnreachable(x: never): never {
  throw new Error(`Unhandled error code ${String(x)}`);
}

export function statusFor(code: DomainErrorCode): number {
  switch (code) {
    case 'NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'VERSION_CONFLICT':
    case 'ALREADY_EXISTS':
    case 'INVALID_STATE':
    case 'CONSENT_REQUIRED':
      return HttpStatus.CONFLICT;
    case 'VALIDATION_FAILED':
      return HttpStatus.BAD_REQUEST;
    case 'FILE_REJECTED':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return HttpStatus.UNAUTHORIZED;
    case 'LOGIN_THROTTLED':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'CSRF_REJECTED':
    case 'FORBIDDEN':
    case 'PASSWORD_CHANGE_REQUIRED':
      return HttpStatus.FORBIDDEN;
    case 'ACTIVATION_EXPIRED':
      return HttpStatus.GONE;
    default:
      return assertUnreachable(code);
  }
}

const HTTP_CODES: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', 'Forespørgslen er ugyldig.'],
  401: ['UNAUTHENTICATED', 'Du skal logge ind.'],
  403: ['FORBIDDEN', 'Du har ikke adgang til dette.'],
  404: ['NOT_FOUND', 'Siden eller ressourcen findes ikke.'],
  405: ['METHOD_NOT_ALLOWED', 'Metoden er ikke tilladt.'],
  410: ['GONE', 'Ressourcen findes ikke længere.'],
  413: ['PAYLOAD_TOO_LARGE', 'Forespørgslen er for stor.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Formatet understøttes ikke.'],
  429: ['TOO_MANY_REQUESTS', 'For mange forespørgsler. Prøv igen om lidt.'],
  503: ['SERVICE_UNAVAILABLE', 'Bofast kan ikke nå sin database lige nu. Prøv igen om lidt.'],
};

/** At most one warning per window while the database is away, with the number of answers it stands for. */
const OUTAGE_LOG_WINDOW_MS = 10_000;

/** Turns every error into the ApiError body. Unknown errors become 500 without details (logged). */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  private outageLoggedAt = 0;
  private outageSuppressed = 0;

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    body.requestId = req.id ? String(req.id) : undefined;
    if (exception instanceof DomainError && exception.details.retryAfterSeconds) {
      res.setHeader('Retry-After', String(exception.details.retryAfterSeconds));
    }
    if (body.statusCode === 503) {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      this.logOutage(exception);
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: describeForLog(exception), requestId: body.requestId }, 'Unhandled error');
    } else if (exception instanceof QueryFailedError) {
      // Bad input the database refused: worth a line (names only), never the driver's words.
      this.logger.warn({ err: describeForLog(exception), requestId: body.requestId }, 'Input refused by the database');
    }
    res.status(body.statusCode).json(body);
  }

  private logOutage(exception: unknown): void {
    const now = Date.now();
    if (now - this.outageLoggedAt < OUTAGE_LOG_WINDOW_MS) {
      this.outageSuppressed += 1;
      return;
    }
    this.logger.warn(
      { err: { type: (exception as Error)?.constructor?.name }, since: this.outageSuppressed },
      'Database unavailable: answering 503',
    );
    this.outageLoggedAt = now;
    this.outageSuppressed = 0;
  }

  private toBody(exception: unknown): ApiError {
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: HTTP_CODES[503][1] };
    }
    if (exception instanceof DomainError) {
      const status = statusFor(exception.code);
      return {
        statusCode: status,
        code: exception.code,
        message: exception.message,
        ...(exception.details.fields ? { fields: exception.details.fields } : {}),
        ...(exception.details.current !== undefined ? { current: exception.details.current } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse() as {
        fields?: Record<string, string[]>;
        code?: string;
        message?: unknown;
      };
      const [code, message] = HTTP_CODES[status] ?? ['HTTP_ERROR', exception.message];
      return {
        statusCode: status,
        code: response.code ?? code,
        message: typeof response.message === 'string' && response.fields ? response.message : message,
        ...(response.fields ? { fields: response.fields } : {}),
      };
    }
    if (exception instanceof QueryFailedError) {
      const refused = databaseRefusal(exception);
      if (refused) return refused;
    }
    const err = exception as { type?: string; status?: number };
    if (err?.type === 'entity.parse.failed')
      return { statusCode: 400, code: 'BAD_JSON', message: 'Forespørgslen er ikke gyldig JSON.' };
    if (err?.type === 'entity.too.deep')
      return {
        statusCode: 400,
        code: 'JSON_TOO_DEEP',
        message: `Forespørgslen er indlejret for dybt (højst ${MAX_JSON_DEPTH} niveauer).`,
      };
    if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported')
      return { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: HTTP_CODES[415][1] };
    if (err?.type === 'entity.too.large')
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Forespørgslen er for stor.' };
    return { statusCode: 500, code: 'INTERNAL', message: 'Der opstod en uventet fejl. Prøv igen.' };
  }
}
