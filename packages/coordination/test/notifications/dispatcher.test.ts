import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Subscription, Task } from '@footprint/fhir';
import { createRecord, recordMigrationSets, systemContext, type AccessContext, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { coordinationMigrationSets, SubscriptionDispatcher, type Subscriber } from '../../src';

const COUNCIL = 'Organization/council';
const council: AccessContext = {
  principal: { kind: 'client', id: 'council-case-system' },
  organisation: { reference: COUNCIL },
  scopes: ['system/Task.crus', 'system/Subscription.crus'],
  purpose: 'TREAT',
};
const platform = systemContext();

interface Received {
  method: string;
  url: string;
  authorization?: string;
  contentType?: string;
  body: string;
}

/** A partner system's REST-hook endpoint: records what it receives, answers `status()`. */
class PartnerEndpoint {
  received: Received[] = [];
  answer = 200;
  private server!: Server;
  url = '';
  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.received.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, contentType: req.headers['content-type'], body });
        res.writeHead(this.answer).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

for (const kind of postgresKinds()) {
  describe(`FHIR Subscriptions (REST hook) for partner systems (${kind})`, () => {
    let record: OpenRecord;
    let endpoint: PartnerEndpoint;
    let dispatcher: SubscriptionDispatcher;
    let enabled = true;
    const resolveSubscriber = async (s: Subscriber): Promise<AccessContext | undefined> =>
      enabled && s.kind === 'client' && s.id === council.principal.id ? council : undefined;
    const task = (owner: string, description: string): Task => ({ resourceType: 'Task', status: 'requested', intent: 'order', owner: { reference: owner }, requester: { reference: 'Organization/practice' }, description });
    const subscribe = async (extra: Partial<Subscription> = {}): Promise<Subscription> =>
      (
        await record.repo.create<Subscription>(council, {
          resourceType: 'Subscription',
          status: 'requested',
          reason: 'Referrals to adult social care',
          criteria: `Task?owner=${COUNCIL}`,
          channel: { type: 'rest-hook', endpoint: endpoint.url, payload: 'application/fhir+json', header: ['Authorization: Bearer partner-secret'] },
          ...extra,
        })
      ).resource;
    const notifications = async () =>
      (await record.sql.query<{ status: string; attempts: number; last_error: string | null }>('SELECT status, attempts, last_error FROM coordination_notification ORDER BY id')).rows;

    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'coord_subs', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...coordinationMigrationSets] }));
      endpoint = new PartnerEndpoint();
      await endpoint.start();
    });
    afterAll(async () => {
      await endpoint?.close();
      await record?.close();
    });
    beforeEach(async () => {
      enabled = true;
      endpoint.answer = 200;
      endpoint.received = [];
      dispatcher = new SubscriptionDispatcher({ sql: record.sql, repo: record.repo, resolveSubscriber, allowHttp: true, retryDelaysSeconds: [0, 0] });
      await dispatcher.scan();
      await record.sql.query("UPDATE coordination_notification SET status = 'cancelled' WHERE status = 'pending'");
    });

    it('activates a Subscription and PUTs each matching Task to the partner, with its headers, and nothing else', async () => {
      const subscription = await subscribe();
      await dispatcher.scan();
      expect((await record.repo.read<Subscription>(council, 'Subscription', subscription.id!)).status).toBe('active');

      const ours = (await record.repo.create<Task>(platform, task(COUNCIL, 'Care needs assessment'))).resource;
      await record.repo.create<Task>(platform, task('Organization/elsewhere', 'Not for the council'));
      expect(await dispatcher.scan()).toBe(1);
      expect((await dispatcher.deliverDue()).map((o) => o.status)).toEqual(['delivered']);
      expect(endpoint.received).toHaveLength(1);
      const [call] = endpoint.received;
      expect(call).toMatchObject({ method: 'PUT', url: `/hook/Task/${ours.id}`, authorization: 'Bearer partner-secret', contentType: 'application/fhir+json' });
      expect(JSON.parse(call.body)).toMatchObject({ resourceType: 'Task', id: ours.id, description: 'Care needs assessment' });

      // Each new version notifies once; scanning again queues nothing more.
      await record.repo.update<Task>(platform, { ...ours, status: 'accepted' });
      expect(await dispatcher.scan()).toBe(1);
      expect(await dispatcher.scan()).toBe(0);
      await dispatcher.deliverDue();
      expect(endpoint.received.map((r) => JSON.parse(r.body).status)).toEqual(['requested', 'accepted']);
      await record.repo.update<Subscription>(council, { ...(await record.repo.read<Subscription>(council, 'Subscription', subscription.id!)), status: 'off' });
    });

    it('sends an empty POST when the Subscription asks for no payload', async () => {
      const subscription = await subscribe({ channel: { type: 'rest-hook', endpoint: endpoint.url } });
      await dispatcher.scan();
      await record.repo.create<Task>(platform, task(COUNCIL, 'Review'));
      await dispatcher.scan();
      await dispatcher.deliverDue();
      expect(endpoint.received).toEqual([expect.objectContaining({ method: 'POST', url: '/hook', body: '' })]);
      await record.repo.update<Subscription>(council, { ...(await record.repo.read<Subscription>(council, 'Subscription', subscription.id!)), status: 'off' });
    });

    it('keeps the record working while the partner is down, retries with backoff, and delivers when it is back', async () => {
      const subscription = await subscribe();
      await dispatcher.scan();
      endpoint.answer = 503;
      const created = await record.repo.create<Task>(platform, task(COUNCIL, 'Home care package'));
      expect(created.outcome).toBe('created');
      await dispatcher.scan();
      expect((await dispatcher.deliverDue()).map((o) => [o.status, o.reason])).toEqual([['retrying', 'The endpoint answered HTTP 503']]);
      // The record carries on: more writes, reads, and the Subscription still active.
      expect((await record.repo.update<Task>(platform, { ...created.resource, status: 'accepted' })).outcome).toBe('updated');
      expect((await record.repo.read<Subscription>(council, 'Subscription', subscription.id!)).status).toBe('active');
      endpoint.answer = 200;
      await dispatcher.scan();
      expect((await dispatcher.deliverDue()).map((o) => o.status)).toEqual(['delivered', 'delivered']);
      expect((await notifications()).slice(-2)).toEqual([
        { status: 'delivered', attempts: 2, last_error: null },
        { status: 'delivered', attempts: 1, last_error: null },
      ]);
      await record.repo.update<Subscription>(council, { ...(await record.repo.read<Subscription>(council, 'Subscription', subscription.id!)), status: 'off' });
    });

    it('gives up after the last retry and puts the Subscription in error, saying why', async () => {
      await endpoint.close();
      const subscription = await subscribe();
      await dispatcher.scan();
      await record.repo.create<Task>(platform, task(COUNCIL, 'Equipment'));
      await dispatcher.scan();
      const tries = [];
      for (let i = 0; i < 3; i++) tries.push(...(await dispatcher.deliverDue()).map((o) => o.status));
      expect(tries).toEqual(['retrying', 'retrying', 'failed']);
      const after = await record.repo.read<Subscription>(council, 'Subscription', subscription.id!);
      expect(after.status).toBe('error');
      expect(after.error).toMatch(/after 3 attempts: fetch failed: ECONNREFUSED/);
      await endpoint.start();
    });

    it('refuses criteria it cannot serve, and stops when the partner system is disabled', async () => {
      const bad = await subscribe({ criteria: 'not a search' });
      const insecure = await subscribe({ channel: { type: 'rest-hook', endpoint: 'ftp://partner.example/hook' } });
      await dispatcher.scan();
      const badNow = await record.repo.read<Subscription>(council, 'Subscription', bad.id!);
      expect(badNow).toMatchObject({ status: 'error', error: expect.stringMatching(/criteria must be a search/) });
      expect((await record.repo.read<Subscription>(council, 'Subscription', insecure.id!)).error).toMatch(/endpoint must be an https: URL/);

      const good = await subscribe();
      await dispatcher.scan();
      enabled = false;
      await record.repo.create<Task>(platform, task(COUNCIL, 'After the system was disabled'));
      expect(await dispatcher.scan()).toBe(0);
      expect((await record.repo.read<Subscription>(council, 'Subscription', good.id!)).status).toBe('error');
      expect(endpoint.received).toEqual([]);
    });
  });
}
