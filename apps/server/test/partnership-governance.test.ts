import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTestPartnership, PartnershipStore, readCsv } from '@footprint/partnership';
import { upsertUser } from '../src/api/auth/users';
import { seedPartnershipDemo } from '../src/api/partnership/seed';
import { startTestServer, storageKinds, type TestServer } from './support';

type Who = { cookie: string; csrf: string };

/** The governance API with real sessions: who may read and change it, bad input as problem+json, the action log as JSON and CSV. */
describe.each(storageKinds)('the partnership’s governance API on %s', (kind) => {
  let server: TestServer;
  let lead: Who;
  let clinician: Who;
  const GOV = '/api/partnership/governance';

  beforeAll(async () => {
    server = await startTestServer(kind);
    await loadTestPartnership(server.platform.record);
    expect(await seedPartnershipDemo(server.platform)).toBe(true);
    const organisation = { code: 'QYG', name: 'Cheshire and Merseyside Health and Care Partnership', reference: 'Organization/org-QYG' };
    await upsertUser(server.platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Pat Lead', password: 'lead password', organisation });
    await upsertUser(server.platform.sql, { username: 'gp', role: 'gp_clinician', displayName: 'Dr Green', password: 'gp password', organisation });
    lead = await signIn('lead', 'lead password');
    clinician = await signIn('gp', 'gp password');
  }, 300_000);
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string): Promise<Who> {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const call = (who: Who, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const problem = (response: Awaited<ReturnType<typeof call>>, status: number) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    return response.json() as { title: string; detail?: string };
  };

  it('lets every staff role read the bodies, a body and a meeting', async () => {
    const overview = (await call(clinician, 'GET', GOV)).json();
    expect(overview.bodies).toHaveLength(6);
    expect(overview.actions.overdue).toBeGreaterThan(0);
    const body = (await call(clinician, 'GET', `${GOV}/bodies/gov-board`)).json();
    expect(body.termsOfReference.text).toContain('Quorum.');
    expect(body.members.some((m: { organisation?: { odsCode?: string } }) => m.organisation?.odsCode === 'RBT')).toBe(true);
    const meeting = (await call(clinician, 'GET', `${GOV}/meetings/gov-board-2017-06-29`)).json();
    expect(meeting.agenda.map((a: { title: string }) => a.title)).toContain('Governance arrangements and terms of reference');
    expect(meeting.decisions[0]).toMatchObject({ reference: 'PB-2017-01', status: 'approved' });
    expect(meeting.meeting.minutes).toContain('Illustrative');
    expect(problem(await call(clinician, 'GET', `${GOV}/meetings/no-such-meeting`), 404).title).toBe('No such meeting');
    expect(problem(await call(clinician, 'GET', `${GOV}/bodies/gov-board-2017-06-29`), 404).title).toBe('No such governance body');
  });

  it('refuses a clinician’s change with 403 and writes nothing', async () => {
    const refused = await call(clinician, 'POST', `${GOV}/bodies`, { name: 'Shadow board', type: 'committee', purpose: 'None' });
    expect(problem(refused, 403).title).toBe('Not allowed for your role');
    expect(problem(await call(clinician, 'PUT', `${GOV}/actions/gov-board-2025-09-25-d1-x1`, { ifVersion: 1 }), 403).title).toBe('Not allowed for your role');
    expect((await call(lead, 'GET', GOV)).json().bodies.map((b: { name: string }) => b.name)).not.toContain('Shadow board');
  });

  it('creates and changes items as the partnership lead, refusing bad input by field and stale versions', async () => {
    expect(problem(await call(lead, 'POST', `${GOV}/bodies`, { name: 'Estates Group', type: 'committee', purpose: 'Estates', established: '2024-13-01' }), 400).detail).toBe('established: must be a date written YYYY-MM-DD');
    expect(problem(await call(lead, 'POST', `${GOV}/bodies`, { type: 'committee', purpose: 'Estates' }), 400).detail).toBe('name: is required');
    const created = await call(lead, 'POST', `${GOV}/bodies`, { name: 'Estates Group', type: 'committee', purpose: 'Shares estates plans.', chair: 'Director of Estates' });
    expect(created.statusCode).toBe(201);
    const body = created.json() as { id: string; version: number; updatedBy: string };
    expect(body).toMatchObject({ version: 1, updatedBy: 'Pat Lead' });

    expect(problem(await call(lead, 'POST', `${GOV}/bodies/${body.id}/members`, { organisation: 'RXX', role: 'Chief Executive', membership: 'voting' }), 400).detail).toBe("organisation: RXX is not one of the partnership's organisations");
    const member = await call(lead, 'POST', `${GOV}/bodies/${body.id}/members`, { organisation: 'ZL101', role: 'Director of Place', membership: 'attending' });
    expect(member.json()).toMatchObject({ organisation: { id: 'org-ZL101', odsCode: 'ZL101' }, membership: 'attending' });
    expect(problem(await call(lead, 'POST', `${GOV}/meetings/${body.id}/papers`, { title: 'x', type: 'report', link: 'https://example.org' }), 404).title).toBe('No such meeting');
    expect(problem(await call(lead, 'POST', `${GOV}/bodies/no-such-body/meetings`, { date: '2027-01-01', online: true, status: 'planned', public: true }), 404).title).toBe('No such governance body');
    expect(problem(await call(lead, 'POST', `${GOV}/bodies/${body.id}/meetings`, '"a string"', { 'content-type': 'application/json' }), 400).title).toBe('Send the meeting as a JSON object');
    expect(problem(await call(lead, 'POST', `${GOV}/bodies/${body.id}/meetings`, 'not json', { 'content-type': 'application/json' }), 400).title).toBeTruthy();

    const meeting = (await call(lead, 'POST', `${GOV}/bodies/${body.id}/meetings`, { date: '2027-01-14', startTime: '14:00', online: true, status: 'planned', public: false })).json() as { id: string };
    const action = (await call(lead, 'POST', `${GOV}/meetings/${meeting.id}/actions`, { description: 'Map the estate', owner: { organisation: 'RBT', role: 'Director of Estates' }, dueDate: '2027-03-31', status: 'open' })).json() as { id: string; version: number };
    const change = { description: 'Map the estate', owner: { organisation: 'RBT', role: 'Director of Estates' }, dueDate: '2027-03-31', status: 'in-progress' };
    expect(problem(await call(lead, 'PUT', `${GOV}/actions/${action.id}`, change), 400).detail).toMatch(/^ifVersion: is required/);
    const moved = await call(lead, 'PUT', `${GOV}/actions/${action.id}`, { ...change, ifVersion: 1 });
    expect(moved.json()).toMatchObject({ status: 'in-progress', version: 2 });
    expect(problem(await call(lead, 'PUT', `${GOV}/actions/${action.id}`, { ...change, status: 'done', completedOn: '2027-01-20', ifVersion: 1 }), 409).title).toBe('Changed since you opened it');
    expect(problem(await call(lead, 'PUT', `${GOV}/actions/${action.id}`, { ...change, dueDate: 'soon', ifVersion: 2 }), 400).detail).toBe('dueDate: must be a date written YYYY-MM-DD');
    const history = await new PartnershipStore(server.platform.sql).history(action.id);
    expect(history.map((v) => [v.version, v.changedBy.name, v.changedBy.role])).toEqual([[2, 'Pat Lead', 'partnership_lead'], [1, 'Pat Lead', 'partnership_lead']]);

    const tor = await call(lead, 'PUT', `${GOV}/bodies/${body.id}/terms-of-reference`, { text: 'Purpose. To share estates plans.', approvedOn: '2027-01-14' });
    expect(tor.json()).toMatchObject({ version: 1 });
    expect(problem(await call(lead, 'PUT', `${GOV}/bodies/${body.id}/terms-of-reference`, { text: 'Purpose. Changed.' }), 400).detail).toMatch(/^ifVersion: is required/);
    expect((await call(lead, 'PUT', `${GOV}/bodies/${body.id}/terms-of-reference`, { text: 'Purpose. Changed.', ifVersion: 1 })).json()).toMatchObject({ version: 2, text: 'Purpose. Changed.' });

    expect(problem(await call(lead, 'DELETE', `${GOV}/bodies/${body.id}?ifVersion=1`), 409).title).toBe('Governance body still has items under it');
    expect(problem(await call(lead, 'DELETE', `${GOV}/actions/${action.id}`), 400).detail).toMatch(/^ifVersion: is required/);
    expect((await call(lead, 'DELETE', `${GOV}/actions/${action.id}?ifVersion=2`)).statusCode).toBe(200);
    expect((await call(lead, 'GET', `${GOV}/meetings/${meeting.id}`)).json().actions).toEqual([]);
  });

  it('answers the action log with filters, as JSON and as CSV', async () => {
    const overdue = (await call(clinician, 'GET', `${GOV}/actions?overdue=true`)).json() as { actions: Array<{ overdue: boolean; status: string }> };
    expect(overdue.actions.length).toBeGreaterThan(0);
    expect(overdue.actions.every((a) => a.overdue && ['open', 'in-progress'].includes(a.status))).toBe(true);
    const board = (await call(clinician, 'GET', `${GOV}/actions?body=gov-board&status=done`)).json() as { actions: Array<{ body: { id: string }; status: string }> };
    expect(board.actions.length).toBeGreaterThan(0);
    expect(board.actions.every((a) => a.body.id === 'gov-board' && a.status === 'done')).toBe(true);
    expect(problem(await call(clinician, 'GET', `${GOV}/actions?status=late`), 400).detail).toMatch(/^status: must be one of/);
    expect(problem(await call(clinician, 'GET', `${GOV}/actions?overdue=maybe`), 400).detail).toBe('overdue: must be true or false');
    expect(problem(await call(clinician, 'GET', `${GOV}/actions?body=nothing`), 404).title).toBe('No such governance body');

    for (const response of [await call(clinician, 'GET', `${GOV}/actions?owner=RBT`, undefined, { accept: 'text/csv' }), await call(clinician, 'GET', `${GOV}/actions.csv?owner=RBT`)]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="action-log-\d{4}-\d{2}-\d{2}\.csv"$/);
      const rows = readCsv(response.body, { required: ['id', 'owner_ods_code', 'due_date', 'status', 'overdue'] });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.cells.owner_ods_code === 'RBT')).toBe(true);
    }
  });

  it('keeps an uploaded paper with its type, size and hash, serves it as an attachment, and refuses anything else', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
    const upload = (who: Who, body: Buffer | string, type: string, name = 'Winter plan.pdf') =>
      server.app.inject({ method: 'POST', url: `${GOV}/documents?name=${encodeURIComponent(name)}`, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': type }, payload: body });
    expect(problem(await upload(clinician, pdf, 'application/pdf'), 403).title).toBe('Not allowed for your role');
    const stored = await upload(lead, pdf, 'application/pdf');
    expect(stored.statusCode).toBe(201);
    const info = stored.json() as { id: string; size: number; sha256: string; contentType: string };
    expect(info).toMatchObject({ size: pdf.length, contentType: 'application/pdf', sha256: createHash('sha256').update(pdf).digest('hex') });

    expect((await upload(lead, Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png')).statusCode).toBe(415);
    expect(problem(await upload(lead, Buffer.from('not a pdf at all'), 'application/pdf'), 422).title).toBe('Document is not what it says');
    expect(problem(await upload(lead, '{"a":1}', 'application/json'), 422).title).toBe('Not a kind of document Footprint keeps');
    expect(problem(await upload(lead, pdf, 'application/pdf', 'a/b.pdf'), 400).detail).toMatch(/^name: /);
    expect(problem(await upload(lead, Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]), 'application/pdf'), 413).title).toBeTruthy();
    expect((await upload(lead, Buffer.from('Notes of the meeting\n'), 'text/plain; charset=utf-8', 'notes.txt')).statusCode).toBe(201);

    const meeting = 'gov-board-2026-12-17';
    expect(problem(await call(lead, 'POST', `${GOV}/meetings/${meeting}/papers`, { title: 'Winter plan', type: 'report', file: '00000000-0000-4000-8000-000000000000' }), 400).detail).toBe('file: 00000000-0000-4000-8000-000000000000 is not a document uploaded to this partnership');
    expect(problem(await call(lead, 'POST', `${GOV}/meetings/${meeting}/papers`, { title: 'Winter plan', type: 'report' }), 400).detail).toBe('link: give either a link or an uploaded file, not both');
    const paper = await call(lead, 'POST', `${GOV}/meetings/${meeting}/papers`, { title: 'Winter plan', type: 'report', file: info.id });
    expect(paper.statusCode).toBe(201);
    const shown = (await call(clinician, 'GET', `${GOV}/meetings/${meeting}`)).json() as { papers: Array<{ title: string; href: string; file?: { sha256: string } }> };
    const listed = shown.papers.find((p) => p.title === 'Winter plan')!;
    expect(listed.href).toBe(`/api/partnership/governance/documents/${info.id}`);
    expect(listed.file?.sha256).toBe(info.sha256);

    const download = await call(clinician, 'GET', listed.href);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Winter plan.pdf"; filename*=UTF-8''Winter%20plan.pdf`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(problem(await call(clinician, 'GET', `${GOV}/documents/not-an-id`), 404).title).toBe('No such document');
  });
});
