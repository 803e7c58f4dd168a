import { create_dataset, patients, type CohortEngine, type JsValue, type PatientSeries, type ValueType } from '@footprint/cohort';
import { CASE_FINDING_RULE_IDS, CASE_FINDING_RULES, type CaseFindingRuleId } from './case-finding';
import { InsightInputError } from './errors';
import { resolveOn } from './options';

export interface WorklistRow {
  /** The warehouse pseudonym: the web layer re-identifies it through the record, for the practice's own users. */
  patient_key: string;
  rule: CaseFindingRuleId;
  /** Why the patient was flagged (measurements and dates; no identifiers). */
  evidence: string;
}

const ODS_CODE = /^[A-Z0-9]{3,8}$/;

/**
 * The patients of one practice flagged by any case-finding rule, with the evidence, for direct
 * care. Identifiable use: NOT disclosure-controlled. The caller must check that the user works
 * for `practiceCode`, re-identify through the record (computing patient_key for the practice's
 * registered patients with the warehouse key) and audit every view.
 */
export async function practiceWorklist(wh: CohortEngine, practiceCode: string, opts: { on?: string } = {}): Promise<WorklistRow[]> {
  if (typeof practiceCode !== 'string' || !ODS_CODE.test(practiceCode)) throw new InsightInputError(`practice code must be an ODS code (3–8 capital letters and digits), got ${JSON.stringify(practiceCode)}`);
  const on = resolveOn(opts.on);
  const dataset = create_dataset();
  let anyFlag: PatientSeries<'boolean'> | null = null;
  for (const id of CASE_FINDING_RULE_IDS) {
    const rule = CASE_FINDING_RULES[id];
    const flag = rule.flagged(on);
    anyFlag = anyFlag === null ? flag : anyFlag.or(flag);
    dataset.add_column(`${id}__flagged`, flag);
    for (const [name, series] of Object.entries(rule.evidence(on))) dataset.add_column(`${id}__${name}`, series as PatientSeries<ValueType>);
  }
  dataset.define_population(patients.practice_code.eq(practiceCode).and(anyFlag as PatientSeries<'boolean'>));
  const rows = await wh.execute(dataset);
  const out: WorklistRow[] = [];
  for (const row of rows) {
    for (const id of CASE_FINDING_RULE_IDS) {
      if (row[`${id}__flagged`] !== true) continue;
      const values: Record<string, JsValue | null> = {};
      for (const name of Object.keys(CASE_FINDING_RULES[id].evidence(on))) values[name] = row[`${id}__${name}`];
      out.push({ patient_key: String(row.patient_key), rule: id, evidence: CASE_FINDING_RULES[id].describe(values) });
    }
  }
  return out.sort((a, b) => (a.rule === b.rule ? (a.patient_key < b.patient_key ? -1 : 1) : a.rule < b.rule ? -1 : 1));
}
