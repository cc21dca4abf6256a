import {
  fullSheetWorkbook,
  randomBytes,
  sheetXml,
  twoRowWorkbook,
  wideCsv,
  workbook,
  zipBombWorkbook,
} from '../../../backend/src/features/restance/parsing/hostile-files.fixture';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

// Under ts-jest there is no built worker file: the parser runs in-process here (parse-in-worker.ts),
// so this suite proves the limits and the answers; tests/ops/hostile-files.test.mjs proves the
// worker, its time budget and the health probes against the built backend.
describe('Restanceliste: hostile and huge files', () => {
  let t: TestApp;
  let adviser: ApiClient;
  let boligorg: ApiClient;
  let boId: string;

  beforeAll(async () => {
    t = await createTestApp();
    adviser = await t.loginAs('oekonomi');
    boligorg = await t.loginAs('boligorg');
    [{ id: boId }] = await t.dataSource.query(`SELECT id FROM boligorganisation WHERE name = 'Boligselskabet Fjordly'`);
    // The suites share one database: another may have given Fjordly an ERP's own headers. These files
    // use the standard ones, so the organisation gets the default profile back.
    await t.dataSource.query(`DELETE FROM import_profile WHERE boligorganisation_id = $1`, [boId]);
  });

  afterAll(() => t.close());

  const imports = async () => {
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM restance_import`);
    return n as number;
  };

  const body = (bytes: Buffer, filename: string) => ({
    boligorganisationId: boId,
    listDate: '2026-10-01',
    filename,
    base64: bytes.toString('base64'),
  });

  describe.each([
    ['POST /api/restance/imports/preview', '/api/restance/imports/preview'],
    ['POST /api/restance/imports', '/api/restance/imports'],
  ])('%s', (_name, path) => {
    it.each([
      ['the 1.6 KB full-sheet workbook', fullSheetWorkbook, 'liste.xlsx', /for mange kolonner \(16\.384; højst 200\)/],
      ['the two-row full-width workbook', twoRowWorkbook, 'liste.xlsx', /for mange kolonner \(16\.384; højst 200\)/],
      [
        'a workbook with a cell beyond the row limit',
        () => workbook(sheetXml('A1', [[200_001, [['A200001', 1]]]])),
        'liste.xlsx',
        /for mange rækker \(200\.001; højst 200\.000\)/,
      ],
      ['a CSV with 1,000,000 columns', wideCsv, 'liste.csv', /linje 1; højst 100\.000 tegn/],
      [
        'a CSV with 201 columns',
        () => Buffer.from(`${Array.from({ length: 201 }, (_, i) => `k${i}`).join(';')}\r\n`),
        'liste.csv',
        /for mange kolonner \(201; højst 200\)/,
      ],
      ['a zip bomb', () => zipBombWorkbook(150), 'liste.xlsx', /fylder for meget udpakket .*højst 100 MB/],
      ['random bytes', () => randomBytes(), 'liste.csv', /hverken en CSV-fil eller et regneark/],
    ])('should answer 422 FILE_REJECTED for %s and store nothing', async (_label, make, filename, message) => {
      const before = await imports();
      const started = Date.now();
      const res = await adviser.post(path, body(make(), filename));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'FILE_REJECTED', message: expect.stringMatching(message) });
      expect(res.body.fields.base64[0]).toBe(res.body.message);
      // Answered, not hung: a generous bound (a loaded 2-core CI machine took 7 s for the zip bomb);
      // the parse budget itself is proved by the ops hostile-files test.
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(await imports()).toBe(before);
    });

    it('should answer 400 for a workbook whose sheet inflates to more than its header declares', async () => {
      const xml = sheetXml('A1', [[1, [['A1', 'x'.repeat(5000)]]]]);
      const res = await adviser.post(path, body(workbook(xml, { 'xl/worksheets/sheet1.xml': 100 }), 'liste.xlsx'));
      expect(res.status).toBe(400);
      expect(res.body.fields.base64[0]).toMatch(/Regnearket kan ikke læses/);
    });
  });

  it('should refuse the full-sheet workbook from the boligorganisation role too', async () => {
    const [{ boligorganisation_id: own }] = await t.dataSource.query(
      `SELECT boligorganisation_id FROM app_user WHERE username = 'boligorg'`,
    );
    const res = await boligorg.post('/api/restance/imports/preview', {
      ...body(fullSheetWorkbook(), 'liste.xlsx'),
      boligorganisationId: own,
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('FILE_REJECTED');
  });

  it('should answer 404 without reading the file for an organisation the caller may not import for', async () => {
    const foreign = {
      ...body(fullSheetWorkbook(), 'liste.xlsx'),
      boligorganisationId: '00000000-0000-4000-8000-000000000000',
    };
    for (const path of ['/api/restance/imports/preview', '/api/restance/imports']) {
      const res = await boligorg.post(path, foreign);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  it('should still read a workbook within the limits by its actual cells', async () => {
    const xml = sheetXml('A1:E3', [
      [
        1,
        [
          ['A1', 'Afd.'],
          ['B1', 'Lejemålsnr.'],
          ['C1', 'Lejer'],
          ['E1', 'Restance'],
        ],
      ],
      [
        3,
        [
          ['A3', 12],
          ['B3', 'W-1'],
          ['C3', 'Vera'],
          ['E3', 450.5],
        ],
      ],
    ]);
    const res = await adviser.post('/api/restance/imports/preview', body(workbook(xml), 'liste.xlsx'));
    expect(res.status).toBe(201);
    expect(res.body.counts).toMatchObject({ total: 1, rejected: 0 });
    expect(res.body.detected).toMatchObject({ format: 'xlsx', headerRow: 1 });
  });
});
