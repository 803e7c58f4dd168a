/**
 * Benchmark: generate a footprint to NDJSON and print people/s, resources/s, MB/s and peak RSS.
 *   npx tsx packages/synth/bench/generate.ts [people=100000] [footprint=cheshire-and-merseyside] [workers=1]
 * Peak RSS is sampled every 200 ms (and the process maximum), covering worker threads too.
 * Output goes to a temporary folder that is deleted afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFootprint } from '../src/write';

const people = Number(process.argv[2] ?? 100_000);
const footprint = process.argv[3] ?? 'cheshire-and-merseyside';
const workers = Number(process.argv[4] ?? 1);
const outDir = mkdtempSync(join(tmpdir(), 'footprint-bench-'));
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
const started = process.hrtime.bigint();
try {
  const manifest = await writeFootprint({ footprint, people, seed: 42, outDir, workers });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sample);
  peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const bytes = manifest.files.reduce((s, f) => s + f.bytes, 0) + manifest.groundTruth.bytes;
  const f = (n: number) => Math.round(n).toLocaleString('en-GB');
  console.log(`footprint ${footprint}, ${f(people)} people, seed 42, ${workers} worker thread(s), node ${process.version}, ${cpus().length} CPUs`);
  console.log(`  ${seconds.toFixed(1)} s: ${f(people / seconds)} people/s, ${f(manifest.resources / seconds)} resources/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s`);
  console.log(`  ${f(manifest.resources)} resources (${(manifest.resources / people).toFixed(1)} per person), ${(bytes / 1e6).toFixed(0)} MB in ${manifest.files.length + 1} files`);
  console.log(`  peak RSS ${(peakRss / 1e6).toFixed(0)} MB`);
} finally {
  clearInterval(sample);
  rmSync(outDir, { recursive: true, force: true });
}
