import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnquiryStore, TEXT_LIMITS } from '@footprint/engage';
import { startTestServer, storageKinds, type TestServer } from '../support';
import { HOSTILE, postForm, signedIn, staffCall, type Who } from './enquiries-support';

/** Get in touch over HTTP on real PostgreSQL: the public form and API, abuse protection, and the staff inbox. */
describe.each(storageKinds)('get in touch over HTTP on %s', (kind) => {
  let server: TestServer;
  let lead: Who;
  let clinician: Who;
  beforeAll(async () => {
    server = await startTestServer(kind, { mail: false });
    lead = await signedIn(server, 'lead', 'partnership_lead');
    clinician = await signedIn(server, 'gp', 'gp_clinician');
  }, 300_000);
  afterAll(async () => server?.close());
  const store = () => new EnquiryStore(server.platform.sql);

  it('takes JSON at POST /api/public/enquiries and answers 201 with a reference', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/public/enquiries', remoteAddress: '10.1.0.1', payload: { topic: 'consultation', message: 'When does it close?', consentToContact: false } });
    expect(response.statusCode).toBe(201);
    const { reference } = response.json() as { reference: string };
    expect(reference).toMatch(/^FP-E-\d{4}-\d{6}-[A-Z0-9]{5}$/);
    expect((await store().get(reference)).channel).toBe('api');
    const topics = await server.app.inject({ method: 'GET', url: '/api/public/enquiries/topics' });
    expect((topics.json() as Array<{ id: string }>).map((t) => t.id)).toEqual(['the-plan', 'consultation', 'service', 'accessibility', 'something-else']);
  });

  it('answers bad JSON input with a 400 problem naming each field, and stores nothing', async () => {
    const before = (await store().inbox()).counts.all;
    const response = await server.app.inject({ method: 'POST', url: '/api/public/enquiries', remoteAddress: '10.1.0.2', payload: { topic: 'x', message: '', email: 'nope', name: 'n'.repeat(TEXT_LIMITS.name + 1) } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json() as { title: string; detail: string };
    expect(problem.title).toBe('Check what you entered');
    expect(problem.detail).toMatch(/^topic: .*; message: enter your message; name: must be 200 characters or fewer; email: enter an email address in the correct format/);
    const tooLong = await server.app.inject({ method: 'POST', url: '/api/public/enquiries', remoteAddress: '10.1.0.2', payload: { topic: 'service', message: 'x'.repeat(TEXT_LIMITS.message + 1) } });
    expect([tooLong.statusCode, (tooLong.json() as { detail: string }).detail]).toEqual([400, 'message: must be 5,000 characters or fewer (it has 5,001)']);
    const huge = await server.app.inject({ method: 'POST', url: '/api/public/enquiries', remoteAddress: '10.1.0.2', payload: { topic: 'service', message: 'x'.repeat(100_000) } });
    expect(huge.statusCode).toBe(413);
    const array = await server.app.inject({ method: 'POST', url: '/api/public/enquiries', remoteAddress: '10.1.0.2', payload: [1, 2] });
    expect(array.statusCode).toBe(400);
    expect((await store().inbox()).counts.all).toBe(before);
  });

  it('keeps injection attempts in every field as text, byte for byte, through the API and the form, and never renders them as markup', async () => {
    const message = Object.values(HOSTILE).join('\n\n');
    const api = await server.app.inject({ method: 'POST', url: '/api/public/enquiries', remoteAddress: '10.1.0.3', payload: { topic: 'something-else', message, name: `${HOSTILE.attribute} ${HOSTILE.sql}`, email: "o'brien+test@example.org" } });
    expect(api.statusCode).toBe(201);
    const stored = await store().get((api.json() as { reference: string }).reference);
    expect([stored.message, stored.name, stored.email]).toEqual([message, `${HOSTILE.attribute} ${HOSTILE.sql}`, "o'brien+test@example.org"]);

    const form = await postForm(server, { topic: 'something-else', message, name: `${HOSTILE.script}${HOSTILE.unicode}`, email: 'a@example.org', consent: 'yes', website: '' }, '10.1.0.3');
    expect(form.statusCode).toBe(303);
    const reference = decodeURIComponent(String(form.headers.location).split('ref=')[1]);
    const fromForm = await store().get(reference);
    expect([fromForm.message, fromForm.name, fromForm.consentToContact, fromForm.channel]).toEqual([message, `${HOSTILE.script}${HOSTILE.unicode}`, true, 'web']);

    // The staff API gives it back as JSON strings, exactly.
    const answer = (await staffCall(server, lead, 'GET', `/api/engage/enquiries/${reference}`)).json() as { enquiry: { message: string; name: string } };
    expect(answer.enquiry.message).toBe(message);

    // Sent back to the form with an error, every field is escaped text: no element or attribute is made of it.
    const invalid = await postForm(server, { topic: HOSTILE.attribute, message: HOSTILE.script, name: HOSTILE.attribute, email: HOSTILE.attribute }, '10.1.0.3');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).not.toContain('<script>alert');
    expect(invalid.body).not.toContain('<img src=x');
    expect(invalid.body).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(invalid.body).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });

  it('re-renders the form with an NHS.UK error summary linking to each field, keeping what was typed', async () => {
    const response = await postForm(server, { topic: '', message: '', name: 'Sam', email: 'not-an-email', consent: 'yes' }, '10.1.0.4');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
    const start = response.body.indexOf('nhsuk-error-summary');
    const summary = response.body.slice(start, response.body.indexOf('</ul>', start));
    expect([...summary.matchAll(/<a href="#([a-z]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['topic', 'Choose what your message is about'],
      ['message', 'Enter your message'],
      ['email', 'Enter an email address in the correct format, like name@example.com'],
    ]);
    expect(response.body).toContain('<title>Error: Get in touch');
    expect(response.body).toContain('value="Sam"');
    expect(response.body).toMatch(/<input class="nhsuk-checkboxes__input" id="consent" [^>]*checked=""/);
  });

  it('serves the form and the confirmation without JavaScript, with the honeypot hidden from people', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/public/contact' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<form [^>]*action="\/public\/contact" method="post">/);
    expect(page.body).toContain('<div class="fp-honeypot" aria-hidden="true"><label for="website">Leave this field empty</label><input id="website" type="text" tabindex="-1" autoComplete="off" name="website" value=""/></div>');
    expect(page.body).toContain('You can enter up to 5,000 characters');
    expect(page.body).not.toMatch(/<script(?![^>]*src=)/);
    const sent = await server.app.inject({ method: 'GET', url: '/public/contact/sent?ref=fp-e-2026-000001-abcde' });
    expect(sent.body).toContain('FP-E-2026-000001-ABCDE');
    const forged = await server.app.inject({ method: 'GET', url: `/public/contact/sent?ref=${encodeURIComponent(HOSTILE.script)}` });
    expect(forged.statusCode).toBe(200);
    expect(forged.body).not.toContain('pwned');
    expect(forged.body).not.toContain('Your reference is');
  });

  it('drops a submission with the honeypot filled: it looks like success and nothing is stored', async () => {
    const before = (await store().inbox()).counts.all;
    const form = await postForm(server, { topic: 'the-plan', message: 'Buy cheap pills', website: 'http://spam.example' }, '10.1.0.5');
    expect([form.statusCode, form.headers.location]).toEqual([303, '/public/contact/sent']);
    const api = await server.app.inject({ method: 'POST', url: '/api/public/enquiries', remoteAddress: '10.1.0.5', payload: { topic: 'the-plan', message: 'Buy cheap pills', website: 'http://spam.example' } });
    expect(api.statusCode).toBe(201);
    expect((api.json() as { reference: string }).reference).toMatch(/^FP-E-\d{4}-000000-/);
    expect((await store().inbox()).counts.all).toBe(before);
  });

  it('limits submissions per address, the form and the API counting together: 429 over the limit', async () => {
    const from = '10.1.0.6';
    for (let i = 0; i < 10; i++) expect((await postForm(server, { topic: 'service', message: `form ${i}` }, from)).statusCode).toBe(303);
    for (let i = 0; i < 10; i++) expect((await server.app.inject({ method: 'POST', url: '/api/public/enquiries', remoteAddress: from, payload: { topic: 'service', message: `api ${i}` } })).statusCode).toBe(201);
    const api = await server.app.inject({ method: 'POST', url: '/api/public/enquiries', remoteAddress: from, payload: { topic: 'service', message: 'one more' } });
    expect(api.statusCode).toBe(429);
    expect(api.headers['retry-after']).toBeDefined();
    const form = await postForm(server, { topic: 'service', message: 'one more' }, from);
    expect(form.statusCode).toBe(429);
    expect(form.headers['content-type']).toContain('text/html');
    expect(form.body).toContain('You have sent too many messages');
    // Another address is not affected.
    expect((await postForm(server, { topic: 'service', message: 'elsewhere' }, '10.1.0.7')).statusCode).toBe(303);
  });

  it('lets staff with engagement handle the inbox, recording who did what, and refuses others', async () => {
    const { reference } = (await server.app.inject({ method: 'POST', url: '/api/public/enquiries', remoteAddress: '10.1.0.8', payload: { topic: 'service', message: 'Opening hours?', email: 'pat@example.org' } })).json() as { reference: string };
    expect((await staffCall(server, clinician, 'GET', '/api/engage/enquiries')).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: '/api/engage/enquiries' })).statusCode).toBe(401);
    const inbox = (await staffCall(server, lead, 'GET', '/api/engage/enquiries?state=new')).json() as { enquiries: Array<{ reference: string; state: string }>; counts: { all: number; new: number }; mail: { configured: boolean; description: string } };
    expect(inbox.enquiries[0].reference).toBe(reference);
    expect(inbox.enquiries.every((e) => e.state === 'new')).toBe(true);
    expect(inbox.mail).toMatchObject({ configured: false });
    expect(inbox.mail.description).toContain('Email is not configured');

    expect((await staffCall(server, lead, 'POST', `/api/engage/enquiries/${reference}/assign`, { team: 'primary-care' })).statusCode).toBe(200);
    const replied = await staffCall(server, lead, 'POST', `/api/engage/enquiries/${reference}/reply`, { text: 'Monday to Friday.' });
    expect(replied.statusCode).toBe(201);
    const afterReply = replied.json() as { enquiry: { mail: Array<{ status: string }> }; delivery: { status: string; reason: string } };
    expect(afterReply.delivery).toMatchObject({ status: 'pending' });
    expect(afterReply.enquiry.mail.map((m) => m.status)).toEqual(['pending']);
    expect((await staffCall(server, lead, 'POST', `/api/engage/enquiries/${reference}/notes`, { text: 'Told the practice.' })).statusCode).toBe(201);
    const closed = (await staffCall(server, lead, 'POST', `/api/engage/enquiries/${reference}/close`, { outcome: 'answered' })).json() as { enquiry: { state: string; events: Array<{ kind: string; by: { name: string } | null }> } };
    expect(closed.enquiry.state).toBe('closed');
    expect(closed.enquiry.events.map((e) => [e.kind, e.by?.name ?? null])).toEqual([['received', null], ['assigned', 'Staff lead'], ['replied', 'Staff lead'], ['noted', 'Staff lead'], ['closed', 'Staff lead']]);

    const again = await staffCall(server, lead, 'POST', `/api/engage/enquiries/${reference}/close`, { outcome: 'answered' });
    expect([again.statusCode, (again.json() as { title: string }).title]).toEqual([409, 'Enquiry closed']);
    expect((await staffCall(server, lead, 'POST', `/api/engage/enquiries/${reference}/reopen`)).statusCode).toBe(200);
    const badTeam = await staffCall(server, lead, 'POST', `/api/engage/enquiries/${reference}/assign`, { team: HOSTILE.sql });
    expect(badTeam.statusCode).toBe(400);
    expect((await staffCall(server, lead, 'GET', '/api/engage/enquiries/FP-E-2026-999999-AAAAA')).statusCode).toBe(404);
    const retry = await staffCall(server, lead, 'POST', `/api/engage/enquiries/${reference}/mail/${(await store().get(reference)).mail[0].id}/retry`);
    expect([retry.statusCode, (retry.json() as { title: string }).title]).toEqual([409, 'Email is not configured']);
    // Without the CSRF token a change is refused.
    const forged = await server.app.inject({ method: 'POST', url: `/api/engage/enquiries/${reference}/notes`, headers: { cookie: lead.cookie }, payload: { text: 'x' } });
    expect(forged.statusCode).toBe(403);
    const mail = (await staffCall(server, lead, 'GET', '/api/engage/mail')).json() as { demoSink: boolean; messages: unknown[] };
    expect(mail).toMatchObject({ demoSink: false, messages: [] });
  });
});
