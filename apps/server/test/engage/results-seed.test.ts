import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModerationStore, OutcomeStore, ResultsStore } from '@footprint/engage';
import { loadTestPartnership } from '@footprint/partnership';
import { seedPartnershipDemo } from '../../src/api/partnership/seed';
import { seedResults } from '../../src/api/engage/seed-results';
import { startTestServer, storageKinds, type TestServer } from '../support';
import { insertConsultation, insertResponse } from '@footprint/engage/test-fixtures';

describe.each(storageKinds)('the demo results seed on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
    await loadTestPartnership(server.platform.record);
    await seedPartnershipDemo(server.platform);
  }, 300_000);
  afterAll(async () => server?.close());

  it('does nothing before there is a closed consultation', async () => {
    await expect(seedResults(server.platform)).resolves.toBeUndefined();
  });

  it('moderates the closed consultation’s free text, publishes its results with three linked outcomes, once', async () => {
    await insertConsultation(server.platform.sql, 'closed-demo');
    await insertResponse(server.platform.sql, 'closed-demo', { answers: { q6: 'Ring me on 07700 900123 about the clinic.' }, publishFreeText: true });
    await insertResponse(server.platform.sql, 'closed-demo', { answers: { q6: 'The receptionists are idiots.' }, publishFreeText: true });
    await insertResponse(server.platform.sql, 'closed-demo', { answers: { q6: 'More evening appointments, please.' }, publishFreeText: true });
    await seedResults(server.platform);
    const items = await new ModerationStore(server.platform.sql).items('closed-demo');
    expect(items.map((i) => [i.status, i.publishedText])).toEqual([
      ['approved', 'Ring me on [redacted: personal data] about the clinic.'],
      ['rejected', 'The receptionists are idiots.'],
      ['approved', 'More evening appointments, please.'],
    ]);
    const published = await new ResultsStore(server.platform.sql).published('closed-demo');
    expect(published.themesNotCovered).toContain('parking');
    const outcomes = await new OutcomeStore(server.platform.sql).forConsultation('closed-demo');
    expect(outcomes).toHaveLength(3);
    expect(outcomes.flatMap((o) => o.planItems.map((p) => p.kind))).toEqual(expect.arrayContaining(['ambition', 'priority']));
    const before = published.publishedAt;
    await seedResults(server.platform);
    expect((await new ResultsStore(server.platform.sql).published('closed-demo')).publishedAt).toBe(before);
  });
});
