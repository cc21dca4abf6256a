import { createTestApp, TestApp } from './support/test-app';

describe('Access log', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  it('should refuse UPDATE, DELETE and TRUNCATE at the database (append-only)', async () => {
    const admin = await t.loginAs('admin');
    await admin.get('/api/users');
    await expect(t.dataSource.query(`UPDATE access_log SET purpose = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM access_log`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE access_log`)).rejects.toThrow(/append-only/);
  });

  it('should record who, role, action, subject, purpose, request id and address for a read', async () => {
    const admin = await t.loginAs('admin');
    const [vicevaert] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'vicevaert'`);
    const res = await admin.agent.get(`/api/users/${vicevaert.id}`).set('X-Request-Id', 'req-test-123');
    expect(res.status).toBe(200);
    const [row] = await t.dataSource.query(`SELECT * FROM access_log WHERE request_id = 'req-test-123'`);
    expect(row).toMatchObject({
      actor_username: 'admin',
      actor_role: 'admin',
      action: 'read',
      subject_type: 'user',
      subject_id: vicevaert.id,
      purpose: 'Brugeradministration',
    });
    expect(row.client_address).toMatch(/127\.0\.0\.1/);
  });

  it('should let the DPO list and filter the log', async () => {
    const dpo = await t.loginAs('dpo');
    const res = await dpo.get('/api/access-log?action=login&pageSize=5');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((e: { action: string }) => e.action === 'login')).toBe(true);
    expect((await dpo.get('/api/access-log?from=yesterday')).status).toBe(400);
  });

  it('should export one subject’s entries as JSON and CSV, and log the export itself', async () => {
    const admin = await t.loginAs('admin');
    const [target] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'oekonomi'`);
    await admin.get(`/api/users/${target.id}`);
    const dpo = await t.loginAs('dpo');
    const json = await dpo.get(`/api/access-log/export?subjectType=user&subjectId=${target.id}`);
    expect(json.status).toBe(200);
    expect(
      json.body.entries.some(
        (e: { purpose: string; actorRole: string }) => e.purpose === 'Brugeradministration' && e.actorRole === 'admin',
      ),
    ).toBe(true);
    expect(json.body.entries[0]).not.toHaveProperty('actorUsername');
    const csv = await dpo.get(`/api/access-log/export?subjectType=user&subjectId=${target.id}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('"tidspunkt";"rolle";"handling";"formaal"');
    const exported = await t.dataSource.query(`SELECT 1 FROM access_log WHERE action = 'export' AND subject_id = $1`, [
      target.id,
    ]);
    expect(exported).toHaveLength(2);
  });

  it('should not let an admin read the access log', async () => {
    const admin = await t.loginAs('admin');
    expect((await admin.get('/api/access-log')).status).toBe(403);
  });
});
