import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { type ImportPreview, type RestanceImportSummary, Role } from '@bofast/contracts';

import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { ImportPage } from './import-page';

const PREVIEW: ImportPreview = {
  filename: 'restance-nov.csv',
  fileHash: 'abc',
  alreadyImported: false,
  counts: { total: 12, new: 3, changed: 4, unchanged: 2, disappeared: 1, rejected: 2 },
  errors: [
    { row: 7, column: 'Restance', value: '12x', message: 'Ugyldigt beløb' },
    { row: 9, column: 'Lejemål', value: null, message: 'Mangler lejemålsnummer' },
  ],
  missingColumns: [],
  detected: { encoding: 'windows-1252', delimiter: ';', format: 'csv', headerRow: 2 },
};

function summary(overrides: Partial<RestanceImportSummary>): RestanceImportSummary {
  return {
    id: 'i1',
    boligorganisation: { id: 'b1', name: 'Boligselskabet Fjordly' },
    listDate: '2026-11-01',
    filename: 'restance-nov.csv',
    status: 'queued',
    progress: { done: 0, total: 0 },
    counts: null,
    errors: [],
    error: null,
    createdAt: '2026-11-23T10:00:00Z',
    committedAt: null,
    listState: null,
    purgedAt: null,
    ...overrides,
  };
}

async function setup(role: Role = Role.OekonomiskRaadgiver, boAnswer: 'list' | 403 = 'list') {
  TestBed.configureTestingModule({ imports: [ImportPage], providers: provideAppTesting() });
  await signIn(createUser(role));
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(ImportPage);
  fixture.detectChanges();
  const bo = http.expectOne('/api/organisations/boligorganisationer');
  if (boAnswer === 'list') {
    bo.flush([{ id: 'b1', name: 'Boligselskabet Fjordly', cvr: null, afdelinger: [] }]);
  } else {
    bo.flush({ statusCode: 403, message: 'Forbidden' }, { status: 403, statusText: 'Forbidden' });
    http.expectOne('/api/restance/imports').flush([summary({ status: 'committed' })]);
  }
  http.expectOne('/api/restance/imports?boligorganisationId=b1').flush([]);
  fixture.detectChanges();
  const component = fixture.componentInstance;
  const file = new File(['Afdeling;Lejemål;Restance\n1;101;2500'], 'restance-nov.csv', { type: 'text/csv' });
  component['pickFile']({ target: { files: [file], value: '' } } as unknown as Event);
  component['form'].controls.month.setValue('2026-11');
  const element = fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => element.querySelector(`[data-testid="${id}"]`);
  return { fixture, component, http, element, byTestId };
}

describe(ImportPage.name, () => {
  afterEach(() => {
    jest.useRealTimers();
    TestBed.inject(HttpTestingController).verify();
  });

  it('should show counts, detected format and row errors from the preview', async () => {
    const { fixture, component, http, element, byTestId } = await setup();
    await component.runPreview();
    const request = http.expectOne('/api/restance/imports/preview');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(
      expect.objectContaining({ boligorganisationId: 'b1', listDate: '2026-11-01', filename: 'restance-nov.csv' }),
    );
    expect(typeof request.request.body.base64).toBe('string');
    request.flush(PREVIEW);
    fixture.detectChanges();

    expect(byTestId('restance-preview-card')).not.toBeNull();
    expect(byTestId('preview-count-new')?.textContent?.trim()).toBe('3');
    expect(byTestId('preview-count-changed')?.textContent?.trim()).toBe('4');
    expect(byTestId('preview-count-unchanged')?.textContent?.trim()).toBe('2');
    expect(byTestId('preview-count-disappeared')?.textContent?.trim()).toBe('1');
    expect(byTestId('preview-count-rejected')?.textContent?.trim()).toBe('2');
    expect(byTestId('preview-count-total')?.textContent?.trim()).toBe('12');
    expect(byTestId('restance-preview-card')?.textContent).toContain('Forsvundne (afviklet)');
    expect(byTestId('restance-detected')?.textContent).toContain('windows-1252');
    const rows = element.querySelectorAll('[data-testid="preview-error-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('7');
    expect(rows[0].textContent).toContain('Restance');
    expect(rows[0].textContent).toContain('12x');
    expect(rows[0].textContent).toContain('Ugyldigt beløb');
    expect(byTestId('restance-already-imported')).toBeNull();
    expect((byTestId('restance-commit') as HTMLButtonElement).disabled).toBe(false);
  });

  it('should block the commit and name missing columns', async () => {
    const { fixture, component, http, byTestId } = await setup();
    await component.runPreview();
    http
      .expectOne('/api/restance/imports/preview')
      .flush({ ...PREVIEW, missingColumns: ['amount'], alreadyImported: true });
    fixture.detectChanges();
    expect(byTestId('restance-missing-columns')?.textContent).toContain('Restancebeløb');
    expect(byTestId('restance-already-imported')?.textContent).toContain('Allerede indlæst');
    expect((byTestId('restance-commit') as HTMLButtonElement).disabled).toBe(true);
  });

  it('should refuse files over 5 MB without calling the API', async () => {
    const { fixture, component, byTestId } = await setup();
    const big = new File(['x'], 'stor.xlsx');
    Object.defineProperty(big, 'size', { value: 6 * 1024 * 1024 });
    component['pickFile']({ target: { files: [big], value: '' } } as unknown as Event);
    fixture.detectChanges();
    expect(byTestId('restance-file-error')?.textContent).toContain('højst være 5 MB');
    await component.runPreview();
  });

  it('should show the Danish message of a refused file at the file field', async () => {
    const { fixture, component, http, byTestId } = await setup();
    await component.runPreview();
    const message =
      'Filen har for mange kolonner (16.384; højst 200). Slet tomme kolonner, eller gem kun restancelisten.';
    http
      .expectOne('/api/restance/imports/preview')
      .flush(
        { statusCode: 422, code: 'FILE_REJECTED', message, fields: { base64: [message] } },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    fixture.detectChanges();
    expect(byTestId('restance-file-error')?.textContent?.trim()).toBe(message);
    expect(byTestId('restance-error')).toBeNull();
    expect(byTestId('restance-preview-card')).toBeNull();
  });

  it('should poll the import every second, show progress and then the result', async () => {
    const { fixture, component, http, byTestId } = await setup();
    await component.commit();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/restance/imports');
    jest.useFakeTimers();
    post.flush(summary({ status: 'queued' }));
    fixture.detectChanges();
    expect(byTestId('restance-progress')).not.toBeNull();

    jest.advanceTimersByTime(1000);
    http.expectOne('/api/restance/imports/i1').flush(summary({ status: 'running', progress: { done: 5, total: 10 } }));
    fixture.detectChanges();
    const bar = byTestId('restance-progress') as HTMLElement;
    expect(bar.getAttribute('role')).toBe('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(bar.getAttribute('aria-labelledby')).toBe('restance-progress-label');

    jest.advanceTimersByTime(1000);
    const counts = { total: 10, new: 10, changed: 0, unchanged: 0, disappeared: 0, rejected: 0 };
    http
      .expectOne('/api/restance/imports/i1')
      .flush(summary({ status: 'committed', progress: { done: 10, total: 10 }, counts }));
    http.expectOne('/api/restance/imports?boligorganisationId=b1').flush([summary({ status: 'committed', counts })]);
    fixture.detectChanges();

    expect(byTestId('restance-progress')).toBeNull();
    expect(byTestId('restance-result-status')?.textContent).toContain('Indlæst');
    expect(byTestId('restance-open-worklist')?.getAttribute('href')).toBe('/restance');
    expect(fixture.nativeElement.querySelectorAll('[data-testid="restance-history-row"]')).toHaveLength(1);

    jest.advanceTimersByTime(3000);
    http.expectNone('/api/restance/imports/i1');
  });

  it('should show Uændret at once when the same file was imported before', async () => {
    const { fixture, component, http, byTestId } = await setup();
    await component.commit();
    http
      .expectOne((r) => r.method === 'POST' && r.url === '/api/restance/imports')
      .flush(summary({ status: 'unchanged' }));
    http.expectOne('/api/restance/imports?boligorganisationId=b1').flush([]);
    fixture.detectChanges();
    expect(byTestId('restance-result-status')?.textContent).toContain('Uændret (samme fil)');
  });

  it('should mark a list retention has anonymised in the history, with the reason for screen readers', async () => {
    const { fixture, component, http, byTestId } = await setup();
    await component.commit();
    http
      .expectOne((r) => r.method === 'POST' && r.url === '/api/restance/imports')
      .flush(summary({ status: 'unchanged' }));
    http
      .expectOne('/api/restance/imports?boligorganisationId=b1')
      .flush([
        summary({ id: 'old', status: 'committed', listState: 'lukket', purgedAt: '2026-12-01T08:00:00Z' }),
        summary({ id: 'new', status: 'committed', listState: 'modtaget' }),
      ]);
    fixture.detectChanges();
    const purged = fixture.nativeElement.querySelectorAll('[data-testid="restance-purged"]');
    expect(purged).toHaveLength(1);
    expect(purged[0].textContent).toContain('Anonymiseret');
    expect(purged[0].textContent).toContain('rækker uden sag er anonymiseret');
    expect(byTestId('restance-purged')?.closest('tr')?.textContent).toContain('Lukket');
  });

  it('should take the boligorganisation from the import history when organisations are forbidden', async () => {
    const { component, byTestId } = await setup(Role.Boligorganisation, 403);
    expect(component['form'].controls.boligorganisationId.value).toBe('b1');
    expect((byTestId('restance-bo') as HTMLInputElement).value).toBe('Boligselskabet Fjordly');
    expect(byTestId('restance-open-worklist')).toBeNull();
  });
});
