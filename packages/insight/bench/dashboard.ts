/**
 * Dashboard latency: every insight API call the web app makes, on a built warehouse, cold (cache
 * cleared: the query runs) and warm (answered from the per-build cache).
 *
 *   npx tsx packages/insight/bench/dashboard.ts [dataDir=/tmp/footprint-score/data] [on=2026-03-31]
 */
import { join } from 'node:path';
import { openDuckDbEngine } from '@footprint/cohort';
import { BREAKDOWNS, REGISTER_IDS, warmFigures, ageStandardisedRates, caseFindingCounts, clearInsightCache, footprintProfile, practiceWorklist, registerPrevalence, slopeIndexOfInequality, trend } from '../src/index';

const dataDir = process.argv[2] ?? '/tmp/footprint-score/data';
const on = process.argv[3] ?? '2026-03-31';

const engine = await openDuckDbEngine(join(dataDir, 'warehouse.duckdb'));
const [{ practice_code: practice }] = (await engine.sql(`SELECT practice_code, count(*) AS n FROM patients GROUP BY 1 ORDER BY n DESC LIMIT 1`)) as { practice_code: string }[];

const calls: [string, () => Promise<unknown>][] = [];
for (const register of REGISTER_IDS) calls.push([`registerPrevalence ${register} by practice`, () => registerPrevalence(engine, { register, by: 'practice', on })]);
for (const by of BREAKDOWNS) calls.push([`registerPrevalence hypertension by ${by}`, () => registerPrevalence(engine, { register: 'hypertension', by, on })]);
for (const by of ['imd_decile', 'sex', 'ethnicity', 'place'] as const) calls.push([`ageStandardisedRates diabetes by ${by}`, () => ageStandardisedRates(engine, { register: 'diabetes', by, on })]);
calls.push(['slopeIndexOfInequality hypertension', () => slopeIndexOfInequality(engine, { register: 'hypertension', on })]);
for (const by of ['footprint', 'practice', 'imd_decile'] as const) calls.push([`caseFindingCounts by ${by}`, () => caseFindingCounts(engine, { by, on })]);
calls.push(['trend hypertension 24 months', () => trend(engine, { register: 'hypertension', months: 24, on })]);
calls.push(['footprintProfile', () => footprintProfile(engine, { on })]);
calls.push([`practiceWorklist ${practice}`, () => practiceWorklist(engine, practice, { on })]);

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
}

const cold: number[] = [];
const warm: number[] = [];
const slowest: [string, number][] = [];
clearInsightCache();
for (const [name, call] of calls) {
  const t0 = performance.now();
  await call();
  const ms = performance.now() - t0;
  cold.push(ms);
  slowest.push([name, ms]);
}
for (let round = 0; round < 5; round++) {
  for (const [, call] of calls) {
    const t0 = performance.now();
    await call();
    warm.push(performance.now() - t0);
  }
}
clearInsightCache();
const warmed = await warmFigures(engine, { on });
const afterPrewarm: number[] = [];
for (const [, call] of calls) {
  const t0 = performance.now();
  await call();
  afterPrewarm.push(performance.now() - t0);
}
slowest.sort((a, b) => b[1] - a[1]);
console.log(`${calls.length} dashboard calls on ${dataDir}`);
console.log(`cold (query runs):  p95 ${p95(cold).toFixed(0)} ms, median ${[...cold].sort((a, b) => a - b)[Math.floor(cold.length / 2)].toFixed(0)} ms, max ${Math.max(...cold).toFixed(0)} ms`);
console.log(`warm (cached):      p95 ${p95(warm).toFixed(2)} ms`);
console.log(`after warmFigures (${warmed.figures} figures in ${warmed.seconds.toFixed(1)} s): first-visit p95 ${p95(afterPrewarm).toFixed(0)} ms, max ${Math.max(...afterPrewarm).toFixed(0)} ms`);
console.log('slowest cold calls:');
for (const [name, ms] of slowest.slice(0, 5)) console.log(`  ${ms.toFixed(0)} ms  ${name}`);
engine.close();
