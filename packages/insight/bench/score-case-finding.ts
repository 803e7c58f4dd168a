/**
 * Scores the case-finding rules against the synthetic ground truth: generate a footprint, build
 * the DuckDB warehouse from its NDJSON, run each rule, and compare the flagged patient_keys with
 * the people whose condition is truly present but undiagnosed.
 *
 *   npx tsx packages/insight/bench/score-case-finding.ts [people=20000] [workdir=/tmp/footprint-score]
 *
 * Prints sensitivity (flagged true cases / all undiagnosed true cases among registered adults)
 * and precision (flagged true cases / all flagged) per rule.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { create_dataset, openDuckDbEngine } from '@footprint/cohort';
import { DEFAULT_REFERENCE_DATE, GROUND_TRUTH_FILE, writeFootprint, type GroundTruthRecord } from '@footprint/synth';
import { buildWarehouseFromNdjson, loadWarehouseKey, Pseudonymiser } from '@footprint/warehouse';
import { CASE_FINDING_RULE_IDS, CASE_FINDING_RULES, type CaseFindingRuleId } from '../src/index';

const people = Number(process.argv[2] ?? 20_000);
const workdir = process.argv[3] ?? '/tmp/footprint-score';
const on = DEFAULT_REFERENCE_DATE;

/** The synthetic condition each rule looks for. */
const TARGET: Record<CaseFindingRuleId, string> = {
  undiagnosed_hypertension: 'hypertension',
  undiagnosed_diabetes: 'type-2-diabetes',
  undiagnosed_ndh: 'non-diabetic-hyperglycaemia',
  undiagnosed_ckd: 'ckd-3-5',
  undiagnosed_af: 'atrial-fibrillation',
};

async function main(): Promise<void> {
  const ndjson = join(workdir, 'ndjson');
  const dataDir = join(workdir, 'data');
  const truthFile = join(workdir, GROUND_TRUTH_FILE);
  if (!existsSync(truthFile)) {
    await rm(workdir, { recursive: true, force: true });
    await mkdir(ndjson, { recursive: true });
    const t0 = performance.now();
    await writeFootprint({ footprint: 'cheshire-and-merseyside', people, seed: 42, outDir: ndjson, onProgress: (done, total) => process.stdout.write(`\rgenerate ${done}/${total}`) });
    console.log(`\ngenerated ${people} people in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // The ground truth never goes into the warehouse: move it out of the folder the build reads.
    await rename(join(ndjson, GROUND_TRUTH_FILE), truthFile);
  }
  if (!existsSync(join(dataDir, 'warehouse.duckdb'))) {
    await mkdir(dataDir, { recursive: true });
    const t0 = performance.now();
    const result = await buildWarehouseFromNdjson(ndjson, { dataDir, engine: 'duckdb', onProgress: (p) => process.stdout.write(`\rbuild ${p.phase} ${p.resources}`) });
    console.log(`\nbuilt warehouse: ${result.resources} resources in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const pseudonymiser = new Pseudonymiser(await loadWarehouseKey(dataDir));
  const truth = new Map<CaseFindingRuleId, Set<string>>(CASE_FINDING_RULE_IDS.map((id) => [id, new Set()]));
  const lines = createInterface({ input: createReadStream(truthFile) });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as GroundTruthRecord;
    if (record.died !== undefined && record.died <= on) continue;
    const key = pseudonymiser.patientKey(record.patient);
    for (const id of CASE_FINDING_RULE_IDS) {
      if (record.conditions.some((c) => c.condition === TARGET[id] && !c.diagnosed)) truth.get(id)!.add(key);
    }
  }
  const engine = await openDuckDbEngine(join(dataDir, 'warehouse.duckdb'));
  const [{ adults }] = (await engine.sql(`SELECT count(*) AS adults FROM patients WHERE date_of_birth <= DATE '${on}' - INTERVAL 18 YEAR AND (date_of_death IS NULL OR date_of_death > DATE '${on}')`)) as { adults: bigint }[];
  console.log(`\nas at ${on}; ${Number(adults)} registered adults alive\n`);
  console.log('| rule | true undiagnosed cases | flagged | true positives | sensitivity | precision |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const id of CASE_FINDING_RULE_IDS) {
    const rule = CASE_FINDING_RULES[id];
    const flagged = new Set((await engine.execute(create_dataset().define_population(rule.flagged(on)))).map((r) => String(r.patient_key)));
    const cases = truth.get(id)!;
    let tp = 0;
    for (const key of flagged) if (cases.has(key)) tp++;
    const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');
    console.log(`| ${id} | ${cases.size} | ${flagged.size} | ${tp} | ${pct(tp / cases.size)} | ${pct(tp / flagged.size)} |`);
  }
  engine.close();
}

await main();
