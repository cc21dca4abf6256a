import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { static as serveStatic } from 'express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

import { createOpenApiDocument } from '../common/openapi/openapi-document';
import { createValidationPipe, inputGuardMiddleware } from '../common/errors/validation';
import { badJsonMapper, verifyJsonDepth } from '../common/http/input-guard';
import type { AppConfig } from '../config/config';

/** Everything main.ts and the API tests share: prefix, security headers, validation, OpenAPI, SPA. */
export async function configureApp(
  app: NestExpressApplication,
  config: AppConfig,
): Promise<{ frontendDir: string | null; document: OpenAPIObject }> {
  if (config.TRUST_PROXY) app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  // API answers carry personal data: never stored by a browser or proxy, so no ETag to compute either
  // (hashing a 40 kB worklist page per request was a tenth of its cost).
  app.set('etag', false);
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(cookieParser());
  // Large enough for a scanned consent declaration (5 MB as base64); nesting deeper than
  // MAX_JSON_DEPTH is refused by a byte scan before JSON.parse (400 JSON_TOO_DEEP).
  app.useBodyParser('json', { limit: '8mb', verify: verifyJsonDepth });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.use(badJsonMapper);
  // Then every body and query is walked once for NUL, lone surrogates and prototype-named keys.
  app.use('/api', inputGuardMiddleware);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const document = await createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document);

  const frontendDir = resolve(config.FRONTEND_DIST ?? join(process.cwd(), 'dist/frontend/browser'));
  if (!existsSync(join(frontendDir, 'index.html'))) return { frontendDir: null, document };
  // The built frontend, never looked up for API paths (a file-system stat per API request otherwise).
  const assets = serveStatic(frontendDir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.path.startsWith('/api') ? next() : assets(req, res, next),
  );
  // Client-side routes: any other GET outside /api answers the Angular index.html.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(frontendDir, 'index.html'));
  });
  return { frontendDir, document };
}
