// Hostile and huge restancelister against the built backend: each is refused with a Danish 4xx
// within 5 s, while /api/health keeps answering (polled every 200 ms) and a valid list still imports.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { login, makeDatabase, query, sleep, startBofast } from './support/bofast-process.mjs';
import {
  fullSheetWorkbook,
  randomBytes,
  slowWorkbook,
  twoRowWorkbook,
  wideCsv,
  zipBombWorkbook,
} from './support/hostile-files.mjs';

const ANSWER_WITHIN_MS = 5_000;
const HEALTH_WITHIN_MS = 2_000; // 1 s is the aim; 2 s is accepted on a busy machine (clarifications §8)
const HEADER = 'Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Påkrav;Ophævelse;Betalingsaftale';

const HOSTILE = [
  ['the 1.6 KB full-sheet workbook (A1:XFD1048576)', fullSheetWorkbook, 'liste.xlsx', /for mange kolonner \(16\.384/],
  ['the two-row variant (A1:XFD2)', twoRowWorkbook, 'liste.xlsx', /for mange kolonner \(16\.384/],
  ['a CSV with 1,000,000 columns', wideCsv, 'liste.csv', /linje i filen er for lang/],
  ['a zip bomb (300 MB of sheet XML)', () => zipBombWorkbook(300), 'liste.xlsx', /fylder for meget udpakket/],
  ['a file of random bytes', () => randomBytes(256 * 1024), 'liste.csv', /hverken en CSV-fil eller et regneark/],
  ['a workbook within the limits that reads too slowly', () => slowWorkbook(75_000), 'liste.xlsx', /for lang tid/],
];

/** Polls /api/health every 200 ms until stopped (at most `maxPolls`), recording each answer's time. */
function pollHealth(baseUrl, maxPolls = 3_000) {
  const samples = [];
  let stopped = false;
  const done = (async () => {
    for (let i = 0; i < maxPolls && !stopped; i++) {
      const started = performance.now();
      let status = 0;
      try {
        const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = -1;
      }
      samples.push({ ms: performance.now() - started, status, at: new Date().toISOString() });
      await sleep(200);
    }
  })();
  return {
    samples,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

describe('hostile and huge uploads', { timeout: 600_000 }, () => {
  let db;
  let app;
  let oekonomi;
  let boId;
  let health;

  const files = new Map();

  before(async () => {
    // Made first: the slowest takes seconds to pack, and the files, not the packing, are under test.
    for (const [label, make] of HOSTILE) files.set(label, make());
    db = await makeDatabase();
    app = await startBofast(db);
    oekonomi = await login(app.baseUrl, 'oekonomi');
    [{ id: boId }] = await query(db.url, `SELECT id FROM boligorganisation WHERE name = 'Boligselskabet Fjordly'`);
    health = pollHealth(app.baseUrl);
  });

  after(async () => {
    await health?.stop();
    await app?.stop();
    await db?.drop();
  });

  // The server closes a keep-alive connection after 5 s idle; a request that meets such a socket
  // (EPIPE/ECONNRESET before any answer) is sent again, at most twice.
  const send = async (path, bytes, filename, attempts = 3) => {
    const started = performance.now();
    let res;
    try {
      res = await oekonomi.request(
        'POST',
        path,
        { boligorganisationId: boId, listDate: '2026-09-01', filename, base64: bytes.toString('base64') },
        { timeoutMs: 30_000 },
      );
    } catch (error) {
      if (attempts > 1 && ['EPIPE', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(error.cause?.code)) {
        return send(path, bytes, filename, attempts - 1);
      }
      throw error;
    }
    return { status: res.status, body: await res.json(), ms: performance.now() - started };
  };

  for (const [label, , filename, message] of HOSTILE) {
    it(`should refuse ${label} with a Danish 422 within 5 s on preview and upload`, async () => {
      const bytes = files.get(label);
      assert.ok(bytes.length <= 5_500_000, `the file fits the upload limit (${bytes.length} bytes)`);
      for (const path of ['/api/restance/imports/preview', '/api/restance/imports']) {
        const res = await send(path, bytes, filename);
        assert.equal(res.status, 422, `${path}: ${JSON.stringify(res.body).slice(0, 300)}`);
        assert.equal(res.body.code, 'FILE_REJECTED');
        assert.match(res.body.message, message);
        assert.ok(res.ms <= ANSWER_WITHIN_MS, `${path} answered in ${Math.round(res.ms)} ms`);
      }
    });
  }

  it('should leave no import behind for a refused file', async () => {
    const [{ n }] = await query(db.url, `SELECT count(*)::int AS n FROM restance_import`);
    assert.equal(n, 0);
  });

  it('should still preview and import a valid list', async () => {
    const csv = Buffer.from([HEADER, '12;H-1;Anna;Vej 1;1.250,00;1;;;', '12;H-2;Bo;Vej 2;800,00;1;;;'].join('\r\n'));
    const preview = await send('/api/restance/imports/preview', csv, 'sep.csv');
    assert.equal(preview.status, 201, JSON.stringify(preview.body));
    assert.equal(preview.body.counts.total, 2);
    const upload = await send('/api/restance/imports', csv, 'sep.csv');
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    let status = upload.body.status;
    for (let i = 0; i < 150 && ['queued', 'running'].includes(status); i++) {
      await sleep(200);
      const res = await oekonomi.request('GET', `/api/restance/imports/${upload.body.id}`);
      status = (await res.json()).status;
    }
    assert.equal(status, 'committed');
    const rows = await query(db.url, `SELECT count(*)::int AS n FROM restance_row WHERE import_id = $1`, [
      upload.body.id,
    ]);
    assert.equal(rows[0].n, 2);
  });

  it('should have answered every health probe within 2 s throughout', async () => {
    await health.stop();
    const { samples } = health;
    assert.ok(samples.length >= 20, `${samples.length} probes`);
    const slow = samples.filter((s) => s.status !== 200 || s.ms > HEALTH_WITHIN_MS);
    const worst = Math.max(...samples.map((s) => s.ms));
    console.log(`health: ${samples.length} probes, slowest ${Math.round(worst)} ms`);
    assert.deepEqual(slow, []);
  });
});
