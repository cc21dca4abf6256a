/** One page of a server-side paged list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

/** The body of every 4xx/5xx answer from the API. `fields` maps a field name to its messages. */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  fields?: Record<string, string[]>;
  /** On 409 VERSION_CONFLICT: the record as it is now, so the caller can show it and retry. */
  current?: unknown;
  requestId?: string;
}
