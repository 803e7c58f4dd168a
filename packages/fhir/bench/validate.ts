/**
 * Measures write validation (structure, invariants, UK Core rules) for a typical mix of
 * Patient, Observation, Condition and Encounter, against @medplum/core's validator for scale.
 * Run: npx tsx packages/fhir/bench/validate.ts
 */
import os from 'node:os';
import { validateResource as medplumValidate } from '@medplum/core';
import { validateResource } from '../src';
import { condition, encounter, observation, patient } from '../test/examples';

const mix = [patient, observation, observation, observation, condition, encounter];
validateResource(patient);

function rate(name: string, fn: (r: (typeof mix)[number]) => void, n: number): void {
  const start = performance.now();
  for (let i = 0; i < n; i++) fn(mix[i % mix.length]);
  const seconds = (performance.now() - start) / 1000;
  console.log(`${name}: ${Math.round(n / seconds)} resources/s (${((seconds / n) * 1e6).toFixed(0)} µs each)`);
}

console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}; load average ${os.loadavg()[0].toFixed(1)}`);
rate('validateResource (footprint)', (r) => validateResource(r), 60_000);
rate('@medplum/core validateResource (structure only, for comparison)', (r) => medplumValidate(r), 20_000);
