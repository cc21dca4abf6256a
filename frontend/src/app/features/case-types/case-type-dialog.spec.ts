import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';

import { provideAppTesting } from '../../../testing/testing-providers';
import { CASE_TYPE_CODE_PATTERN, CaseTypeDialog } from './case-type-dialog';

async function setup() {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [CaseTypeDialog],
    providers: [...provideAppTesting(), { provide: MatDialogRef, useValue: { close } }],
  });
  const fixture = TestBed.createComponent(CaseTypeDialog);
  fixture.detectChanges();
  TestBed.tick();
  flushList();
  await fixture.whenStable();
  const http = TestBed.inject(HttpTestingController);
  const el = fixture.nativeElement as HTMLElement;
  const type = (testId: string, value: string) => {
    const input = el.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
    if (!input) throw new Error(testId);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="case-type-submit"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, el, close, type, submit, http };
}

describe('CASE_TYPE_CODE_PATTERN', () => {
  it.each(['ab', 'boligsocial_2', 'a'.repeat(40)])('should accept the code %s', (code) => {
    expect(CASE_TYPE_CODE_PATTERN.test(code)).toBe(true);
  });

  it.each(['a', 'Oekonomi', 'gæld', 'med mellemrum', 'bindes-streg', 'a'.repeat(41)])(
    'should reject the code %s',
    (code) => {
      expect(CASE_TYPE_CODE_PATTERN.test(code)).toBe(false);
    },
  );
});

/** The shared case-type list loads when its store is first used; the dialog only posts. */
function flushList(): void {
  TestBed.inject(HttpTestingController)
    .match({ method: 'GET', url: '/api/case-types' })
    .forEach((r) => r.flush([]));
}

describe(CaseTypeDialog.name, () => {
  afterEach(() => {
    flushList();
    TestBed.inject(HttpTestingController).verify();
  });

  it('should not send a code that breaks the pattern', async () => {
    const { el, type, submit, http } = await setup();
    type('case-type-code', 'Ny-Type');
    type('case-type-label-da', 'Ny type');
    type('case-type-label-en', 'New type');
    await submit();
    http.expectNone({ method: 'POST', url: '/api/case-types' });
    expect(el.querySelector('[data-testid="case-type-code-pattern"]')?.textContent).toContain('små bogstaver');
  });

  it('should send a valid case type and close with it', async () => {
    const { type, submit, http, close } = await setup();
    type('case-type-code', 'boligsocial_hjaelp');
    type('case-type-label-da', ' Boligsocial hjælp ');
    type('case-type-label-en', 'Housing support');
    await submit();
    const request = http.expectOne({ method: 'POST', url: '/api/case-types' });
    expect(request.request.body).toEqual({
      code: 'boligsocial_hjaelp',
      labelDa: 'Boligsocial hjælp',
      labelEn: 'Housing support',
    });
    const created = { code: 'boligsocial_hjaelp', labelDa: 'x', labelEn: 'y', isBuiltin: false, isActive: true };
    request.flush(created);
    expect(close).toHaveBeenCalledWith(created);
  });

  it('should say the code is in use on a 409', async () => {
    const { fixture, el, type, submit, http, close } = await setup();
    type('case-type-code', 'nabokonflikt');
    type('case-type-label-da', 'Nabokonflikt');
    type('case-type-label-en', 'Neighbour dispute');
    await submit();
    http
      .expectOne({ method: 'POST', url: '/api/case-types' })
      .flush({ statusCode: 409, code: 'conflict', message: 'Conflict' }, { status: 409, statusText: 'Conflict' });
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="case-type-code-taken"]')?.textContent).toContain('Koden er i brug');
    expect(close).not.toHaveBeenCalled();
  });
});
