import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';

import { applyServerErrors } from './server-errors';

function badRequest(body: object): HttpErrorResponse {
  return new HttpErrorResponse({ status: 400, error: body });
}

describe('applyServerErrors', () => {
  const form = () =>
    new FormGroup({
      displayName: new FormControl<string | null>(null),
      rule: new FormGroup({ months: new FormControl<number | null>(null) }),
    });

  it('should put the Danish field messages of the hardened validation on their controls', () => {
    const f = form();
    const message = applyServerErrors(
      f,
      badRequest({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Der er fejl i de indtastede oplysninger.',
        fields: {
          displayName: ['Indeholder ugyldige tegn (NUL-tegn eller ufuldstændige Unicode-tegn)'],
          'rule.months': ['Må ikke være tom'],
        },
      }),
    );
    expect(message).toBeNull();
    expect(f.get('displayName')?.errors).toEqual({
      server: 'Indeholder ugyldige tegn (NUL-tegn eller ufuldstændige Unicode-tegn)',
    });
    expect(f.get('rule.months')?.errors).toEqual({ server: 'Må ikke være tom' });
  });

  it('should show the general message for a field no control has, even one named __proto__', () => {
    const f = form();
    const fields = JSON.parse('{"__proto__": ["Feltnavnet er ikke tilladt"]}');
    const message = applyServerErrors(
      f,
      badRequest({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'Der er fejl.', fields }),
    );
    expect(message).toBe('Der er fejl.');
    expect(f.valid).toBe(true);
  });

  it('should show BAD_JSON, which has no fields, above the form', () => {
    const message = applyServerErrors(
      form(),
      badRequest({ statusCode: 400, code: 'BAD_JSON', message: 'Forespørgslen er ikke gyldig JSON.' }),
    );
    expect(message).toBe('Forespørgslen er ikke gyldig JSON.');
  });
});
