/**
 * Prints the personal-data detector's precision and recall on the labelled set, per kind and
 * overall, and the sentences it gets wrong: `npx tsx packages/engage/bench/detector.ts`.
 * docs/engagement.md §4 records the table.
 */
import { scoreDetector, scoreTable } from './detector-score';

const { scores, misses, sentences } = scoreDetector();
console.log(`Personal-data detector on ${sentences} labelled sentences (a finding counts when it overlaps a label of the same kind)\n`);
console.log(scoreTable(scores));
if (misses.length) console.log('\nDisagreements:');
for (const m of misses) {
  const words = [...m.missed.map((s) => `missed ${s.kind} "${s.text}"`), ...m.extra.map((s) => `false alarm ${s.kind} "${s.text}"`)];
  console.log(`- ${m.sentence}\n    ${words.join('; ')}`);
}
