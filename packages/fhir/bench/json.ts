/**
 * Measures the JSON path every write and read takes: parsing a request body or NDJSON line
 * (nesting check, decimals kept as written) and writing stored content, against the plain
 * JSON.parse / JSON.stringify it replaced, for a typical mix and for the same mix with decimals
 * such as 1.50 (whose text must be kept). Runs are interleaved so machine load affects both alike.
 * Run: npx tsx packages/fhir/bench/json.ts [rounds=5]
 */
import os from 'node:os';
import { parseJsonResource, parseStoredJson, stringifyFhirJson } from '../src';
import { findExcessiveNesting } from '../src/json/scan';
import { condition, encounter, observation, patient } from '../test/examples';

const rounds = Number(process.argv[2] ?? 5);
const mix = [patient, observation, observation, observation, condition, encounter];
const plain = Array.from({ length: 6000 }, (_, i) => JSON.stringify({ ...mix[i % mix.length], id: `r${i}`, meta: { versionId: '1', lastUpdated: '2024-05-01T10:00:00.123Z' } }));
// The same, with every Observation's value written as 7.50 (a decimal whose text must be kept).
const decimals = plain.map((t) => t.replace(/("valueQuantity":\{"value":)[\d.]+/, '$17.50'));

type Path = (texts: readonly string[]) => void;
const before: Record<string, Path> = {
  parse: (texts) => { for (const t of texts) { findExcessiveNesting(t, 32); JSON.parse(t); } },
  'parse+write': (texts) => { for (const t of texts) { findExcessiveNesting(t, 32); JSON.stringify(JSON.parse(t)); } },
  'read stored': (texts) => { for (const t of texts) JSON.parse(t); },
};
const after: Record<string, Path> = {
  parse: (texts) => { for (const t of texts) parseJsonResource(t); },
  'parse+write': (texts) => { for (const t of texts) stringifyFhirJson(parseJsonResource(t)); },
  'read stored': (texts) => { for (const t of texts) parseStoredJson(t); },
};

function time(fn: Path, texts: readonly string[]): number {
  const start = performance.now();
  fn(texts);
  return (performance.now() - start) / texts.length;
}

console.log(`machine: ${os.cpus().length} cores, node ${process.version}; load average ${os.loadavg()[0].toFixed(1)}`);
for (const [name, texts] of [['typical mix', plain], ['with decimals such as 7.50', decimals]] as const) {
  for (const step of Object.keys(before)) {
    const b: number[] = [];
    const a: number[] = [];
    for (let r = 0; r < rounds + 1; r++) {
      const tb = time(before[step], texts);
      const ta = time(after[step], texts);
      if (r > 0) { b.push(tb); a.push(ta); } // the first round warms up
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] * 1000;
    console.log(`${name}, ${step}: JSON.* ${median(b).toFixed(1)} µs, lossless ${median(a).toFixed(1)} µs per resource`);
  }
}
