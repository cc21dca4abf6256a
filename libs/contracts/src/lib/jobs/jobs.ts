/** A background job that failed for good (its retries used up): what the admin sees, no payload. */
export interface FailedJob {
  id: string;
  /** The queue or schedule, e.g. `restance-import`, `restance-retention`. */
  queue: string;
  createdAt: string;
  /** When the last attempt failed (null if pg-boss did not record it). */
  failedAt: string | null;
  attempts: number;
  /** The error's type (never its message, which may quote personal data). */
  error: string;
}
