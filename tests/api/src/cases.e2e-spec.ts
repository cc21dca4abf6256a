import { CASE_TRANSITIONS, CaseStatus } from '@bofast/contracts';

import { newCase, newPerson, teamIdOf } from './support/casework';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

const STATUSES = Object.keys(CASE_TRANSITIONS) as CaseStatus[];

describe('Cases', () => {
  let t: TestApp;
  let worker: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.loginAs('vicevaert');
  });

  afterAll(() => t.close());

  async function caseIn(status: CaseStatus) {
    const c = await newCase(t, worker);
    await t.dataSource.query(
      `UPDATE sag SET status = $2, closure_reason = CASE WHEN $2 = 'afsluttet' THEN 'maal_naaet' END,
              closed_at = CASE WHEN $2 = 'afsluttet' THEN now() END WHERE id = $1`,
      [c.id, status],
    );
    const fresh = await worker.get(`/api/cases/${c.id}`);
    return fresh.body as { id: string; version: number };
  }

  describe('status lifecycle', () => {
    const table = STATUSES.flatMap((from) =>
      STATUSES.filter((to) => to !== from).map((to) => [from, to, CASE_TRANSITIONS[from].includes(to)] as const),
    );

    it.each(table)('%s → %s allowed=%s', async (from, to, allowed) => {
      const c = await caseIn(from);
      const res = await worker.post(`/api/cases/${c.id}/status`, {
        status: to,
        closureReason: to === 'afsluttet' ? 'maal_naaet' : undefined,
        version: c.version,
      });
      if (allowed) {
        expect(res.status).toBe(201);
        expect(res.body.status).toBe(to);
      } else {
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('INVALID_STATE');
        const [row] = await t.dataSource.query(`SELECT status FROM sag WHERE id = $1`, [c.id]);
        expect(row.status).toBe(from);
      }
    });

    it('should require a closure reason to close, and record the change on the timeline', async () => {
      const c = await caseIn('aktiv');
      const missing = await worker.post(`/api/cases/${c.id}/status`, { status: 'afsluttet', version: c.version });
      expect(missing.status).toBe(400);
      expect(missing.body.fields.closureReason).toEqual(['Vælg en afslutningsårsag']);
      const ok = await worker.post(`/api/cases/${c.id}/status`, {
        status: 'afsluttet',
        closureReason: 'kontakt_mistet',
        note: 'Ingen svar',
        version: c.version,
      });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ status: 'afsluttet', closureReason: 'kontakt_mistet' });
      expect(ok.body.closedAt).toBeTruthy();
      const timeline = await worker.get(`/api/cases/${c.id}/timeline?types=status_change`);
      expect(timeline.body.items[0]).toMatchObject({
        type: 'status_change',
        text: 'Ingen svar',
        data: { from: 'aktiv', to: 'afsluttet' },
      });
    });

    it('should reopen a closed case as a new case linked to the old one, once', async () => {
      const c = await caseIn('afsluttet');
      const res = await worker.post(`/api/cases/${c.id}/reopen`, { note: 'Beboeren er vendt tilbage' });
      expect(res.status).toBe(201);
      expect(res.body.id).not.toBe(c.id);
      expect(res.body.status).toBe('oprettet');
      expect(res.body.reopenedFrom.id).toBe(c.id);
      expect((await worker.post(`/api/cases/${c.id}/reopen`, {})).status).toBe(409);
      const open = await caseIn('aktiv');
      expect((await worker.post(`/api/cases/${open.id}/reopen`, {})).status).toBe(409);
    });

    it('should take notes but no new work on a closed case', async () => {
      const c = await caseIn('afsluttet');
      expect((await worker.post(`/api/cases/${c.id}/notes`, { text: 'Beboeren ringede og takkede' })).status).toBe(201);
      expect((await worker.post(`/api/cases/${c.id}/goals`, { text: 'Nyt mål' })).status).toBe(409);
      expect(
        (await worker.post(`/api/cases/${c.id}/contact-attempts`, { channel: 'telefon', outcome: 'ingen_svar' }))
          .status,
      ).toBe(409);
      expect((await worker.patch(`/api/cases/${c.id}`, { tags: ['gaeld'], version: c.version })).status).toBe(409);
    });

    it('should refuse to reopen a case closed more than 12 months ago', async () => {
      const c = await caseIn('afsluttet');
      await t.dataSource.query(`UPDATE sag SET closed_at = now() - interval '13 months' WHERE id = $1`, [c.id]);
      const res = await worker.post(`/api/cases/${c.id}/reopen`, {});
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/12 måneder/);
    });
  });

  describe('optimistic concurrency', () => {
    it('should answer 409 with the current state to a stale update, keeping the first', async () => {
      const c = await newCase(t, worker);
      const first = await worker.patch(`/api/cases/${c.id}`, { reviewDate: '2027-01-15', version: c.version });
      expect(first.status).toBe(200);
      const stale = await worker.patch(`/api/cases/${c.id}`, { reviewDate: '2027-02-01', version: c.version });
      expect(stale.status).toBe(409);
      expect(stale.body.current.reviewDate).toBe('2027-01-15');
      const statusStale = await worker.post(`/api/cases/${c.id}/status`, { status: 'aktiv', version: c.version });
      expect(statusStale.status).toBe(409);
    });

    it('should detect a stale handleplan action update', async () => {
      const c = await newCase(t, worker);
      const withAction = await worker.post(`/api/cases/${c.id}/actions`, {
        description: 'Ring til jobcentret',
        owner: 'medarbejder',
        dueDate: '2026-12-01',
      });
      const action = withAction.body.actions[0];
      expect(
        (await worker.patch(`/api/cases/${c.id}/actions/${action.id}`, { status: 'i_gang', version: action.version }))
          .status,
      ).toBe(200);
      const stale = await worker.patch(`/api/cases/${c.id}/actions/${action.id}`, {
        status: 'udfoert',
        version: action.version,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.current.status).toBe('i_gang');
    });
  });

  describe('access', () => {
    let otherTeamCaseId: string;
    let outsider: ApiClient;

    beforeAll(async () => {
      const admin = await t.loginAs('admin');
      const team = await admin.post('/api/teams', { name: 'Team Nordbyen' });
      await t.createUser(admin, {
        username: 'nord.vicevaert',
        displayName: 'Nord Vicevært',
        role: 'social_vicevaert',
        teamIds: [team.body.id],
        password: 'Velkommen-til-Bofast-1',
      });
      outsider = await t.loginAs('nord.vicevaert', 'Velkommen-til-Bofast-1');
      const person = await outsider.post('/api/persons', { name: 'Nordby Beboer', teamId: team.body.id });
      const created = await outsider.post('/api/cases', {
        type: 'nabokonflikt',
        personId: person.body.id,
        teamId: team.body.id,
      });
      expect(created.status).toBe(201);
      otherTeamCaseId = created.body.id;
    });

    it('should answer 404 for another team’s case, person and timeline, as if it did not exist', async () => {
      const [person] = await t.dataSource.query(`SELECT person_id FROM sag WHERE id = $1`, [otherTeamCaseId]);
      for (const path of [
        `/api/cases/${otherTeamCaseId}`,
        `/api/cases/${otherTeamCaseId}/timeline`,
        `/api/persons/${person.person_id}`,
      ]) {
        const res = await worker.get(path);
        expect(res.status).toBe(404);
      }
      expect((await worker.post(`/api/cases/${otherTeamCaseId}/notes`, { text: 'x' })).status).toBe(404);
      const unknown = await worker.get('/api/cases/00000000-0000-4000-8000-000000000000');
      expect(unknown.body.message).toBe((await worker.get(`/api/cases/${otherTeamCaseId}`)).body.message);
      const list = await worker.get('/api/cases?pageSize=200');
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(otherTeamCaseId);
      const search = await worker.get('/api/search?q=Nordby');
      expect(search.body.persons).toEqual([]);
    });

    it('should not let a worker create a case in a team they are not in', async () => {
      const person = await newPerson(t, worker);
      const [team] = await t.dataSource.query(`SELECT id FROM team WHERE name = 'Team Nordbyen'`);
      expect(
        (await worker.post('/api/cases', { type: 'nabokonflikt', personId: person.id, teamId: team.id })).status,
      ).toBe(404);
    });

    it('should hide sensitive tags and restricted notes from a team lead who is not on the case', async () => {
      const c = await newCase(t, worker);
      const tagged = await worker.patch(`/api/cases/${c.id}`, { tags: ['gaeld', 'misbrug'], version: c.version });
      expect(tagged.body.tags.sort()).toEqual(['gaeld', 'misbrug']);
      await worker.post(`/api/cases/${c.id}/notes`, { text: 'Fortroligt om misbrug', visibility: 'case_members' });
      await worker.post(`/api/cases/${c.id}/notes`, { text: 'Almindelig note' });
      const lead = await t.loginAs('teamleder');
      const seen = await lead.get(`/api/cases/${c.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.tags).toEqual(['gaeld']);
      expect(seen.body.hiddenSensitiveTags).toBe(true);
      expect(seen.body.isMember).toBe(false);
      const timeline = await lead.get(`/api/cases/${c.id}/timeline?types=note`);
      expect(timeline.body.items.map((e: { text: string }) => e.text)).toEqual(['Almindelig note']);
      // A restricted correction of a team note is invisible too, even as a bare id.
      await worker.post(`/api/cases/${c.id}/notes`, {
        text: 'Rettelse med følsomt indhold',
        visibility: 'case_members',
        correctsEventId: timeline.body.items[0].id,
      });
      const again = await lead.get(`/api/cases/${c.id}/timeline?types=note`);
      expect(again.body.items[0].correctedByEventIds).toEqual([]);
      // The lead's tag edit keeps the sensitive tag they cannot see, and they cannot add one.
      const edit = await lead.patch(`/api/cases/${c.id}`, { tags: ['gaeld', 'jobtab'], version: seen.body.version });
      expect(edit.status).toBe(200);
      const [row] = await t.dataSource.query(`SELECT tags FROM sag WHERE id = $1`, [c.id]);
      expect([...row.tags].sort()).toEqual(['gaeld', 'jobtab', 'misbrug']);
      const add = await lead.patch(`/api/cases/${c.id}`, { tags: ['vold'], version: edit.body.version });
      expect(add.status).toBe(400);
      // Made a co-worker, the lead sees everything.
      const fresh = await worker.get(`/api/cases/${c.id}`);
      const me = (await lead.get('/api/auth/me')).body;
      await worker.patch(`/api/cases/${c.id}`, { coWorkerIds: [me.id], version: fresh.body.version });
      const now = await lead.get(`/api/cases/${c.id}`);
      expect(now.body.tags.sort()).toEqual(['gaeld', 'jobtab', 'misbrug']);
      expect((await lead.get(`/api/cases/${c.id}/timeline?types=note`)).body.items).toHaveLength(2);
    });

    it('should access-log every read of a case with purpose', async () => {
      const c = await newCase(t, worker);
      await worker.agent.get(`/api/cases/${c.id}`).set('X-Request-Id', 'case-read-1');
      const [row] = await t.dataSource.query(`SELECT * FROM access_log WHERE request_id = 'case-read-1'`);
      expect(row).toMatchObject({
        action: 'read',
        subject_type: 'case',
        subject_id: c.id,
        purpose: 'Sagsbehandling',
        actor_username: 'vicevaert',
      });
    });

    it('should not let admin or DPO read case content', async () => {
      const c = await newCase(t, worker);
      for (const who of ['admin', 'dpo']) {
        const client = await t.loginAs(who);
        expect((await client.get(`/api/cases/${c.id}`)).status).toBe(403);
      }
    });
  });

  describe('timeline', () => {
    it('should be append-only: corrections are new events pointing at the old one', async () => {
      const c = await newCase(t, worker);
      const note = await worker.post(`/api/cases/${c.id}/notes`, {
        text: 'Besøg mandag',
        occurredAt: '2026-11-02T10:00:00Z',
      });
      const fix = await worker.post(`/api/cases/${c.id}/notes`, {
        text: 'Besøget var tirsdag',
        correctsEventId: note.body.id,
      });
      expect(fix.status).toBe(201);
      expect(fix.body).toMatchObject({ type: 'correction', correctsEventId: note.body.id });
      const timeline = await worker.get(`/api/cases/${c.id}/timeline`);
      const original = timeline.body.items.find((e: { id: string }) => e.id === note.body.id);
      expect(original.text).toBe('Besøg mandag');
      expect(original.correctedByEventIds).toEqual([fix.body.id]);
      await expect(
        t.dataSource.query(`UPDATE timeline_event SET text = 'x' WHERE id = $1`, [note.body.id]),
      ).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`DELETE FROM timeline_event WHERE id = $1`, [note.body.id])).rejects.toThrow(
        /append-only/,
      );
    });

    it('should order by when it happened, keep when it was recorded, filter by type and paginate', async () => {
      const c = await newCase(t, worker);
      await worker.post(`/api/cases/${c.id}/notes`, { text: 'Senere', occurredAt: '2026-11-10T09:00:00Z' });
      await worker.post(`/api/cases/${c.id}/notes`, {
        text: 'Tidligere (efterregistreret)',
        occurredAt: '2026-11-01T09:00:00Z',
      });
      await worker.post(`/api/cases/${c.id}/contact-attempts`, {
        channel: 'telefon',
        outcome: 'ingen_svar',
        occurredAt: '2026-11-05T09:00:00Z',
      });
      const notes = await worker.get(`/api/cases/${c.id}/timeline?types=note`);
      expect(notes.body.items.map((e: { text: string }) => e.text)).toEqual(['Senere', 'Tidligere (efterregistreret)']);
      const late = notes.body.items[1];
      expect(new Date(late.recordedAt).getTime()).toBeGreaterThan(new Date(late.occurredAt).getTime());
      const two = await worker.get(`/api/cases/${c.id}/timeline?types=note,contact_attempt&pageSize=2&page=2`);
      expect(two.body.total).toBe(3);
      expect(two.body.items).toHaveLength(1);
      expect(two.body.items[0].text).toBe('Tidligere (efterregistreret)');
      expect((await worker.get(`/api/cases/${c.id}/timeline?types=bogus`)).status).toBe(400);
    });
  });

  describe('bad input', () => {
    it('should answer 400 with Danish field messages and write nothing', async () => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM sag`);
      const res = await worker.post('/api/cases', { type: '', personId: 'nope', teamId: await teamIdOf(t) });
      expect(res.status).toBe(400);
      expect(res.body.fields.type).toEqual(['Vælg en sagstype']);
      expect(res.body.fields.personId).toEqual(['Vælg en person']);
      const badType = await worker.post('/api/cases', {
        type: 'findes_ikke',
        personId: (await newPerson(t, worker)).id,
        teamId: await teamIdOf(t),
      });
      expect(badType.status).toBe(400);
      expect(badType.body.fields.type).toEqual(['Vælg en gyldig sagstype']);
      const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM sag`);
      expect(after[0].n).toBe(before[0].n);
      const c = await newCase(t, worker);
      const note = await worker.post(`/api/cases/${c.id}/notes`, { text: '   ' });
      expect(note.body.fields.text).toEqual(['Skal udfyldes']);
      const action = await worker.post(`/api/cases/${c.id}/actions`, {
        description: 'x',
        owner: 'kongen',
        dueDate: '31-12-2026',
      });
      expect(action.body.fields).toMatchObject({
        owner: ['Vælg hvem der gør det'],
        dueDate: ['Skal være en dato (ÅÅÅÅ-MM-DD)'],
      });
    });
  });

  describe('configurable case types', () => {
    it('should let the admin add a case type that workers can then use', async () => {
      const admin = await t.loginAs('admin');
      const res = await admin.post('/api/case-types', { code: 'ensomhed', labelDa: 'Ensomhed', labelEn: 'Loneliness' });
      expect(res.status).toBe(201);
      expect((await admin.post('/api/case-types', { code: 'ensomhed', labelDa: 'X', labelEn: 'X' })).status).toBe(409);
      expect((await admin.post('/api/case-types', { code: 'Ensomhed!', labelDa: 'X', labelEn: 'X' })).status).toBe(400);
      const c = await newCase(t, worker, { type: 'ensomhed' });
      expect(c.status).toBe('oprettet');
    });
  });
});
