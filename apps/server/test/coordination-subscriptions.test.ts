import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Subscription, Task } from '@footprint/fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/auth/clients';
import { FHIR_JSON, startTestServer, storageKinds, type TestServer } from './support';

/** Waits until `check` returns something truthy (at most 20 s), polling every 100 ms. */
async function until<T>(check: () => Promise<T | undefined | false>, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * FHIR Subscriptions end to end (issue 14 §5): a partner system subscribes over the FHIR API to
 * the Tasks addressed to its organisation; its endpoint receives each one, and while the endpoint
 * is down the record carries on and the notification waits, retried, until it is back.
 */
describe.each(storageKinds)('FHIR Subscriptions (REST hook) through the server on %s', (kind) => {
  let server: TestServer;
  let partner: Server;
  let hook = '';
  let answer = 200;
  const received: Array<{ method: string; url: string; authorization?: string; body: string }> = [];
  let partnerAuth: Record<string, string>;
  let writerAuth: Record<string, string>;

  beforeAll(async () => {
    partner = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (answer === 200) received.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    hook = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/council/hook`;
    server = await startTestServer(kind, { subscriptions: { intervalMs: 150, allowHttp: true, retryDelaysSeconds: Array(20).fill(1) } });
    const { client, secret } = await createClient(server.platform.sql, {
      name: 'Council case management',
      organisation: 'Organization/council',
      scopes: ['system/Task.rs', 'system/Subscription.crus'],
    });
    const token = await server.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: secret } });
    partnerAuth = { authorization: `Bearer ${(token.json() as { access_token: string }).access_token}` };
    writerAuth = { authorization: `Bearer ${await server.token()}` };
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => partner?.close(resolve));
  });

  const subscribe = async (subscription: Partial<Subscription>) =>
    server.app.inject({
      method: 'POST',
      url: '/fhir/R4/Subscription',
      headers: { ...partnerAuth, ...FHIR_JSON },
      payload: { resourceType: 'Subscription', status: 'requested', reason: 'Our referrals', criteria: 'Task?owner=Organization/council', ...subscription },
    });
  const readSubscription = async (id: string) => (await server.app.inject({ method: 'GET', url: `/fhir/R4/Subscription/${id}`, headers: partnerAuth })).json() as Subscription;
  const newTask = async (owner: string, description: string) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4/Task',
      headers: { ...writerAuth, ...FHIR_JSON },
      payload: { resourceType: 'Task', status: 'requested', intent: 'order', owner: { reference: owner }, requester: { reference: 'Organization/test' }, description } satisfies Task,
    });
    expect(response.statusCode).toBe(201);
    return response.json() as Task;
  };

  it('activates the Subscription, then PUTs each Task addressed to the council to its endpoint', async () => {
    const created = await subscribe({ channel: { type: 'rest-hook', endpoint: hook, payload: 'application/fhir+json', header: ['Authorization: Bearer council-hook-secret'] } });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as Subscription).id!;
    await until(async () => (await readSubscription(id)).status === 'active', 'the Subscription to become active');

    await newTask('Organization/elsewhere', 'Not the council’s');
    const task = await newTask('Organization/council', 'Care needs assessment');
    const call = await until(async () => received.find((r) => r.url.endsWith(`/Task/${task.id}`)), 'the notification');
    expect(call).toMatchObject({ method: 'PUT', url: `/council/hook/Task/${task.id}`, authorization: 'Bearer council-hook-secret' });
    expect(JSON.parse(call.body)).toMatchObject({ resourceType: 'Task', id: task.id, owner: { reference: 'Organization/council' } });
    expect(received.some((r) => JSON.parse(r.body).description === 'Not the council’s')).toBe(false);
  });

  it('keeps the record working while the endpoint is down, and delivers once it is back', async () => {
    answer = 503;
    const task = await newTask('Organization/council', 'Home care package');
    // The record answers as ever: reads, searches and more writes.
    const read = await server.app.inject({ method: 'GET', url: `/fhir/R4/Task/${task.id}`, headers: writerAuth });
    expect(read.statusCode).toBe(200);
    const updated = await server.app.inject({ method: 'PUT', url: `/fhir/R4/Task/${task.id}`, headers: { ...writerAuth, ...FHIR_JSON }, payload: { ...task, note: [{ text: 'Please ring before visiting' }] } });
    expect(updated.statusCode).toBe(200);
    const waiting = await until(async () => {
      const { rows } = await server.platform.sql.query<{ attempts: number; last_error: string }>(
        "SELECT attempts, last_error FROM coordination_notification WHERE resource_id = $1 AND status = 'pending' AND last_error IS NOT NULL",
        [task.id],
      );
      return rows[0];
    }, 'a failed attempt');
    expect(waiting.last_error).toBe('The endpoint answered HTTP 503');
    answer = 200;
    const delivered = await until(async () => {
      const calls = received.filter((r) => r.url.endsWith(`/Task/${task.id}`));
      return calls.length >= 1 && calls;
    }, 'delivery after the endpoint came back');
    expect(JSON.parse(delivered.at(-1)!.body).id).toBe(task.id);
  });

  it('puts a Subscription it cannot serve in error, saying why, and accepts nothing but rest-hook', async () => {
    const insecure = await subscribe({ channel: { type: 'rest-hook', endpoint: 'ftp://partner.example/hook' } });
    expect(insecure.statusCode).toBe(201);
    const id = (insecure.json() as Subscription).id!;
    const after = await until(async () => {
      const s = await readSubscription(id);
      return s.status === 'error' && s;
    }, 'the Subscription to be put in error');
    expect(after.error).toMatch(/endpoint must be an https: URL/);
    const email = await subscribe({ channel: { type: 'email', endpoint: 'mailto:team@example.org' } });
    const emailId = (email.json() as Subscription).id!;
    expect(await until(async () => (await readSubscription(emailId)).error, 'the email Subscription to be refused')).toMatch(/Only rest-hook/);
  });
});
