/**
 * Measures search-value extraction (the ingest hot path): resources per second for a typical mix
 * of Patient, Observation, Condition and Encounter. Run: npx tsx packages/fhir/bench/extract.ts
 */
import os from 'node:os';
import { extractSearchValues } from '../src';
import { condition, encounter, observation, patient } from '../test/examples';

const mix = [patient, observation, observation, observation, condition, encounter];
const t0 = performance.now();
extractSearchValues(patient); // loads definitions and compiles the Patient expressions
for (const r of mix) extractSearchValues(r);
const warm = performance.now() - t0;

const n = 60_000;
let values = 0;
const start = performance.now();
for (let i = 0; i < n; i++) values += extractSearchValues(mix[i % mix.length]).length;
const seconds = (performance.now() - start) / 1000;

console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}`);
console.log(`first use (load definitions + compile): ${warm.toFixed(0)} ms`);
console.log(`extracted ${n} resources (${values} values) in ${seconds.toFixed(2)} s`);
console.log(`${Math.round(n / seconds)} resources/s, ${(values / n).toFixed(1)} values per resource`);
