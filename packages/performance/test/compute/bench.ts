/**
 * How long computing every warehouse indicator takes: `npx tsx packages/performance/test/compute/bench.ts [people] [months]`
 * (defaults: 2,500 people, the demo's size, and 36 months). Prints the time per indicator and the values made.
 */
import { computeIndicatorValues, monthsEnding } from '../../src';
import { FOOTPRINT, openSyntheticWarehouse } from './synthetic-warehouse';

const people = Number(process.argv[2] ?? 2500);
const months = monthsEnding('2025-06', Number(process.argv[3] ?? 36));
const wh = await openSyntheticWarehouse(people);
try {
  const started = performance.now();
  let last = started;
  const values = await computeIndicatorValues({
    engine: wh.engine,
    footprint: FOOTPRINT,
    months,
    onProgress: ({ indicatorId, done, total }) => {
      const now = performance.now();
      console.log(`${String(done).padStart(2)}/${total} ${indicatorId.padEnd(40)} ${(now - last).toFixed(0).padStart(6)} ms`);
      last = now;
    },
  });
  console.log(`${values.length.toLocaleString('en-GB')} values for ${people.toLocaleString('en-GB')} people over ${months.length} months in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await wh.close();
}
