import type { Server } from 'node:http';

import type { NextFunction, Request, Response } from 'express';

/** Seconds a client is told to wait (Retry-After) while Bofast drains or its database is away. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * What the process knows about its own state, for the request gate, the error filter and health:
 * whether it is shutting down, and why the embedded database is not serving (when it is restarting).
 */
class ServiceState {
  draining = false;
  inFlight = 0;
  private databaseProblemSource: () => string | null = () => null;
  private idleWaiters: Array<() => void> = [];

  /** Set by main.ts when it runs the embedded PostgreSQL. */
  watchDatabase(problem: () => string | null): void {
    this.databaseProblemSource = problem;
  }

  databaseProblem(): string | null {
    return this.databaseProblemSource();
  }

  requestStarted(): void {
    this.inFlight += 1;
  }

  requestEnded(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /** Resolves when no request is in flight, or after `timeoutMs` (true when drained). */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

export const serviceState = new ServiceState();

/**
 * The first middleware: counts requests in flight, and once shutdown has begun refuses new ones with
 * 503 before anything runs (so nothing is half-done). Every answer given after shutdown began closes
 * its kept-alive connection, so clients move on before the server closes the rest.
 */
export function requestGate(_req: Request, res: Response, next: NextFunction): void {
  if (serviceState.draining) {
    res.setHeader('Connection', 'close');
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(503).json({
      statusCode: 503,
      code: 'SHUTTING_DOWN',
      message: 'Bofast genstarter. Prøv igen om et øjeblik.',
    });
    return;
  }
  serviceState.requestStarted();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    serviceState.requestEnded();
  };
  res.once('finish', end);
  res.once('close', end);
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    if (serviceState.draining && !this.headersSent) this.setHeader('Connection', 'close');
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as typeof res.writeHead;
  next();
}

/**
 * Graceful stop of the HTTP side. While requests in flight finish (at most `drainMs`, at least
 * `refuseMs`), the server keeps listening and answers every new request 503 `SHUTTING_DOWN` with
 * `Connection: close`: a request is either served whole or refused before it starts, and a kept-alive
 * client learns it on its next request rather than by a connection closed under it. Then the server
 * stops listening and closes what is left.
 */
export async function drainHttp(
  server: Server,
  drainMs: number,
  refuseMs = 1000,
): Promise<{ drained: boolean; inFlight: number }> {
  serviceState.draining = true;
  const started = Date.now();
  const drained = await serviceState.idle(drainMs);
  const rest = refuseMs - (Date.now() - started);
  if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  const left = serviceState.inFlight;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await Promise.race([closed, new Promise((r) => setTimeout(r, 1000))]);
  return { drained, inFlight: left };
}
