import { HttpErrorResponse } from '@angular/common/http';

export function isConflict(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 409;
}

export function isBadRequest(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 400;
}
