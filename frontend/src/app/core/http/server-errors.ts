import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, FormGroup } from '@angular/forms';

import type { ApiError } from '@bofast/contracts';

export function readApiError(error: unknown): ApiError | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body = error.error as Partial<ApiError> | null;
  if (body && typeof body === 'object' && typeof body.message === 'string') {
    return {
      statusCode: body.statusCode ?? error.status,
      code: body.code ?? '',
      message: body.message,
      fields: body.fields,
      requestId: body.requestId,
    };
  }
  return null;
}

/**
 * Puts the `fields` messages of a 400 answer on the matching form controls as `server` errors.
 * Returns the message to show above the form when no field took it.
 */
export function applyServerErrors(
  form: FormGroup,
  error: unknown,
  fieldAliases: Record<string, string> = {},
): string | null {
  const apiError = readApiError(error);
  if (!apiError) return null;
  let unmatched = false;
  for (const [field, messages] of Object.entries(apiError.fields ?? {})) {
    // Own keys only: an answer may name a field `__proto__` (a refused prototype-named key).
    const path = Object.hasOwn(fieldAliases, field) ? fieldAliases[field] : field;
    const control: AbstractControl | null = form.get(path);
    if (control && messages.length > 0) {
      control.setErrors({ ...control.errors, server: messages.join(' ') });
      control.markAsTouched();
    } else {
      unmatched = true;
    }
  }
  return !apiError.fields || unmatched ? apiError.message : null;
}
