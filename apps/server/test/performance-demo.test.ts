import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, PostgresRepository, systemContext } from '@footprint/record';
import { organizationId, writeFootprint } from '@footprint/synth';
import { buildWarehouse } from '@footprint/warehouse';
import { SEED_PLAN_IDS } from '@footprint/partnership';
import { listIndicators, type IndicatorSpcView, type Scorecard } from '@footprint/performance';
import { upsertUser } from '../src/api/auth/users';
import { seedPartnershipDemo } from '../src/api/partnership/seed';
import { seedPerformanceDemo } from '../src/api/performance/seed';
import { startTestServer, storageKinds, type TestServer } from './support';

/** `footprint demo`'s synthetic footprint (apps/cli/src/demo/prepare.ts: DEMO_FOOTPRINT and DEFAULT_DEMO_PEOPLE). */
const DEMO = { footprint: 'cheshire-and-merseyside', people: 2500, seed: 42, duplicates: true } as const;
const CM = 'E54000008';
/** Fewer points than this and SPC's limits are trial limits (the warning for groups under 13). */
const ENOUGH_POINTS = 13;

/**
 * The demo as `footprint demo` builds it: the synthetic Cheshire and Merseyside footprint loaded
 * through the record's import, the warehouse built from it, the partnership's plan and the
 * performance seed (values computed from the warehouse and the synthetic national series). One
 * storage kind only: what is checked is the demo's data, and building it takes minutes.
 */
describe('the demo measures Cheshire and Merseyside’s plan', { timeout: 600_000 }, () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer(storageKinds[0]!);
    const { platform } = server;
    const outDir = join(platform.dataDir, 'synthetic-footprint');
    const manifest = await writeFootprint({ ...DEMO, outDir });
    for (const file of manifest.files) {
      const recordedBy = { ...systemContext('SYSADMIN', 'demo-test'), organisation: { reference: `Organization/${organizationId(file.organisation.code)}`, odsCode: file.organisation.code } };
      await importFiles(platform.record, recordedBy, [join(outDir, file.path)], { sql: platform.sql, organisation: file.organisation.code, repositoryIn: (tx) => new PostgresRepository(tx) });
    }
    await buildWarehouse({ dataDir: platform.dataDir, record: platform.record });
    expect(await seedPartnershipDemo(platform)).toBe(true);
    await seedPerformanceDemo(platform);
    await upsertUser(platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Pat Lead', password: 'lead password', organisation: { code: 'QYG', name: 'Cheshire and Merseyside', reference: 'Organization/qyg' } });
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'lead', password: 'lead password' } });
    expect(response.statusCode).toBe(200);
    cookie = String(response.headers['set-cookie']).split(';')[0]!;
  }, 600_000);
  afterAll(async () => server?.close());

  const get = <T>(url: string) => server.app.inject({ method: 'GET', url: `/api/performance${url}`, headers: { cookie } }).then((r) => {
    expect(r.statusCode, url).toBe(200);
    return r.json() as T;
  });

  it('judges every ambition of the 2021 plan for the footprint: none shows "No data yet"', async () => {
    const card = await get<Scorecard>('/scorecard');
    expect(card.plan.id).toBe(SEED_PLAN_IDS.cheshireAndMerseyside2021);
    const ambitions = card.gaps.flatMap((g) => g.ambitions);
    expect(ambitions).toHaveLength(7);
    expect(ambitions.filter((a) => a.footprint.status === 'no-data').map((a) => `${a.statement}: ${a.footprint.reason}`)).toEqual([]);
    // The first ambition is measured by premature cancer and CVD mortality pooled over 24 months, a published rate.
    const mortality = ambitions.find((a) => a.id === `${SEED_PLAN_IDS.cheshireAndMerseyside2021}-ambition-01`)!;
    expect(mortality.primary?.id).toBe('premature-mortality-cancer-cvd-u75');
    expect(mortality.footprint.latest!.value).toBeGreaterThan(0);
    expect(mortality.footprint.points).toBeGreaterThanOrEqual(ENOUGH_POINTS);
  });

  it('charts every indicator of the catalogue for the footprint, or says precisely why not', async () => {
    const outcomes = new Map<string, string>();
    for (const indicator of listIndicators()) {
      const chart = await get<IndicatorSpcView>(`/indicators/${indicator.id}/spc?area=${CM}`);
      if (chart.spc) {
        expect(chart.pointCount, indicator.id).toBeGreaterThanOrEqual(ENOUGH_POINTS);
        expect(chart.spc.points, indicator.id).toHaveLength(chart.pointCount);
        outcomes.set(indicator.id, 'chart');
      } else outcomes.set(indicator.id, chart.reason!);
    }
    // Cancer and cardiovascular deaths under 75, each over 12 months, are a handful a year in a
    // footprint of 2,500 people: every month is suppressed, and the page says so. Together over 24
    // months they are charted (the first ambition's primary indicator).
    const suppressed = (name: string) => `${name} has no value to chart for ${CM}: 36 months have no value: Fewer than 10 events: the age-standardised rate is not published (PHE guidance).`;
    expect(Object.fromEntries([...outcomes].filter(([, o]) => o !== 'chart'))).toEqual({
      'premature-mortality-cancer-u75': suppressed('Premature mortality from cancer'),
      'premature-mortality-cvd-u75': suppressed('Premature mortality from cardiovascular disease'),
      // Care coordination sends these from the record's social prescribing referrals, which this
      // footprint (the record, warehouse and performance seed, not coordination's demo) has none of.
      'social-prescribing-referrals': `Social prescribing referrals has no values for ${CM}.`,
      'social-prescribing-wellbeing-improved': `Social prescriptions improving wellbeing has no values for ${CM}.`,
    });
    expect(outcomes.size).toBe(listIndicators().length);
  });

  it('charts the first ambition against its trajectory, as the scorecard judges it', async () => {
    const ambition = `${SEED_PLAN_IDS.cheshireAndMerseyside2021}-ambition-01`;
    const card = await get<Scorecard>('/scorecard');
    const cell = card.gaps.flatMap((g) => g.ambitions).find((a) => a.id === ambition)!.footprint;
    const chart = await get<IndicatorSpcView>(`/indicators/premature-mortality-cancer-cvd-u75/spc?area=${CM}&ambition=${ambition}`);
    expect(chart.spc!.points.at(-1)!.target).toBeCloseTo(cell.trajectory!.value, 9);
    expect([chart.spc!.variation, chart.spc!.assurance]).toEqual([cell.variation, cell.assurance]);
  });
});
