import { createRecord, recordMigrationSets, type OpenRecord } from '@footprint/record';
import { PartnershipStore, partnershipMigrationSets, readPlanTree, seedDemoPlans, SEED_PLAN_IDS, type PlanTree } from '@footprint/partnership';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScorecard, IndicatorValueStore, performanceMigrationSets, ScorecardInputError, type IndicatorValue, type Scorecard } from '../../src';
import { line, monthly } from './values';

const CM = 'E54000008';
const LIVERPOOL = 'E08000012';
const WIRRAL = 'E08000015';
const footprint = { code: CM, name: 'Cheshire and Merseyside', places: [{ code: LIVERPOOL, name: 'Liverpool' }, { code: WIRRAL, name: 'Wirral' }] };
const HTN = 'hypertension-treated-to-target';
const ADMISSIONS = 'emergency-admissions-per-1000';

// Ambition 03 (hypertension, 58 → 70 from 2021-03 to 2026-03, 62.8 at 2023-03): 66.4 in 2024-09.
// The footprint climbs from 62 to 67.75 over 2022-10..2024-09 (above the trajectory); Liverpool
// stays near 60 (below it); Wirral has no values.
// Ambition 04 (emergency admissions a year, 112 → 100 by 2025-03, 103 at 2024-03): 101.5 in
// 2024-09; the footprint's monthly 9.0 per 1,000 reads 108 a year: off track.
const VALUES: IndicatorValue[] = [
  ...monthly(HTN, CM, 'footprint', '2022-10', line(24, 62, 0.25)),
  ...monthly(HTN, LIVERPOOL, 'place', '2022-10', line(24, 60, 0, 0.3)),
  ...monthly(ADMISSIONS, CM, 'footprint', '2022-10', line(24, 9, 0, 0.05)),
  // A supporting indicator's values do not move the scorecard.
  ...monthly('diabetes-treated-to-target', CM, 'footprint', '2022-10', line(24, 10, 0)),
];

const ambitionOf = (card: Scorecard, n: number) => card.gaps.flatMap((g) => g.ambitions).find((a) => a.id === `${SEED_PLAN_IDS.cheshireAndMerseyside2021}-ambition-0${n}`)!;

for (const kind of postgresKinds()) {
  describe(`the plan's scorecard (${kind})`, () => {
    let record: OpenRecord;
    let tree: PlanTree;
    let store: IndicatorValueStore;
    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'performance_scorecard', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...partnershipMigrationSets, ...performanceMigrationSets] }));
      const partnership = new PartnershipStore(record.sql);
      await seedDemoPlans({ store: partnership });
      tree = await readPlanTree(partnership, SEED_PLAN_IDS.cheshireAndMerseyside2021, { today: '2024-10-01' });
      store = new IndicatorValueStore(record.sql);
      await store.upsert(VALUES);
    });
    afterAll(async () => record?.close());

    it('groups every ambition by triple-aim gap in the order health, care, finance, keeping those without data', async () => {
      const card = await buildScorecard({ plan: tree, values: VALUES, footprint });
      expect(card.gaps.map((g) => g.gap)).toEqual(['health-and-wellbeing', 'care-and-quality', 'finance-and-efficiency']);
      expect(card.gaps.map((g) => g.ambitions.length)).toEqual([2, 3, 2]);
      expect(card.plan).toEqual({ id: SEED_PLAN_IDS.cheshireAndMerseyside2021, name: 'Cheshire and Merseyside Health and Care Partnership plan', version: '2021 ambitions' });
      expect(card.latestPeriod).toBe('2024-09');
      // Ambition 01 is measured by premature cancer and CVD mortality; with no values for it here, it stays, saying why.
      const mortality = ambitionOf(card, 1);
      expect(mortality.primary).toMatchObject({ id: 'premature-mortality-cancer-cvd-u75', role: 'primary' });
      expect(mortality.footprint).toMatchObject({ status: 'no-data', reason: 'No data yet: there are no values for Cheshire and Merseyside.' });
      const maternity = ambitionOf(card, 5);
      expect(maternity.footprint).toMatchObject({ status: 'no-data', latest: null, reason: 'No data yet: there are no values for Cheshire and Merseyside.' });
      // Maternity is a footprint-only indicator: its places say so.
      expect(maternity.places[0].reason).toBe('No data: Maternity safety actions met is not given for places.');
      expect(card.gaps[0].counts).toEqual({ 'on-track': 1, 'off-track': 0, 'no-data': 1 });
    });

    it('judges the footprint and each place against the trajectory, with SPC and the trend', async () => {
      const card = await buildScorecard({ plan: tree, values: VALUES, footprint });
      const htn = ambitionOf(card, 3);
      expect(htn.primary).toMatchObject({ id: HTN, role: 'primary', known: true });
      expect(htn.direction).toBe('higher');
      const fp = htn.footprint;
      expect(fp.latest).toEqual({ period: '2024-09', value: 62 + 0.25 * 23 + 0.2, synthetic: false });
      expect(fp.trajectory!.value).toBeCloseTo(66.4, 10);
      expect(fp.gap!.value).toBeCloseTo(67.95 - 66.4, 10);
      expect(fp.gap!.direction).toBe('better');
      expect(fp.status).toBe('on-track');
      expect(fp.trend.direction).toBe('improving');
      expect(fp.points).toBe(24);
      expect(fp.reason).toMatch(/^On track: 67\.95% in 2024-09, 1\.55 better than the trajectory of 66\.4% \(interpolated between 65\.2 \(2024-03\) and 67\.6 \(2025-03\)\)\./);

      const [liverpool, wirral] = htn.places;
      expect(liverpool.area).toEqual({ code: LIVERPOOL, name: 'Liverpool', type: 'place' });
      expect(liverpool.status).toBe('off-track');
      expect(liverpool.gap!.direction).toBe('worse');
      expect(liverpool.gap!.value).toBeCloseTo(60.3 - 66.4, 10);
      // A flat series around 60 ± 0.3 is common cause, and a trajectory above its limits is never met.
      expect(liverpool.variation).toBe('common_cause');
      expect(liverpool.assurance).toBe('consistent_fail');
      expect(liverpool.trend.direction).toBe('no-significant-change');
      expect(liverpool.reason).toContain('noise, not signal: the variation is common cause; consistently failing the trajectory');
      expect(wirral).toMatchObject({ status: 'no-data', reason: 'No data yet: there are no values for Wirral.' });
    });

    it('annualises a monthly rate against a yearly ambition and judges lower as better by polarity', async () => {
      const card = await buildScorecard({ plan: tree, values: VALUES, footprint });
      const admissions = ambitionOf(card, 4);
      expect(admissions.scale).toBe(12);
      expect(admissions.scaleWords).toMatch(/multiplied by 12/);
      expect(admissions.direction).toBe('lower');
      expect(admissions.footprint.latest!.value).toBeCloseTo(9.05 * 12, 10);
      expect(admissions.footprint.trajectory!.value).toBeCloseTo(101.5, 10);
      expect(admissions.footprint).toMatchObject({ status: 'off-track', gap: { direction: 'worse' } });
      expect(admissions.footprint.assurance).toBe('consistent_fail');
    });

    it('reads the store as it reads an array, and ignores values after the period asked for', async () => {
      const fromStore = await buildScorecard({ plan: tree, values: store, footprint });
      const fromArray = await buildScorecard({ plan: tree, values: VALUES, footprint });
      expect(fromStore).toEqual(fromArray);
      const earlier = await buildScorecard({ plan: tree, values: store, footprint, period: '2023-09' });
      expect(earlier.period).toBe('2023-09');
      const htn = ambitionOf(earlier, 3).footprint;
      expect(htn.latest!.period).toBe('2023-09');
      expect(htn.points).toBe(12);
      // Halfway between 62.8 (2023-03) and 65.2 (2024-03).
      expect(htn.trajectory!.value).toBeCloseTo(64, 10);
      const before = await buildScorecard({ plan: tree, values: store, footprint, period: '2022-09' });
      expect(ambitionOf(before, 3).footprint.status).toBe('no-data');
    });

    it('refuses a period that is not a month', async () => {
      for (const period of ['2024', '2024-13', '2024-09-01', 'latest']) {
        await expect(buildScorecard({ plan: tree, values: VALUES, footprint, period })).rejects.toThrow(ScorecardInputError);
      }
      await expect(buildScorecard({ plan: tree, values: VALUES, footprint, period: '24-09' })).rejects.toThrow('period must be a month YYYY-MM (got "24-09")');
    });
  });
}
