/**
 * Where a build's time goes without any database: JSON parsing, the ViewDefinitions and the
 * mappers, per resource. `npx tsx packages/warehouse/bench/profile-views.ts [people]`
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbEngine } from '../src';
import { WarehouseLoader } from '../src/loader';
import { loadWarehouseKey, Pseudonymiser } from '../src/pseudonym';
import { organisations, person } from './synthetic';

const people = Number(process.argv[2] ?? 20_000);
const dir = await mkdtemp(join(tmpdir(), 'footprint-profile-'));
const resources = [...organisations()];
for (let n = 0; n < people; n++) resources.push(...person(n));
const lines = resources.map((r) => JSON.stringify(r));

let t = performance.now();
for (const line of lines) JSON.parse(line);
const parseSeconds = (performance.now() - t) / 1000;

const session = await new DuckDbEngine(join(dir, 'w.duckdb')).beginBuild();
const loader = await WarehouseLoader.forBuild(session, new Pseudonymiser(await loadWarehouseKey(dir)));
// Views and mappers only: rows are buffered and dropped, never appended.
t = performance.now();
for (const r of resources) loader.ingest(r);
const viewSeconds = (performance.now() - t) / 1000;
await session.abort();
await rm(dir, { recursive: true, force: true });

const n = resources.length;
console.log(`${n.toLocaleString('en-GB')} resources (${people.toLocaleString('en-GB')} people), ${loader.counts.rows.toLocaleString('en-GB')} rows`);
console.log(`JSON.parse:        ${Math.round(n / parseSeconds).toLocaleString('en-GB')} resources/s`);
console.log(`views + mappers:   ${Math.round(n / viewSeconds).toLocaleString('en-GB')} resources/s`);
