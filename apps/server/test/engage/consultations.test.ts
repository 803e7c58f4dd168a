import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseStore, ConsultationStore } from '@footprint/engage';
import { loadTestPartnership } from '@footprint/partnership';
import { upsertUser } from '../../src/api/auth/users';
import { DEMO_CLOSED_CONSULTATION_ID, DEMO_OPEN_CONSULTATION_ID, seedConsultations } from '../../src/api/engage/seed-consultations';
import { seedPartnershipDemo } from '../../src/api/partnership/seed';
import { startTestServer, storageKinds, type TestServer } from '../support';

type Who = { cookie: string; csrf: string };

const definition = (title: string) => ({
  title,
  summary: 'A test consultation.',
  background: [{ heading: 'Why', body: 'Because.' }],
  easyRead: [],
  opensOn: '2026-01-01',
  closesOn: '2099-12-31',
  audience: { places: ['E08000012'], groups: ['Carers'] },
  askAboutYou: true,
  questions: [
    { id: 'q1', type: 'single-choice', title: 'Have you used it?', required: true, options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] },
    { id: 'q2', type: 'long-text', title: 'Tell us more', required: true, showIf: { question: 'q1', anyOf: ['yes'] } },
    { id: 'q3', type: 'ranking', title: 'Rank these', required: false, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
  ],
});

/** The consultations API (staff and public) and the public pages on real PostgreSQL with real sessions. */
describe.each(storageKinds)('consultations over HTTP on %s', (kind) => {
  let server: TestServer;
  let lead: Who;
  let id: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    await loadTestPartnership(server.platform.record);
    expect(await seedPartnershipDemo(server.platform)).toBe(true);
    await seedConsultations(server.platform);
    await seedConsultations(server.platform);
    await upsertUser(server.platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Pat Lead', password: 'lead password', organisation: { code: 'QYG', name: 'Partnership' } });
    await upsertUser(server.platform.sql, { username: 'gp', role: 'gp_clinician', displayName: 'Dr Green', password: 'gp password', organisation: { code: 'QYG', name: 'Partnership' } });
    lead = await signIn('lead', 'lead password');
  }, 300_000);
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string): Promise<Who> {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const staff = (who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => server.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const problem = (response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number) => {
    expect(response.statusCode).toBe(status);
    expect(String(response.headers['content-type'])).toContain('application/problem+json');
    return response.json() as { title: string; detail: string };
  };

  it('seeds one open and one closed consultation, once, the closed one with 120 responses', async () => {
    const list = (await staff(lead, 'GET', '/api/engage/consultations')).json().consultations as Array<{ id: string; state: string; responseCount: number }>;
    expect(list.filter((c) => c.id === DEMO_OPEN_CONSULTATION_ID).map((c) => c.state)).toEqual(['open']);
    expect(list.filter((c) => c.id === DEMO_CLOSED_CONSULTATION_ID).map((c) => [c.state, c.responseCount])).toEqual([['closed', 120]]);
    const responses = await new ResponseStore(new ConsultationStore(server.platform.sql)).submitted(DEMO_CLOSED_CONSULTATION_ID);
    expect(responses.some((r) => r.publishFreeText && /943 476 5919/.test(String(r.answers.q7)))).toBe(true);
    expect(new Set(responses.map((r) => r.aboutYou.place)).size).toBeGreaterThan(5);
  });

  it('lets staff create, refuse with the field named, publish and see the history; others may not', async () => {
    expect((await staff(await signIn('gp', 'gp password'), 'GET', '/api/engage/consultations')).statusCode).toBe(403);
    const bad = problem(await staff(lead, 'POST', '/api/engage/consultations', { ...definition('Bad'), questions: [{ ...definition('x').questions[1], showIf: { question: 'q9', anyOf: ['yes'] } }] }), 400);
    expect(bad.detail).toBe('questions[0].showIf.question: must be an earlier question (q9 is not before question 1)');
    const created = await staff(lead, 'POST', '/api/engage/consultations', definition('Community pharmacy'));
    expect(created.statusCode).toBe(201);
    id = created.json().consultation.id;
    expect(id).toBe('community-pharmacy');
    expect((await server.app.inject({ url: `/api/public/consultations/${id}` })).statusCode).toBe(404);
    expect((await staff(lead, 'POST', `/api/engage/consultations/${id}/publish`)).json().consultation.state).toBe('open');
    const versions = (await staff(lead, 'GET', `/api/engage/consultations/${id}/versions`)).json().versions;
    expect(versions.map((v: { change: string; changedBy: string }) => [v.change, v.changedBy])).toEqual([['published', 'Pat Lead'], ['created', 'Pat Lead']]);
  });

  it('takes JSON responses: 201 with a reference, 400 naming the field, 404 and 409 closed as problem+json', async () => {
    const ok = await server.app.inject({ method: 'POST', url: `/api/public/consultations/${id}/responses`, payload: { answers: { q1: 'no' }, publishFreeText: false } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ reference: expect.stringMatching(/^FP-C-\d{4}-[2-9A-Z]{8}$/) });
    const bad = problem(await server.app.inject({ method: 'POST', url: `/api/public/consultations/${id}/responses`, payload: { answers: { q1: 'yes', q3: ['a'] }, publishFreeText: 'maybe' } }), 400);
    expect(bad.detail).toBe('answers.q2: answer "Tell us more"; answers.q3: must rank every option once, each with a different number (a, b); publishFreeText: say whether your written answers may be published (true or false)');
    problem(await server.app.inject({ method: 'POST', url: '/api/public/consultations/no-such-thing/responses', payload: { answers: {}, publishFreeText: true } }), 404);
    const closed = problem(await server.app.inject({ method: 'POST', url: `/api/public/consultations/${DEMO_CLOSED_CONSULTATION_ID}/responses`, payload: { answers: { q1: 'support', q4: 3 }, publishFreeText: true } }), 409);
    expect(closed.detail).toBe('This consultation closed on 28 June 2026; responses are no longer accepted.');
    const list = (await server.app.inject({ url: '/api/public/consultations' })).json().consultations.map((c: { id: string }) => c.id);
    expect(list).toEqual(expect.arrayContaining([id, DEMO_OPEN_CONSULTATION_ID, DEMO_CLOSED_CONSULTATION_ID]));
    const one = (await server.app.inject({ url: `/api/public/consultations/${id}` })).json();
    expect(one.questions).toHaveLength(3);
    expect(one.aboutYouQuestions.find((q: { key: string }) => q.key === 'place').options.map((o: string[]) => o[1])).toContain('Liverpool');
    expect(JSON.stringify(one)).not.toContain('Pat Lead');
  });

  it('freezes the questions once answered (409), while the title may still change', async () => {
    const current = (await staff(lead, 'GET', `/api/engage/consultations/${id}`)).json();
    expect(current.questionsFrozen).toBe(true);
    const frozen = problem(await staff(lead, 'PUT', `/api/engage/consultations/${id}`, { definition: { ...definition('Community pharmacy'), questions: definition('x').questions.slice(0, 1) } }), 409);
    expect(frozen.title).toBe('Questions are frozen');
    const retitled = await staff(lead, 'PUT', `/api/engage/consultations/${id}`, { definition: definition('Community pharmacy near you'), ifVersion: current.consultation.version });
    expect(retitled.json().consultation.title).toBe('Community pharmacy near you');
  });

  it('stores injection attempts byte for byte and shows them only as text', async () => {
    const nasty = `<script>alert("x")</script><img src=x onerror=alert(1)>'; DROP TABLE engage_response; -- {{7*7}} \${7*7} ☃`;
    const response = await server.app.inject({ method: 'POST', url: `/api/public/consultations/${id}/responses`, payload: { answers: { q1: 'yes', q2: nasty }, publishFreeText: true, contact: { name: nasty.slice(0, 100), email: 'x@example.com', consentToContact: true } } });
    expect(response.statusCode).toBe(201);
    const stored = (await new ResponseStore(new ConsultationStore(server.platform.sql)).submitted(id)).find((r) => r.reference === response.json().reference)!;
    expect(stored.answers.q2).toBe(nasty);
    expect(stored.contact?.name).toBe(nasty.slice(0, 100));
    // Re-rendered in the form after a problem, it is escaped text.
    const page = await server.app.inject({ method: 'POST', url: `/public/consultations/${id}/respond`, payload: { 'answers.q1': 'yes', 'answers.q2': nasty, action: 'submit' } });
    expect(page.statusCode).toBe(400);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('serves the public pages without JavaScript: the list, the form, problems in an error summary, save and resume, thanks', async () => {
    const list = await server.app.inject({ url: '/public/consultations' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Urgent care near you');
    expect(list.body).toContain('Mental health support 2026');
    const form = await server.app.inject({ url: `/public/consultations/${id}/respond` });
    expect(form.body).toContain('Answer this only if you answered “Yes” to question 1');
    expect(form.body).toContain('src="/engage/consultation.js"');
    const problems = await server.app.inject({ method: 'POST', url: `/public/consultations/${id}/respond`, payload: { 'answers.q1': 'yes', action: 'submit' } });
    expect(problems.statusCode).toBe(400);
    expect(problems.body).toContain('nhsuk-error-summary');
    expect(problems.body).toContain('Question 2: answer “Tell us more”'.replace(/[“”]/g, '&quot;'));
    const saved = await server.app.inject({ method: 'POST', url: `/public/consultations/${id}/respond`, payload: { 'answers.q1': 'yes', 'answers.q2': 'Half done', action: 'save' } });
    expect(saved.statusCode).toBe(200);
    const link = /href="(\/public\/consultations\/[^"]+\?resume=[^"]+)"/.exec(saved.body)![1];
    const resumed = await server.app.inject({ url: link });
    expect(resumed.body).toContain('Half done');
    const token = new URL(link, 'http://x').searchParams.get('resume')!;
    const done = await server.app.inject({ method: 'POST', url: `/public/consultations/${id}/respond`, payload: { resume: token, 'answers.q1': 'yes', 'answers.q2': 'All done', 'answers.q3.a': '2', 'answers.q3.b': '1', publishFreeText: 'no', action: 'submit' } });
    expect(done.statusCode).toBe(303);
    const thanks = await server.app.inject({ url: String(done.headers.location) });
    expect(thanks.body).toMatch(/FP-C-\d{4}-[2-9A-Z]{8}/);
    expect((await server.app.inject({ url: link })).statusCode).toBe(404);
    const closed = await server.app.inject({ url: `/public/consultations/${DEMO_CLOSED_CONSULTATION_ID}/respond` });
    expect(closed.body).toContain('This consultation closed on 28 June 2026; responses are no longer accepted.');
    const robot = await server.app.inject({ method: 'POST', url: `/public/consultations/${id}/respond`, payload: { 'answers.q1': 'no', website: 'http://spam.example', action: 'submit' } });
    expect(robot.statusCode).toBe(303);
  });

  it('limits responses per address, the form and the API counting together: 429 over the limit', async () => {
    const from = '10.2.0.9';
    const api = () => server.app.inject({ method: 'POST', url: `/api/public/consultations/${id}/responses`, remoteAddress: from, payload: { answers: { q1: 'no' }, publishFreeText: false } });
    const form = (address = from) => server.app.inject({ method: 'POST', url: `/public/consultations/${id}/respond`, remoteAddress: address, payload: { 'answers.q1': 'no', publishFreeText: 'no', action: 'submit' } });
    for (let i = 0; i < 10; i++) expect((await form()).statusCode).toBe(303);
    for (let i = 0; i < 10; i++) expect((await api()).statusCode).toBe(201);
    const overApi = await api();
    expect(overApi.statusCode).toBe(429);
    expect(overApi.headers['retry-after']).toBeDefined();
    expect((await form()).statusCode).toBe(429);
    expect((await form('10.2.0.10')).statusCode).toBe(303);
  });
});
