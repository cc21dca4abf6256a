import { randomBytes } from 'node:crypto';

import type { ApiClient, TestApp } from './test-app';

/** Small factories for case-work tests: they go through the API like a worker would. */
export async function teamIdOf(t: TestApp, name = 'Boligsocialt team Engparken og Skovhaven'): Promise<string> {
  const [row] = await t.dataSource.query(`SELECT id FROM team WHERE name = $1`, [name]);
  return row.id;
}

export async function partnerId(t: TestApp, name: string): Promise<string> {
  const [row] = await t.dataSource.query(`SELECT id FROM partner_organisation WHERE name = $1`, [name]);
  return row.id;
}

export async function afdelingId(t: TestApp, nummer = '12'): Promise<string> {
  const [row] = await t.dataSource.query(`SELECT id FROM afdeling WHERE afdelingsnummer = $1`, [nummer]);
  return row.id;
}

// Jest gives every test file its own module registry, so the counter restarts per file while the
// database is shared by the whole run: a per-file random part keeps the values apart.
const RUN = randomBytes(3).toString('hex');
let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${RUN}-${counter}`;
}

export async function newPerson(
  t: TestApp,
  c: ApiClient,
  body: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const res = await c.post('/api/persons', { name: unique('Beboer'), teamId: await teamIdOf(t), ...body });
  if (res.status !== 201) throw new Error(`person: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function newTenancy(t: TestApp, c: ApiClient): Promise<{ id: string }> {
  const res = await c.post('/api/tenancies', {
    afdelingId: await afdelingId(t),
    address: `${unique('Engparken')} 1, st. tv.`,
    lejemaalsnummer: unique('L'),
  });
  if (res.status !== 201) throw new Error(`tenancy: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function newCase(
  t: TestApp,
  c: ApiClient,
  body: Record<string, unknown> = {},
): Promise<{ id: string; version: number; status: string; person: { id: string } }> {
  const person = body['personId'] ? { id: body['personId'] as string } : await newPerson(t, c);
  const res = await c.post('/api/cases', {
    type: 'oekonomi_restance',
    personId: person.id,
    teamId: await teamIdOf(t),
    ...body,
  });
  if (res.status !== 201) throw new Error(`case: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
