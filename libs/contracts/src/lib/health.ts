export interface HealthResponse {
  status: 'ok' | 'error' | 'shutting_down';
  database: 'up' | 'down';
  /** Why the database is down (e.g. "embedded PostgreSQL stopped (SIGKILL); restarting"); no personal data. */
  reason?: string;
  version: string;
}
