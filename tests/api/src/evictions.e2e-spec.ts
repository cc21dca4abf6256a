import { addDays, addMonths, earliestOphaevelse, paakravDeadline } from '@bofast/contracts';

import { danishDate } from '../../../backend/src/common/text/danish';
import { danishToday } from '@bofast/contracts';
import { JobsService } from '../../../backend/src/features/jobs/jobs.service';
import { newCase, newPerson, newTenancy } from './support/casework';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

describe('Udsættelsessager', () => {
  let t: TestApp;
  let worker: ApiClient;
  let lead: ApiClient;
  const today = danishToday();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.loginAs('beboerraadgiver');
    lead = await t.loginAs('teamleder');
  });

  afterAll(() => t.close());

  /** A case with its own tenancy and an eviction case linked to it. */
  async function fresh(client = worker) {
    const tenancy = await newTenancy(t, client);
    const sag = await newCase(t, client, { tenancyId: tenancy.id });
    const res = await client.post('/api/evictions', { tenancyId: tenancy.id, caseIds: [sag.id], ground: 'restance' });
    expect(res.status).toBe(201);
    return { tenancyId: tenancy.id, caseId: sag.id, eviction: res.body };
  }

  async function stage(id: string, body: Record<string, unknown>, client = worker) {
    const current = await client.get(`/api/evictions/${id}`);
    return client.post(`/api/evictions/${id}/stages`, { source: 'brev', version: current.body.version, ...body });
  }

  async function timelineTypes(caseId: string, client = worker) {
    const res = await client.get(`/api/cases/${caseId}/timeline?pageSize=100`);
    return res.body.items.map((e: { type: string; data: Record<string, unknown> }) => ({ type: e.type, data: e.data }));
  }

  it('should create an eviction case for a case’s tenancy, linked to the case, with the worker responsible', async () => {
    const { caseId, eviction } = await fresh();
    expect(eviction).toMatchObject({
      ground: 'restance',
      status: 'aaben',
      currentStage: null,
      responsible: { displayName: 'Ahmad Hassan' },
      cases: [expect.objectContaining({ id: caseId })],
      version: 1,
    });
    expect((await timelineTypes(caseId)).map((e: { type: string }) => e.type)).toContain('eviction_linked');
    const list = await worker.get(`/api/evictions?caseId=${caseId}`);
    expect(list.body.map((e: { id: string }) => e.id)).toEqual([eviction.id]);
  });

  it('should seed the demo world with Fatima Ali’s ophævelse and a flagged fogedsag in Engparken 7', async () => {
    const list = await worker.get('/api/evictions?status=aktive');
    const byAddress = Object.fromEntries(
      list.body.map((e: { tenancy: { address: string } }) => [e.tenancy.address.split(',')[0], e]),
    );
    expect(byAddress['Engparken 7']).toMatchObject({
      currentStage: 'retsmoede',
      flags: { noKommuneNotification: true },
      nextDeadline: { kind: 'retsmoede', date: addDays(today, 12), time: '09:30', daysLeft: 12 },
    });
    // Fatima Ali's (the restance suite's lists may add entries for her lejemål later in the run).
    const fatima = await t.dataSource.query(
      `SELECT s.stage, s.stage_date - (now() AT TIME ZONE 'Europe/Copenhagen')::date AS days,
              s.move_out_date - (now() AT TIME ZONE 'Europe/Copenhagen')::date AS move_out
         FROM eviction_stage s JOIN eviction_case e ON e.id = s.eviction_case_id JOIN lejemaal l ON l.id = e.lejemaal_id
        WHERE l.lejemaalsnummer = '12-0103' AND s.source = 'brev' ORDER BY s.stage_date`,
    );
    expect(fatima).toEqual([
      { stage: 'paakrav', days: -30, move_out: null },
      { stage: 'ophaevelse', days: -9, move_out: 7 },
    ]);
  });

  it('should refuse a second open eviction case for the same tenancy with 409', async () => {
    const { tenancyId } = await fresh();
    const again = await worker.post('/api/evictions', { tenancyId, ground: 'mislighold' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('allerede en åben udsættelsessag');
  });

  it('should reject bad input with Danish field messages and write nothing', async () => {
    const { eviction } = await fresh();
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM eviction_stage`);
    const bad = await worker.post(`/api/evictions/${eviction.id}/stages`, {
      stage: 'fogedret',
      date: '05-11-2026',
      source: 'brev',
      amount: -3,
      version: eviction.version,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['amount', 'date', 'stage']);
    const kommune = await worker.post(`/api/evictions/${eviction.id}/stages`, {
      stage: 'kommune_underrettet',
      date: today,
      source: 'medarbejder',
      version: eviction.version,
    });
    expect(kommune.status).toBe(400);
    expect(kommune.body.fields).toEqual({
      notifiedBy: ['Angiv hvem der underrettede kommunen'],
      channel: ['Angiv hvordan kommunen blev underrettet'],
    });
    const berammet = await worker.post(`/api/evictions/${eviction.id}/stages`, {
      stage: 'udsaettelse_berammet',
      date: addDays(today, 30),
      source: 'brev',
      version: eviction.version,
    });
    expect(berammet.body.fields).toEqual({ time: ['Angiv klokkeslættet'] });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM eviction_stage`)).toEqual(before);
  });

  it('should compute the påkrav deadline and earliest ophævelse on the working-day calendar', async () => {
    const { eviction, caseId } = await fresh();
    // Sent Friday 20 March 2026: +14 days is Friday 3 April 2026 = langfredag; then påskedag, 2. påskedag.
    const res = await stage(eviction.id, { stage: 'paakrav', date: '2026-03-20', amount: 8450.5 });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([]);
    const kinds = Object.fromEntries(
      res.body.eviction.deadlines.map((d: { kind: string; date: string }) => [d.kind, d.date]),
    );
    expect(kinds).toEqual({ paakrav_frist: '2026-04-07', tidligst_ophaevelse: '2026-04-08' });
    expect(paakravDeadline('2026-03-20')).toBe('2026-04-07');
    expect(res.body.eviction.currentStage).toBe('paakrav');
    expect(res.body.eviction.stages[0]).toMatchObject({ stage: 'paakrav', amount: 8450.5, source: 'brev' });
    const events = await timelineTypes(caseId);
    expect(events).toContainEqual({
      type: 'eviction_stage',
      data: expect.objectContaining({ stage: 'paakrav', date: '2026-03-20', source: 'brev', outOfOrder: false }),
    });
  });

  it('should accept stages out of order with a warning and a stored marker, never reordering them', async () => {
    const { eviction } = await fresh();
    const oph = await stage(eviction.id, { stage: 'ophaevelse', date: '2026-05-04', moveOutDate: '2026-05-15' });
    expect(oph.status).toBe(201);
    expect(oph.body.warnings).toEqual([]);
    // The påkrav letter arrives late: less than 14 days before the ophævelse.
    const late = await stage(eviction.id, { stage: 'paakrav', date: '2026-04-28' });
    expect(late.status).toBe(201);
    expect(late.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'out_of_order',
      'before_earliest_ophaevelse',
    ]);
    const stages = late.body.eviction.stages;
    expect(stages.map((s: { stage: string }) => s.stage)).toEqual(['ophaevelse', 'paakrav']);
    expect(stages.map((s: { outOfOrder: boolean }) => s.outOfOrder)).toEqual([false, true]);
    expect(late.body.eviction.currentStage).toBe('ophaevelse');
    const [row] = await t.dataSource.query(`SELECT out_of_order FROM eviction_stage WHERE id = $1`, [stages[1].id]);
    expect(row.out_of_order).toBe(true);
    // A rykker dated after the ophævelse does not fit the chain's dates either.
    const rykker = await stage(eviction.id, { stage: 'rykker', date: '2026-05-10' });
    expect(rykker.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'out_of_order',
      'date_before_earlier_stage',
    ]);
  });

  it('should warn when an ophævelse is dated before the påkrav deadline ran out', async () => {
    const { eviction } = await fresh();
    await stage(eviction.id, { stage: 'paakrav', date: '2026-06-01' });
    const early = await stage(eviction.id, { stage: 'ophaevelse', date: '2026-06-10' });
    expect(early.body.warnings.map((w: { code: string }) => w.code)).toEqual(['before_earliest_ophaevelse']);
    expect(earliestOphaevelse('2026-06-01')).toBe('2026-06-16');
  });

  it('should keep the stage history append-only in the database', async () => {
    const { eviction } = await fresh();
    await stage(eviction.id, { stage: 'rykker', date: today });
    await expect(t.dataSource.query(`UPDATE eviction_stage SET note = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM eviction_stage`)).rejects.toThrow(/append-only/);
  });

  it('should answer 409 to a stale version and lose nothing', async () => {
    const { eviction } = await fresh();
    const first = await worker.post(`/api/evictions/${eviction.id}/stages`, {
      stage: 'rykker',
      date: today,
      source: 'brev',
      version: eviction.version,
    });
    expect(first.status).toBe(201);
    const stale = await lead.post(`/api/evictions/${eviction.id}/stages`, {
      stage: 'paakrav',
      date: today,
      source: 'brev',
      version: eviction.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current.stages).toHaveLength(1);
  });

  it('should list upcoming deadlines sorted by date with days left, and flag a fogedsag without kommune notification', async () => {
    const { eviction } = await fresh();
    const court = addDays(today, 10);
    const berammet = addDays(today, 40);
    await stage(eviction.id, { stage: 'paakrav', date: addDays(today, -60) });
    await stage(eviction.id, { stage: 'ophaevelse', date: addDays(today, -30) });
    await stage(eviction.id, { stage: 'begaering_indgivet', date: addDays(today, -20) });
    await stage(eviction.id, { stage: 'retsmoede', date: court, time: '09:30' });
    const res = await stage(eviction.id, { stage: 'udsaettelse_berammet', date: berammet, time: '10:00' });
    expect(res.body.eviction.flags).toMatchObject({ noKommuneNotification: true, noRecentContact: true });
    const upcoming = await worker.get('/api/evictions/upcoming');
    expect(upcoming.status).toBe(200);
    const mine = upcoming.body.filter((i: { evictionId: string }) => i.evictionId === eviction.id);
    expect(mine.map((i: { deadline: { kind: string; date: string; daysLeft: number } }) => i.deadline)).toEqual([
      expect.objectContaining({ kind: 'retsmoede', date: court, time: '09:30', daysLeft: 10 }),
      expect.objectContaining({ kind: 'udsaettelse', date: berammet, time: '10:00', daysLeft: 40 }),
    ]);
    const dates = upcoming.body.map((i: { deadline: { date: string } }) => i.deadline.date);
    expect([...dates].sort()).toEqual(dates);
    const notified = await stage(eviction.id, {
      stage: 'kommune_underrettet',
      date: addDays(today, -20),
      notifiedBy: 'boligorganisation',
      channel: 'digital_post',
    });
    expect(notified.body.warnings.map((w: { code: string }) => w.code)).toContain('out_of_order');
    expect(notified.body.eviction.flags.noKommuneNotification).toBe(false);
    const range = await worker.get(`/api/evictions/upcoming?from=${addDays(today, 30)}&to=${addDays(today, 60)}`);
    expect(
      range.body
        .filter((i: { evictionId: string }) => i.evictionId === eviction.id)
        .map((i: { deadline: { kind: string } }) => i.deadline.kind),
    ).toEqual(['udsaettelse']);
    expect((await worker.get(`/api/evictions/upcoming?from=${today}&to=${addDays(today, -1)}`)).status).toBe(400);
  });

  it('should clear the no-contact flag when contact is established on a linked case', async () => {
    const { eviction, caseId } = await fresh();
    expect((await worker.get(`/api/evictions/${eviction.id}`)).body.flags.noRecentContact).toBe(true);
    const contact = await worker.post(`/api/cases/${caseId}/contact-attempts`, {
      channel: 'doerbank',
      outcome: 'kontakt_etableret',
    });
    expect(contact.status).toBe(201);
    expect((await worker.get(`/api/evictions/${eviction.id}`)).body.flags.noRecentContact).toBe(false);
  });

  describe('outcomes', () => {
    it('should let a worker propose "undgået – aftale", a team lead approve it, and show both on the timeline', async () => {
      const { eviction, caseId } = await fresh();
      await stage(eviction.id, { stage: 'paakrav', date: addDays(today, -40) });
      await stage(eviction.id, { stage: 'ophaevelse', date: addDays(today, -20) });
      let current = (await worker.get(`/api/evictions/${eviction.id}`)).body;
      const proposed = await worker.post(`/api/evictions/${eviction.id}/outcome`, {
        outcome: 'undgaaet_aftale',
        note: 'Afdragsordning og fortsættelse aftalt med boligorganisationen',
        version: current.version,
      });
      expect(proposed.status).toBe(201);
      expect(proposed.body).toMatchObject({
        status: 'afventer_godkendelse',
        outcome: 'undgaaet_aftale',
        outcomeState: { proposedBy: { displayName: 'Ahmad Hassan' }, approvedBy: null },
      });
      // The worker cannot approve: route permission.
      expect(
        (await worker.post(`/api/evictions/${eviction.id}/outcome/approve`, { version: proposed.body.version })).status,
      ).toBe(403);
      current = proposed.body;
      const approved = await lead.post(`/api/evictions/${eviction.id}/outcome/approve`, { version: current.version });
      expect(approved.status).toBe(201);
      expect(approved.body).toMatchObject({
        status: 'afsluttet',
        outcomeState: { approvedBy: { displayName: 'Peter Holm' } },
        sustained: { dueDate: addMonths(today, 6), checkedAt: null },
      });
      const actions = (await timelineTypes(caseId))
        .filter((e: { type: string }) => e.type === 'eviction_outcome')
        .map((e: { data: { action: string } }) => e.data.action);
      expect(actions.sort()).toEqual(['approved', 'proposed']);
    });

    it('should let a team lead send a proposal back with a mandatory reason', async () => {
      const { eviction } = await fresh();
      const proposed = await worker.post(`/api/evictions/${eviction.id}/outcome`, {
        outcome: 'undgaaet_betalt',
        version: eviction.version,
      });
      const noReason = await lead.post(`/api/evictions/${eviction.id}/outcome/return`, {
        version: proposed.body.version,
      });
      expect(noReason.status).toBe(400);
      expect(noReason.body.fields.reason).toBeDefined();
      const back = await lead.post(`/api/evictions/${eviction.id}/outcome/return`, {
        version: proposed.body.version,
        reason: 'Kvittering for betalingen mangler',
      });
      expect(back.body).toMatchObject({
        status: 'aaben',
        outcome: null,
        outcomeState: { returnedReason: 'Kvittering for betalingen mangler' },
      });
    });

    it('should refuse approval by the same person who proposed (four eyes)', async () => {
      const { eviction } = await fresh(lead);
      const proposed = await lead.post(`/api/evictions/${eviction.id}/outcome`, {
        outcome: 'undgaaet_betalt',
        version: eviction.version,
      });
      const self = await lead.post(`/api/evictions/${eviction.id}/outcome/approve`, { version: proposed.body.version });
      expect(self.status).toBe(409);
      expect(self.body.message).toContain('en anden');
    });

    it('should refuse outcomes that do not fit the recorded stages', async () => {
      const { eviction } = await fresh();
      const res = await worker.post(`/api/evictions/${eviction.id}/outcome`, {
        outcome: 'undgaaet_afvist',
        version: eviction.version,
      });
      expect(res.status).toBe(400);
      expect(res.body.fields.outcome[0]).toContain('udsættelsesbegæringen');
      const moved = await worker.post(`/api/evictions/${eviction.id}/outcome`, {
        outcome: 'fraflyttet_frivilligt',
        version: eviction.version,
      });
      expect(moved.body.fields).toEqual({ rehousingNote: ['Skriv hvor husstanden er flyttet hen (genhusning)'] });
    });

    it('should close at once for a non-avoided outcome, and let a team lead reopen (withdraw) it', async () => {
      const { eviction, caseId } = await fresh();
      const moved = await worker.post(`/api/evictions/${eviction.id}/outcome`, {
        outcome: 'fraflyttet_frivilligt',
        rehousingNote: 'Genhuset i en mindre bolig i afd. 14 via kommunen',
        version: eviction.version,
      });
      expect(moved.body).toMatchObject({ status: 'afsluttet', outcome: 'fraflyttet_frivilligt', sustained: null });
      const reopened = await lead.post(`/api/evictions/${eviction.id}/reopen`, {
        version: moved.body.version,
        reason: 'Fraflytningen blev annulleret',
      });
      expect(reopened.body).toMatchObject({ status: 'aaben', outcome: null });
      const withdrawn = (await timelineTypes(caseId)).find(
        (e: { type: string; data: { action?: string } }) =>
          e.type === 'eviction_outcome' && e.data.action === 'withdrawn',
      );
      expect(withdrawn.data).toMatchObject({
        outcome: 'fraflyttet_frivilligt',
        reason: 'Fraflytningen blev annulleret',
      });
      const stageOnClosed = await stage(eviction.id, { stage: 'rykker', date: today });
      expect(stageOnClosed.status).toBe(201);
    });

    it('should record the sustained check only from its due date, once', async () => {
      const { eviction, caseId } = await fresh();
      const p = await worker.post(`/api/evictions/${eviction.id}/outcome`, {
        outcome: 'undgaaet_betalt',
        version: eviction.version,
      });
      const a = await lead.post(`/api/evictions/${eviction.id}/outcome/approve`, { version: p.body.version });
      const early = await worker.post(`/api/evictions/${eviction.id}/sustained-check`, {
        stillResident: true,
        version: a.body.version,
      });
      expect(early.status).toBe(409);
      expect(early.body.message).toContain(danishDate(addMonths(today, 6)));
      // Six months pass.
      await t.dataSource.query(`UPDATE eviction_case SET sustained_due = $2 WHERE id = $1`, [
        eviction.id,
        addDays(today, -1),
      ]);
      const due = await worker.get('/api/evictions/upcoming');
      expect(due.body).toContainEqual(
        expect.objectContaining({
          evictionId: eviction.id,
          deadline: expect.objectContaining({ kind: 'opfoelgning' }),
        }),
      );
      const ok = await worker.post(`/api/evictions/${eviction.id}/sustained-check`, {
        stillResident: true,
        note: 'Talt med beboeren i opgangen',
        version: a.body.version,
      });
      expect(ok.status).toBe(201);
      expect(ok.body.sustained).toMatchObject({ stillResident: true, source: 'medarbejder' });
      const twice = await worker.post(`/api/evictions/${eviction.id}/sustained-check`, {
        stillResident: false,
        version: ok.body.version,
      });
      expect(twice.status).toBe(409);
      expect((await timelineTypes(caseId)).map((e: { type: string }) => e.type)).toContain('eviction_sustained');
    });
  });

  describe('access', () => {
    let outsider: ApiClient;

    beforeAll(async () => {
      const admin = await t.loginAs('admin');
      const team = await admin.post('/api/teams', { name: 'Team Udsættelse Nord' });
      await t.createUser(admin, {
        username: 'nord.raadgiver',
        displayName: 'Nord Rådgiver',
        role: 'beboerraadgiver',
        teamIds: [team.body.id],
        password: 'Velkommen-til-Bofast-1',
      });
      outsider = await t.loginAs('nord.raadgiver', 'Velkommen-til-Bofast-1');
    });

    it('should answer 404 to another team for every eviction route, exactly like an unknown id', async () => {
      const { eviction, caseId } = await fresh();
      const unknown = await outsider.get('/api/evictions/00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      const read = await outsider.get(`/api/evictions/${eviction.id}`);
      expect(read.status).toBe(404);
      expect(read.body.message).toBe(unknown.body.message);
      for (const [path, body] of [
        ['stages', { stage: 'rykker', date: today, source: 'brev', version: 1 }],
        ['outcome', { outcome: 'ukendt', version: 1 }],
        ['cases', { caseId, version: 1 }],
        ['sustained-check', { stillResident: true, version: 1 }],
      ] as const) {
        expect((await outsider.post(`/api/evictions/${eviction.id}/${path}`, body)).status).toBe(404);
      }
      expect((await outsider.patch(`/api/evictions/${eviction.id}`, { ground: 'mislighold', version: 1 })).status).toBe(
        404,
      );
      expect((await outsider.get('/api/evictions')).body).toEqual([]);
      expect((await outsider.get('/api/evictions/upcoming')).body).toEqual([]);
      expect((await outsider.get(`/api/evictions?caseId=${caseId}`)).status).toBe(404);
    });

    it('should keep the boligorganisation and partner roles out entirely', async () => {
      const { eviction } = await fresh();
      for (const u of ['boligorg', 'partner']) {
        const c = await t.loginAs(u);
        expect((await c.get(`/api/evictions/${eviction.id}`)).status).toBe(403);
        expect((await c.get('/api/evictions/upcoming')).status).toBe(403);
      }
    });

    it('should log every read of an eviction case in the access log', async () => {
      const { eviction } = await fresh();
      await worker.get(`/api/evictions/${eviction.id}`);
      const rows = await t.dataSource.query(
        `SELECT action, purpose FROM access_log WHERE subject_type = 'eviction' AND subject_id = $1`,
        [eviction.id],
      );
      expect(rows).toContainEqual({ action: 'read', purpose: 'Sagsbehandling: udsættelsessag' });
    });
  });

  describe('from the restanceliste', () => {
    const HEADER = 'Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Påkrav;Ophævelse;Betalingsaftale';
    let adviser: ApiClient;
    let taarnLead: ApiClient;
    let boId: string;
    let afdeling77: string;
    let teamId: string;

    beforeAll(async () => {
      // A boligorganisation and team of their own, so these lists never show in the restance suite's
      // worklist or interleave with its months.
      [{ id: boId }] = await t.dataSource.query(
        `INSERT INTO boligorganisation (name) VALUES ('Boligforeningen Udsættelsestest') RETURNING id`,
      );
      const [afd] = await t.dataSource.query(
        `INSERT INTO afdeling (boligorganisation_id, afdelingsnummer, name) VALUES ($1, '77', 'Tårnhaven') RETURNING id`,
        [boId],
      );
      afdeling77 = afd.id;
      const admin = await t.loginAs('admin');
      const team = await admin.post('/api/teams', { name: 'Team Tårnhaven', afdelingIds: [afdeling77] });
      expect(team.status).toBe(201);
      teamId = team.body.id;
      for (const [username, role] of [
        ['taarn.oekonomi', 'oekonomisk_raadgiver'],
        ['taarn.leder', 'teamleder'],
      ]) {
        const u = await t.createUser(admin, {
          username,
          displayName: username,
          role,
          teamIds: [teamId],
          password: 'Velkommen-til-Bofast-1',
        });
        expect(u.status).toBe(201);
      }
      adviser = await t.loginAs('taarn.oekonomi', 'Velkommen-til-Bofast-1');
      taarnLead = await t.loginAs('taarn.leder', 'Velkommen-til-Bofast-1');
    });

    async function upload(listDate: string, rows: string[]) {
      const base64 = Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8').toString('base64');
      const res = await adviser.post('/api/restance/imports', {
        boligorganisationId: boId,
        listDate,
        filename: `udsaet-${listDate}.csv`,
        base64,
      });
      expect(res.status).toBe(201);
      await t.app.get(JobsService).drain();
      const done = await adviser.get(`/api/restance/imports/${res.body.id}`);
      expect(done.body.status).toBe('committed');
      return done.body.id as string;
    }

    it('should open and update the eviction case from påkrav and ophævelse dates, with the list as source', async () => {
      const [tenancy] = await t.dataSource.query(
        `INSERT INTO lejemaal (afdeling_id, address, lejemaalsnummer) VALUES ($1, 'Tårnhaven 9, 2. th.', 'UD-1') RETURNING id`,
        [afdeling77],
      );
      const person = await newPerson(t, adviser, { teamId });
      const sag = await newCase(t, adviser, { tenancyId: tenancy.id, teamId, personId: person.id });
      const first = await upload('2026-09-01', ['77;UD-1;Lejer Et;Tårnhaven 9;12.400,00;2;15.08.2026;;']);
      let [ev] = await t.dataSource.query(`SELECT * FROM eviction_case WHERE lejemaal_id = $1`, [tenancy.id]);
      expect(ev).toMatchObject({ ground: 'restance', status: 'aaben' });
      let stages = await t.dataSource.query(
        `SELECT stage, to_char(stage_date, 'YYYY-MM-DD') AS d, amount, source, source_import_id FROM eviction_stage WHERE eviction_case_id = $1`,
        [ev.id],
      );
      expect(stages).toEqual([
        { stage: 'paakrav', d: '2026-08-15', amount: '12400.00', source: 'restanceliste', source_import_id: first },
      ]);
      expect((await adviser.get(`/api/evictions?caseId=${sag.id}`)).body.map((e: { id: string }) => e.id)).toEqual([
        ev.id,
      ]);
      // Next month the ophævelse has come; the påkrav date repeats and is not recorded again.
      await upload('2026-10-01', ['77;UD-1;Lejer Et;Tårnhaven 9;15.900,00;3;15.08.2026;02.09.2026;']);
      [ev] = await t.dataSource.query(`SELECT * FROM eviction_case WHERE lejemaal_id = $1`, [tenancy.id]);
      stages = await t.dataSource.query(
        `SELECT stage, to_char(stage_date, 'YYYY-MM-DD') AS d, amount FROM eviction_stage WHERE eviction_case_id = $1 ORDER BY recorded_at`,
        [ev.id],
      );
      expect(stages).toEqual([
        { stage: 'paakrav', d: '2026-08-15', amount: '12400.00' },
        { stage: 'ophaevelse', d: '2026-09-02', amount: '15900.00' },
      ]);
      const events = (await timelineTypes(sag.id, adviser)).filter(
        (e: { type: string }) => e.type === 'eviction_stage',
      );
      expect(events.map((e: { data: { stage: string; source: string } }) => [e.data.stage, e.data.source])).toEqual([
        ['ophaevelse', 'restanceliste'],
        ['paakrav', 'restanceliste'],
      ]);
    });

    it('should answer a due sustained check from a later list that still has the household', async () => {
      const [tenancy] = await t.dataSource.query(
        `INSERT INTO lejemaal (afdeling_id, address, lejemaalsnummer) VALUES ($1, 'Tårnhaven 3', 'UD-2') RETURNING id`,
        [afdeling77],
      );
      const created = await adviser.post('/api/evictions', { tenancyId: tenancy.id, ground: 'restance' });
      const eviction = created.body;
      const p = await adviser.post(`/api/evictions/${eviction.id}/outcome`, {
        outcome: 'undgaaet_betalt',
        version: eviction.version,
      });
      const approved = await taarnLead.post(`/api/evictions/${eviction.id}/outcome/approve`, {
        version: p.body.version,
      });
      expect(approved.status).toBe(201);
      await t.dataSource.query(`UPDATE eviction_case SET sustained_due = '2026-10-15' WHERE id = $1`, [eviction.id]);
      await upload('2026-11-01', ['77;UD-2;Lejer To;Tårnhaven 3;500,00;1;;;']);
      const after = (await adviser.get(`/api/evictions/${eviction.id}`)).body;
      expect(after.sustained).toMatchObject({ stillResident: true, source: 'restanceliste' });
    });

    it('should move a list from modtaget to fordelt to bearbejdet, and close it when a newer list arrives', async () => {
      const state = async (id: string) => (await adviser.get(`/api/restance/imports/${id}`)).body.listState;
      const id = await upload('2026-12-01', ['77;UD-3;Lejer Tre;Tårnhaven 5;900,00;1;;;']);
      const [row] = await t.dataSource.query(`SELECT id FROM restance_row WHERE import_id = $1 AND accepted`, [id]);
      expect(await state(id)).toBe('modtaget');
      const [{ id: me }] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'taarn.oekonomi'`);
      expect((await taarnLead.post('/api/restance/worklist/assign', { rowIds: [row.id], assigneeId: me })).status).toBe(
        201,
      );
      expect(await state(id)).toBe('fordelt');
      const attempt = await adviser.post(`/api/restance/worklist/${row.id}/contact-attempts`, {
        channel: 'telefon',
        outcome: 'ingen_svar',
      });
      expect(attempt.status).toBe(201);
      expect(await state(id)).toBe('bearbejdet');
      const older = (await adviser.get(`/api/restance/imports?boligorganisationId=${boId}`)).body.filter(
        (i: { id: string; status: string }) => i.id !== id && i.status === 'committed',
      );
      expect(older.map((i: { listState: string }) => i.listState)).toEqual(older.map(() => 'lukket'));
      // Next month: UD-3's assignment and outreach carry over; the new UD-4 makes the list "modtaget" again.
      const next = await upload('2027-01-01', [
        '77;UD-3;Lejer Tre;Tårnhaven 5;900,00;2;;;',
        '77;UD-4;Lejer Fire;Tårnhaven 7;400,00;1;;;',
      ]);
      expect(await state(id)).toBe('lukket');
      expect(await state(next)).toBe('modtaget');
    });
  });
});
