import { extractSearchValues } from './src';
import { setFastPath } from './src/search/extract';
import { compileFastPath } from './src/search/fast-path';
import { getSearchParameters } from './src';
import { condition, encounter, observation, patient } from './test/examples';
let n = 0, fb = 0;
for (const r of [patient, observation, condition, encounter]) for (const p of getSearchParameters(r.resourceType)) {
  if (p.type === 'composite' || p.type === 'special') continue;
  const f = compileFastPath(r.resourceType, p.expression); n++;
  if (!f) { console.log('nofast', r.resourceType, p.code, p.expression); continue; }
  if (f(r) === undefined) { fb++; console.log('fallback', r.resourceType, p.code, p.expression); }
}
console.log(n, fb);
for (const r of [patient, observation, condition, encounter]) {
  setFastPath(true); const a = extractSearchValues(r).map(v => JSON.stringify(v));
  setFastPath(false); const b = extractSearchValues(r).map(v => JSON.stringify(v));
  for (const x of a) if (!b.includes(x)) console.log('fast only', x);
  for (const x of b) if (!a.includes(x)) console.log('slow only', x);
}
