import { JobsService } from '../../../backend/src/features/jobs/jobs.service';
import { RestanceRetention } from '../../../backend/src/features/restance/restance-retention';
import { teamIdOf } from './support/casework';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

const HEADER = 'Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Påkrav;Ophævelse;Betalingsaftale';

function csv(rows: string[]): string {
  return Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8').toString('base64');
}

describe('Restanceliste', () => {
  let t: TestApp;
  let adviser: ApiClient;
  let boId: string;
  /** This suite's committed lists by list date (the API suites share one database). */
  const ourLists: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    adviser = await t.loginAs('oekonomi');
    [{ id: boId }] = await t.dataSource.query(`SELECT id FROM boligorganisation WHERE name = 'Boligselskabet Fjordly'`);
  });

  afterAll(() => t.close());

  async function upload(client: ApiClient, listDate: string, base64: string, filename = 'restance.csv') {
    const res = await client.post('/api/restance/imports', { boligorganisationId: boId, listDate, filename, base64 });
    if (res.status !== 201) return res;
    await t.app.get(JobsService).drain();
    return client.get(`/api/restance/imports/${res.body.id}`);
  }

  async function rowsOf(importId: string) {
    return t.dataSource.query(`SELECT * FROM restance_row WHERE import_id = $1 ORDER BY row_key`, [importId]);
  }

  const counts = async () => {
    const [r] = await t.dataSource
      .query(`SELECT (SELECT count(*) FROM restance_row)::int AS rows, (SELECT count(*) FROM lejemaal)::int AS tenancies,
      (SELECT count(*) FROM restance_import)::int AS imports`);
    return r;
  };

  it('should preview a list without writing anything, with counts and Danish row errors', async () => {
    const before = await counts();
    const res = await adviser.post('/api/restance/imports/preview', {
      boligorganisationId: boId,
      listDate: '2026-08-01',
      filename: 'aug.csv',
      base64: csv(['12;P-1;A;Vej 1;1.000,00;1;;;', '12;P-2;B;Vej 2;12,3,4;1;;;', '99;P-3;C;Vej 3;100;;;;']),
    });
    expect(res.status).toBe(201);
    expect(res.body.counts).toEqual({ total: 3, new: 1, changed: 0, unchanged: 0, disappeared: 0, rejected: 2 });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'Restance', value: '12,3,4' }),
      expect.objectContaining({ row: 4, message: 'Afdeling 99 findes ikke hos boligorganisationen' }),
    ]);
    expect(res.body.detected).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', headerRow: 1 });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an empty file', '', /Filen er tom/],
    [
      'a file without the required columns',
      Buffer.from('Navn;Adresse\nA;B\n').toString('base64'),
      /mangler kolonner: afdeling, lejemålsnummer, restancebeløb/,
    ],
    [
      'a broken spreadsheet',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('junk')]).toString('base64'),
      /Regnearket kan ikke læses/,
    ],
  ])('should refuse %s with a clear message and leave the database as it was', async (_label, base64, message) => {
    const before = await counts();
    const res = await adviser.post('/api/restance/imports', {
      boligorganisationId: boId,
      listDate: '2026-08-01',
      filename: 'x.csv',
      base64,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.fields ?? res.body)).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('should apply nothing when a list fails half-way (one transaction)', async () => {
    const before = await counts();
    const res = await upload(
      adviser,
      '2026-07-01',
      csv(['12;F-1;Ny lejer;Ny vej 1;100,00;;;;', '12;F-2;Kæmpe;Ny vej 2;99.999.999.999.999,00;;;;']),
    );
    expect(res.body.status).toBe('failed');
    expect(res.body.error).toBeTruthy();
    const after = await counts();
    expect({ rows: after.rows, tenancies: after.tenancies }).toEqual({
      rows: before.rows,
      tenancies: before.tenancies,
    });
  });

  describe('three months in a row', () => {
    let months: Array<{ id: string; counts: Record<string, number> }> = [];

    beforeAll(async () => {
      const sep = csv([
        '12;12-0103;Fatima Ali;Engparken 3, 1. th.;1.000,00;1;;;nej',
        '12;M-2;Bo Berg;Vej 2;2.000,00;2;;;nej',
        '14;M-3;Cia Crone;Vej 3;500,00;1;;;',
      ]);
      const oct = csv([
        '12;12-0103;Fatima Ali;Engparken 3, 1. th.;1.500,00;2;05-10-2026;;nej',
        '12;M-2;Bo Berg;Vej 2;2.000,00;3;;;ja',
        '12;M-4;Dan Dahl;Vej 4;700,00;1;;;',
      ]);
      const nov = csv([
        '12;12-0103;Fatima Ali;Engparken 3, 1. th.;1.500,00;3;05-10-2026;01.11.26;nej',
        '12;M-2;Bo Berg;Vej 2;2.500,00;4;;;ja',
        '14;M-3;Cia Crone;Vej 3;800,00;1;;;',
      ]);
      months = [];
      for (const [date, file] of [
        ['2026-09-01', sep],
        ['2026-10-01', oct],
        ['2026-11-01', nov],
      ]) {
        const res = await upload(adviser, date, file, `${date}.csv`);
        expect(res.body.status).toBe('committed');
        months.push(res.body);
        ourLists[date] = res.body.id;
      }
    });

    it('should count new, changed, unchanged and disappeared per month', () => {
      expect(months.map((m) => m.counts)).toEqual([
        { total: 3, new: 3, changed: 0, unchanged: 0, disappeared: 0, rejected: 0 },
        { total: 3, new: 1, changed: 1, unchanged: 1, disappeared: 1, rejected: 0 },
        { total: 3, new: 1, changed: 1, unchanged: 1, disappeared: 1, rejected: 0 },
      ]);
    });

    it('should give each tenancy its change, both months’ amounts and its run of months', async () => {
      const nov = Object.fromEntries(
        (await rowsOf(months[2].id)).map((r: { lejemaalsnummer: string }) => [r.lejemaalsnummer, r]),
      );
      expect(nov['12-0103']).toMatchObject({
        change: 'uaendret',
        amount: '1500.00',
        previous_amount: '1500.00',
        repeat_count: 3,
      });
      expect(nov['M-2']).toMatchObject({
        change: 'steget',
        amount: '2500.00',
        previous_amount: '2000.00',
        repeat_count: 3,
      });
      expect(nov['M-3']).toMatchObject({ change: 'ny', previous_amount: null, repeat_count: 1 });
      expect(nov['M-4']).toMatchObject({ change: 'afviklet', amount: '0.00', previous_amount: '700.00' });
    });

    it('should explain the triage score with reasons', async () => {
      const list = await adviser.get('/api/restance/worklist?pageSize=50&sort=priority');
      const byNumber = Object.fromEntries(
        list.body.items.map((r: { lejemaalsnummer: string }) => [r.lejemaalsnummer, r]),
      );
      const fatima = byNumber['12-0103'];
      expect(fatima.reasons.map((r: { rule: string }) => r.rule)).toEqual(
        expect.arrayContaining(['amount', 'months', 'ophaevelse', 'children', 'repeat']),
      );
      expect(fatima.priority).toBe(fatima.reasons.reduce((s: number, r: { points: number }) => s + r.points, 0));
      expect(byNumber['M-2'].reasons.map((r: { rule: string }) => r.rule)).toContain('broken_agreement');
      expect(list.body.items[0].priority).toBeGreaterThanOrEqual(list.body.items[1].priority);
    });

    it('should put the month’s arrears on the open case of the tenancy', async () => {
      const [c] = await t.dataSource.query(
        `SELECT s.id FROM sag s JOIN lejemaal l ON l.id = s.lejemaal_id WHERE l.lejemaalsnummer = '12-0103'`,
      );
      const timeline = await adviser.get(`/api/cases/${c.id}/timeline?types=arrears_update`);
      expect(
        timeline.body.items.map((e: { data: { change: string; listDate: string } }) => [
          e.data.listDate,
          e.data.change,
        ]),
      ).toEqual([
        ['2026-11-01', 'uaendret'],
        ['2026-10-01', 'steget'],
        ['2026-09-01', 'ny'],
      ]);
    });

    it('should change nothing when the same file is imported again', async () => {
      const before = await counts();
      const nov = csv([
        '12;12-0103;Fatima Ali;Engparken 3, 1. th.;1.500,00;3;05-10-2026;01.11.26;nej',
        '12;M-2;Bo Berg;Vej 2;2.500,00;4;;;ja',
        '14;M-3;Cia Crone;Vej 3;800,00;1;;;',
      ]);
      const again = await upload(adviser, '2026-11-01', nov, 'igen.csv');
      expect(again.body.status).toBe('unchanged');
      const after = await counts();
      expect(after.rows).toBe(before.rows);
      expect(after.tenancies).toBe(before.tenancies);
    });

    it('should filter the worklist to "ny + påkrav" and flag rows a newer list has cleared', async () => {
      const ny = await adviser.get('/api/restance/worklist?change=ny&pageSize=50');
      expect(ny.body.items.map((r: { lejemaalsnummer: string }) => r.lejemaalsnummer)).toEqual(['M-3']);
      const paakrav = await adviser.get('/api/restance/worklist?paakrav=true');
      expect(paakrav.body.items.map((r: { lejemaalsnummer: string }) => r.lejemaalsnummer)).toEqual(['12-0103']);
      const [oldRow] = await t.dataSource.query(
        `SELECT id FROM restance_row WHERE import_id = $1 AND lejemaalsnummer = 'M-4'`,
        [months[1].id],
      );
      const old = await adviser.get(`/api/restance/worklist/${oldRow.id}`);
      expect(old.body.supersededByNewerList).toBe(true);
    });

    it('should answer the page as the same WorklistRow JSON as a single row, with numbers, dates and a total', async () => {
      const res = await adviser.get('/api/restance/worklist?paakrav=true');
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
      const [row] = res.body.items;
      expect(row).toMatchObject({
        lejemaalsnummer: '12-0103',
        listDate: '2026-11-01',
        amount: 1500,
        previousAmount: 1500,
        change: 'uaendret',
        repeatCount: 3,
        assignee: null,
        caseId: expect.any(String),
        supersededByNewerList: false,
      });
      expect(row.paakravDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Array.isArray(row.reasons)).toBe(true);
      expect((await adviser.get(`/api/restance/worklist/${row.id}`)).body).toEqual(row);
      // Past the last page: no rows, the same total.
      const past = await adviser.get('/api/restance/worklist?paakrav=true&page=9');
      expect(past.body).toEqual({ items: [], total: 1, page: 9, pageSize: 50 });
    });

    it('should export the filtered worklist as CSV and XLSX', async () => {
      const res = await adviser.get('/api/restance/worklist/export?format=csv&change=steget');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      expect(res.headers['content-disposition']).toContain('restanceliste-2026-11-01.csv');
      const lines = res.text.trim().split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(';"M-2";');
      const xlsx = await adviser.agent
        .get('/api/restance/worklist/export?format=xlsx')
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(xlsx.status).toBe(200);
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    });

    it('should let the team lead assign rows in bulk, and the adviser work and convert one', async () => {
      const lead = await t.loginAs('teamleder');
      const list = await lead.get('/api/restance/worklist?change=ny,steget');
      const me = (await adviser.get('/api/auth/me')).body;
      const assigned = await lead.post('/api/restance/worklist/assign', {
        rowIds: list.body.items.map((r: { id: string }) => r.id),
        assigneeId: me.id,
      });
      expect(assigned.body.assigned).toBe(list.body.items.length);
      const mine = await adviser.get('/api/restance/worklist?mine=true');
      expect(mine.body.total).toBe(list.body.items.length);
      const row = mine.body.items.find((r: { lejemaalsnummer: string }) => r.lejemaalsnummer === 'M-3');
      const attempt = await adviser.post(`/api/restance/worklist/${row.id}/contact-attempts`, {
        channel: 'doerbank',
        outcome: 'ikke_hjemme',
      });
      expect(attempt.body).toMatchObject({ outreachStatus: 'forsoegt', attempts: 1 });
      const converted = await adviser.post(`/api/restance/worklist/${row.id}/convert`, {
        version: attempt.body.version,
      });
      expect(converted.status).toBe(201);
      expect(converted.body).toMatchObject({ type: 'oekonomi_restance', person: { name: 'Cia Crone' } });
      const after = await adviser.get(`/api/restance/worklist/${row.id}`);
      expect(after.body).toMatchObject({ outreachStatus: 'sag_oprettet', caseId: converted.body.id });
      const timeline = await adviser.get(`/api/cases/${converted.body.id}/timeline?types=arrears_update`);
      expect(timeline.body.items[0].data).toMatchObject({ amount: 800, change: 'ny' });
      expect(
        (await adviser.post(`/api/restance/worklist/${row.id}/convert`, { version: after.body.version })).status,
      ).toBe(409);
    });

    it('should open the case for the known tenant of the tenancy', async () => {
      const [row] = await t.dataSource.query(
        `SELECT id, version, case_id FROM restance_row WHERE import_id = $1 AND lejemaalsnummer = 'M-2'`,
        [months[2].id],
      );
      const [{ id: tenancyId }] = await t.dataSource.query(`SELECT lejemaal_id AS id FROM restance_row WHERE id = $1`, [
        row.id,
      ]);
      const tenant = await adviser.post('/api/persons', {
        name: 'Bo Berg (kendt)',
        teamId: await teamIdOf(t),
        tenancyId,
        relation: 'lejer',
      });
      expect(tenant.status).toBe(201);
      const converted = await adviser.post(`/api/restance/worklist/${row.id}/convert`, { version: row.version });
      expect(converted.status).toBe(201);
      expect(converted.body.person.id).toBe(tenant.body.id);
    });

    it('should flag a payment agreement at risk when the newest list shows rising arrears', async () => {
      const [c] = await t.dataSource.query(
        `SELECT s.id FROM sag s JOIN lejemaal l ON l.id = s.lejemaal_id WHERE l.lejemaalsnummer = 'M-2' LIMIT 1`,
      );
      let caseId = c?.id as string | undefined;
      if (!caseId) {
        const [row] = await t.dataSource.query(
          `SELECT id, version FROM restance_row WHERE import_id = $1 AND lejemaalsnummer = 'M-2'`,
          [months[2].id],
        );
        caseId = (await adviser.post(`/api/restance/worklist/${row.id}/convert`, { version: row.version })).body.id;
      }
      const bad = await adviser.post(`/api/cases/${caseId}/agreements`, {
        creditor: 'boligorganisation',
        principal: 100,
        installment: 500,
        startDate: '2026-11-01',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.installment).toBeDefined();
      const created = await adviser.post(`/api/cases/${caseId}/agreements`, {
        creditor: 'boligorganisation',
        principal: 2500,
        installment: 500,
        startDate: '2026-12-01',
        status: 'aftalt',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'aftalt', atRisk: true });
      const kept = await adviser.post(`/api/cases/${caseId}/agreements/${created.body.id}/status`, {
        status: 'misligholdt',
        version: created.body.version,
      });
      expect(kept.body).toMatchObject({ status: 'misligholdt', atRisk: false });
      expect(
        (
          await adviser.post(`/api/cases/${caseId}/agreements/${created.body.id}/status`, {
            status: 'aftalt',
            version: kept.body.version,
          })
        ).status,
      ).toBe(409);
      const app = await adviser.post(`/api/cases/${caseId}/applications`, {
        type: 'enkeltydelse',
        authority: 'Fjordby Kommune, Ydelse',
        amount: 2500,
      });
      expect(app.body.status).toBe('forberedes');
      const sent = await adviser.post(`/api/cases/${caseId}/applications/${app.body.id}/status`, {
        status: 'indsendt',
        version: app.body.version,
      });
      expect(sent.body.submittedAt).toBeTruthy();
      const granted = await adviser.post(`/api/cases/${caseId}/applications/${app.body.id}/status`, {
        status: 'bevilget',
        version: sent.body.version,
      });
      expect(granted.body).toMatchObject({ status: 'bevilget' });
      expect(
        (
          await adviser.post(`/api/cases/${caseId}/applications/${app.body.id}/status`, {
            status: 'klage',
            version: granted.body.version,
          })
        ).status,
      ).toBe(409);
      const timeline = await adviser.get(`/api/cases/${caseId}/timeline?types=payment_agreement,help_application`);
      expect(timeline.body.total).toBe(5);
    });

    it('should rescore at once when the team lead changes the weights', async () => {
      const lead = await t.loginAs('teamleder');
      const [team] = await t.dataSource.query(
        `SELECT id FROM team WHERE name = 'Boligsocialt team Engparken og Skovhaven'`,
      );
      const current = await lead.get(`/api/restance/triage-weights?teamId=${team.id}`);
      const changed = await lead.send('put', '/api/restance/triage-weights', {
        teamId: team.id,
        weights: { ...current.body.weights, children: 500 },
        version: current.body.version,
      });
      expect(changed.status).toBe(200);
      const list = await adviser.get('/api/restance/worklist?sort=priority');
      expect(list.body.items[0].lejemaalsnummer).toBe('12-0103');
      expect(list.body.items[0].reasons).toContainEqual({ rule: 'children', points: 500, detail: 'Børn i husstanden' });
      const stale = await lead.send('put', '/api/restance/triage-weights', {
        teamId: team.id,
        weights: current.body.weights,
        version: current.body.version,
      });
      expect(stale.status).toBe(409);
      const bad = await lead.send('put', '/api/restance/triage-weights', {
        teamId: team.id,
        weights: { amount: -1 },
        version: changed.body.version,
      });
      expect(bad.status).toBe(400);
    });

    it('should let a rejected row be corrected and re-applied, updating the counts', async () => {
      const fixed = await upload(
        adviser,
        '2026-12-01',
        csv([
          '12;12-0103;Fatima Ali;Engparken 3, 1. th.;1.500,00;4;05-10-2026;01.11.26;nej',
          '12;M-2;Bo Berg;Vej 2;2,500,00;5;;;ja',
        ]),
        'dec.csv',
      );
      expect(fixed.body.counts).toMatchObject({ rejected: 1, disappeared: 2 });
      const rejected = await adviser.get(`/api/restance/imports/${fixed.body.id}/rejected`);
      expect(rejected.body[0].errors[0].message).toMatch(/kan ikke læses/);
      const bad = await adviser.send('put', `/api/restance/rejected-rows/${rejected.body[0].id}`, {
        afdeling: '12',
        lejemaalsnummer: 'M-2',
        amount: 'to tusind',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.amount[0]).toMatch(/kan ikke læses/);
      const ok = await adviser.send('put', `/api/restance/rejected-rows/${rejected.body[0].id}`, {
        afdeling: '12',
        lejemaalsnummer: 'M-2',
        tenantNames: 'Bo Berg',
        amount: '2.500,00',
        months: '5',
        hasAgreement: true,
      });
      expect(ok.status).toBe(200);
      expect(ok.body.counts).toMatchObject({ rejected: 0, unchanged: 2, disappeared: 1 });
      expect(ok.body.errors).toEqual([]);
      const [row] = await t.dataSource.query(`SELECT change, repeat_count, accepted FROM restance_row WHERE id = $1`, [
        rejected.body[0].id,
      ]);
      expect(row).toEqual({ change: 'uaendret', repeat_count: 4, accepted: true });
      expect(
        (
          await adviser.send('put', `/api/restance/rejected-rows/${rejected.body[0].id}`, {
            afdeling: '12',
            lejemaalsnummer: 'M-2',
            amount: '1',
          })
        ).status,
      ).toBe(409);
    });
    it('should keep the worklist counts equal to the rows after imports, assignment, outreach, conversion and corrections', async () => {
      // The facet counts the triggers keep, against a fresh count of the rows they summarise.
      const drift = await t.dataSource.query(`
        WITH truth AS (
          SELECT import_id, boligorganisation_id, afdeling_id, change, paakrav_date IS NOT NULL AS has_paakrav,
                 ophaevelse_date IS NOT NULL AS has_ophaevelse, outreach_status, assignee_id, count(*)::int AS n
            FROM restance_row WHERE accepted AND afdeling_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8),
        kept AS (SELECT import_id, boligorganisation_id, afdeling_id, change, has_paakrav, has_ophaevelse, outreach_status, assignee_id, n
                   FROM restance_facet WHERE n <> 0)
        (SELECT 'missing' AS side, * FROM truth EXCEPT SELECT 'missing', * FROM kept)
        UNION ALL (SELECT 'extra', * FROM kept EXCEPT SELECT 'extra', * FROM truth)`);
      expect(drift).toEqual([]);
      const [{ rows }] = await t.dataSource.query(`SELECT count(*)::int AS rows FROM restance_row WHERE accepted`);
      expect(rows).toBeGreaterThan(5); // the months above really wrote rows
      const adviser = await t.loginAs('oekonomi');
      const me = (await adviser.get('/api/auth/me')).body;
      const [newest] = await t.dataSource.query(
        `SELECT id FROM restance_import WHERE boligorganisation_id = $1 AND status = 'committed' ORDER BY list_date DESC, committed_at DESC LIMIT 1`,
        [boId],
      );
      const filters: Array<[string, string]> = [
        ['', 'true'],
        ['mine=true', `assignee_id = '${me.id}'`],
        ['unassigned=true', 'assignee_id IS NULL'],
        ['change=ny,steget', "change IN ('ny','steget')"],
        ['outreachStatus=sag_oprettet', "outreach_status = 'sag_oprettet'"],
        ['paakrav=true&change=uaendret', "paakrav_date IS NOT NULL AND change = 'uaendret'"],
      ];
      for (const [query, sql] of filters) {
        const [{ n }] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM restance_row WHERE import_id = $1 AND accepted AND ${sql}`,
          [newest.id],
        );
        const page = await adviser.get(`/api/restance/worklist?${query}`);
        expect({ query, total: page.body.total }).toEqual({ query, total: n });
        const past = await adviser.get(`/api/restance/worklist?${query}&page=99`);
        expect({ query, total: past.body.total, items: past.body.items }).toEqual({ query, total: n, items: [] });
      }
    });
  });

  describe('separation of sides', () => {
    it('should let the boligorganisation upload and see its imports, but never the worklist or cases', async () => {
      const landlord = await t.loginAs('boligorg');
      const res = await upload(landlord, '2026-06-01', csv(['12;L-1;Lis;Vej 9;300,00;1;;;']), 'juni.csv');
      expect(res.body.status).toBe('committed');
      ourLists['2026-06-01'] = res.body.id;
      expect((await landlord.get('/api/restance/imports')).body.length).toBeGreaterThan(0);
      expect((await landlord.get('/api/restance/worklist')).status).toBe(403);
      const [c] = await t.dataSource.query(`SELECT id FROM sag LIMIT 1`);
      expect((await landlord.get(`/api/cases/${c.id}`)).status).toBe(403);
      const [other] = await t.dataSource.query(
        `INSERT INTO boligorganisation (name) VALUES ('Anden Boligorganisation') RETURNING id`,
      );
      const foreign = await landlord.post('/api/restance/imports', {
        boligorganisationId: other.id,
        listDate: '2026-06-01',
        filename: 'x.csv',
        base64: csv(['1;X;Y;Z;1;;;;']),
      });
      expect(foreign.status).toBe(404);
    });
  });

  describe('import profiles', () => {
    it('should read another ERP’s headers once the admin has added them to the profile', async () => {
      const admin = await t.loginAs('admin');
      const file = Buffer.from('Dept,Unit,Tenant,Owed\r\n12,E-1,Eva,"1,250.00"\r\n').toString('base64');
      const refused = await adviser.post('/api/restance/imports/preview', {
        boligorganisationId: boId,
        listDate: '2026-05-01',
        filename: 'erp.csv',
        base64: file,
      });
      expect(refused.body.missingColumns).toEqual(['afdeling', 'lejemaalsnummer', 'amount']);
      const profile = await admin.get(`/api/restance/profiles/${boId}`);
      expect(profile.body.isDefault).toBe(true);
      const saved = await admin.send('put', `/api/restance/profiles/${boId}`, {
        aliases: {
          ...profile.body.aliases,
          afdeling: ['dept'],
          lejemaalsnummer: ['unit'],
          amount: ['owed'],
          tenantNames: ['tenant'],
        },
        version: profile.body.version,
      });
      expect(saved.status).toBe(200);
      const ok = await adviser.post('/api/restance/imports/preview', {
        boligorganisationId: boId,
        listDate: '2026-05-01',
        filename: 'erp.csv',
        base64: file,
      });
      expect(ok.body.missingColumns).toEqual([]);
      expect(ok.body.counts.total).toBe(1);
      expect(ok.body.detected.delimiter).toBe(',');
      const bad = await admin.send('put', `/api/restance/profiles/${boId}`, {
        aliases: { nonsense: ['x'] },
        version: saved.body.version,
      });
      expect(bad.status).toBe(400);
    });
  });

  describe('retention of rows that never became a case', () => {
    // Per list: what the reports count, which retention must leave as it was.
    const numbers = () =>
      t.dataSource.query(`SELECT i.id, count(r.id)::int AS rows, coalesce(sum(r.amount), 0)::text AS amount,
          count(*) FILTER (WHERE r.change = 'ny')::int AS ny, count(r.first_contact_at)::int AS contacted,
          count(r.paakrav_date)::int AS paakrav, count(r.assignee_id)::int AS assigned
        FROM restance_import i LEFT JOIN restance_row r ON r.import_id = i.id
       WHERE i.status = 'committed' GROUP BY i.id ORDER BY i.id`);
    const listOf = async (listDate: string) =>
      (
        await t.dataSource.query(`SELECT id, file_content IS NOT NULL AS has_file FROM restance_import WHERE id = $1`, [
          ourLists[listDate],
        ])
      )[0] as { id: string; has_file: boolean };

    it('should anonymise replaced lists past retention, keeping rows of cases, the newest list and the numbers', async () => {
      const retention = t.app.get(RestanceRetention);
      const before = await numbers();
      // (The API suites share one database: other suites' lists may be purged too, so counts are "at least".)
      // Three months before 1 December 2026: June (replaced since) is older than 1 September.
      expect((await retention.purgeDue(3, '2026-12-01')).lists).toBeGreaterThanOrEqual(1);
      expect((await listOf('2026-06-01')).has_file).toBe(false);
      expect((await listOf('2026-09-01')).has_file).toBe(true);

      // One month: September and October go; November, the newest list, stays whole.
      const result = await retention.purgeDue(1, '2026-12-01');
      expect(result.lists).toBeGreaterThanOrEqual(2);
      const [sep, oct, nov] = await Promise.all(['2026-09-01', '2026-10-01', '2026-11-01'].map(listOf));
      expect([sep.has_file, oct.has_file, nov.has_file]).toEqual([false, false, true]);
      const old = await t.dataSource.query(
        `SELECT tenant_names, address, lejemaalsnummer, lejemaal_id, raw, row_key, case_id, amount
           FROM restance_row WHERE import_id = ANY($1::uuid[])`,
        [[sep.id, oct.id]],
      );
      const unconverted = old.filter((r: { case_id: string | null }) => r.case_id === null);
      expect(unconverted.length).toBeGreaterThan(0);
      expect(result.rows).toBeGreaterThanOrEqual(unconverted.length);
      for (const r of unconverted) {
        expect(r).toMatchObject({ tenant_names: '', address: null, lejemaalsnummer: '', lejemaal_id: null, raw: {} });
        expect(r.row_key).toMatch(/^anonymiseret:/);
      }
      // Fatima Ali's rows belong to her case and are kept whole.
      const kept = old.filter((r: { case_id: string | null }) => r.case_id !== null);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.every((r: { tenant_names: string }) => r.tenant_names === 'Fatima Ali')).toBe(true);
      // The newest list's rows keep their names, and every count and sum is as it was.
      const newest = await rowsOf(nov.id);
      expect(newest.map((r: { tenant_names: string }) => r.tenant_names)).toContain('Cia Crone');
      expect(await numbers()).toEqual(before);
      const [{ drift }] = await t.dataSource.query(`SELECT count(*)::int AS drift FROM (
          SELECT import_id, sum(n) AS n FROM restance_facet GROUP BY import_id
          EXCEPT SELECT import_id, count(*) FROM restance_row WHERE accepted AND afdeling_id IS NOT NULL GROUP BY import_id) d`);
      expect(drift).toBe(0);

      // The import history says so, and the worklist (newest list) is unchanged.
      const summary = await adviser.get(`/api/restance/imports/${oct.id}`);
      expect(summary.body.purgedAt).toEqual(expect.any(String));
      expect(summary.body.errors).toEqual([]);
      expect((await adviser.get(`/api/restance/imports/${nov.id}`)).body.purgedAt).toBeNull();
      const page = await adviser.get('/api/restance/worklist?pageSize=50');
      expect(page.body.items.map((r: { tenantNames: string }) => r.tenantNames)).toContain('Cia Crone');

      // Nothing more is due: a second run changes nothing.
      expect(await retention.purgeDue(1, '2026-12-01')).toEqual({ lists: 0, rows: 0, uploads: 0 });
    });

    it('should delete the files of failed uploads past retention', async () => {
      const [failed] = await t.dataSource.query(
        `SELECT id FROM restance_import WHERE status = 'failed' AND file_content IS NOT NULL LIMIT 1`,
      );
      expect(failed).toBeDefined();
      // Uploaded today: not due on today's date, due a month and a day later.
      const retention = t.app.get(RestanceRetention);
      expect((await retention.purgeDue(1)).uploads).toBe(0);
      const [{ later }] = await t.dataSource.query(`SELECT (current_date + 32)::text AS later`);
      expect((await retention.purgeDue(1, later)).uploads).toBeGreaterThan(0);
      const [row] = await t.dataSource.query(`SELECT file_content, purged_at FROM restance_import WHERE id = $1`, [
        failed.id,
      ]);
      expect(row.file_content).toBeNull();
      expect(row.purged_at).not.toBeNull();
    });
  });
});
