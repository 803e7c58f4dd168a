import { clinical_events, patients, type JsValue, type PatientSeries, type ValueType } from '@footprint/cohort';
import { codelistById } from './codelists';
import { InsightInputError } from './errors';
import { monthsBefore, registeredOn, type On } from './population';
import { diagnosedBy } from './registers';

/**
 * Case-finding rules: registered adults with no diagnosis of a condition whose record holds the
 * signs of it. Each rule's clinical basis is in docs/insight.md. Rules look back over a window
 * (36 months) so stale readings do not flag people.
 */
export interface CaseFindingRule {
  readonly id: CaseFindingRuleId;
  readonly name: string;
  readonly clinicalBasis: string;
  readonly definition: string;
  /** Flagged on the date: in the eligible population, undiagnosed, with the signs. */
  flagged(on: On): PatientSeries<'boolean'>;
  /** Patient series that explain a flag (shown on a practice worklist). */
  evidence(on: On): Record<string, PatientSeries<ValueType>>;
  /** One line of evidence from those values. */
  describe(values: Record<string, JsValue | null>): string;
}

export const CASE_FINDING_RULE_IDS = ['undiagnosed_hypertension', 'undiagnosed_diabetes', 'undiagnosed_ndh', 'undiagnosed_ckd', 'undiagnosed_af'] as const;
export type CaseFindingRuleId = (typeof CASE_FINDING_RULE_IDS)[number];

export const LOOKBACK_MONTHS = 36;

/** Registered adults (18+) alive on the date: everyone case finding considers. */
export function eligibleAdults(on: On): PatientSeries<'boolean'> {
  return registeredOn(on).and(patients.age_on(on).ge(18));
}

/** Readings of a measurement in the look-back window up to the date. */
function readings(on: On, codelist: string) {
  const all = clinical_events.where(clinical_events.code.is_in(codelistById(codelist)));
  return all.where(all.date.le(on).and(all.date.gt(monthsBefore(on, LOOKBACK_MONTHS))).and(all.numeric_value.is_not_null()));
}

function hypertension(): CaseFindingRule {
  const signs = (on: On) => {
    const sbp = readings(on, 'snomed/systolic-bp');
    const raised = sbp.where(sbp.numeric_value.ge(140));
    const latest = sbp.sort_by(sbp.date).last_for_patient();
    return { raised: raised.count_for_patient(), latest_value: latest.numeric_value, latest_date: latest.date };
  };
  return {
    id: 'undiagnosed_hypertension',
    name: 'Possible undiagnosed hypertension',
    clinicalBasis:
      'NICE NG136 (2019, updated 2023): clinic blood pressure of 140/90 mmHg or more should be confirmed with ambulatory or home monitoring; two raised clinic readings without a diagnosis warrant that confirmation.',
    definition: `Registered adults (18+) with no hypertension code (snomed/hypertension) and two or more systolic readings of 140 mmHg or more in the ${LOOKBACK_MONTHS} months up to the date, the latest systolic reading also 140 or more.`,
    flagged: (on) => {
      const s = signs(on);
      return eligibleAdults(on).and(diagnosedBy(on, 'snomed/hypertension').not()).and(s.raised.ge(2)).and(s.latest_value.ge(140));
    },
    evidence: (on) => signs(on),
    describe: (v) => `${v.raised} systolic readings ≥140 mmHg in ${LOOKBACK_MONTHS} months; latest ${v.latest_value} mmHg on ${v.latest_date}`,
  };
}

const DIABETES_CODES = ['snomed/diabetes', 'snomed/type-1-diabetes', 'snomed/type-2-diabetes'];

function diabetes(): CaseFindingRule {
  const signs = (on: On) => {
    const a1c = readings(on, 'snomed/hba1c');
    const high = a1c.where(a1c.numeric_value.ge(48));
    const latest = a1c.sort_by(a1c.date).last_for_patient();
    return { diabetic_range: high.count_for_patient(), latest_value: latest.numeric_value, latest_date: latest.date };
  };
  return {
    id: 'undiagnosed_diabetes',
    name: 'Possible undiagnosed type 2 diabetes',
    clinicalBasis:
      'NICE NG28 and WHO (2011): an HbA1c of 48 mmol/mol (6.5%) or more is diagnostic of diabetes; without symptoms it should be confirmed by a second test, so two results in the diabetic range without a diagnosis flag a missed diagnosis.',
    definition: `Registered adults (18+) with no diabetes code (${DIABETES_CODES.join(', ')}) and two or more HbA1c results of 48 mmol/mol or more in the ${LOOKBACK_MONTHS} months up to the date.`,
    flagged: (on) => eligibleAdults(on).and(diagnosedBy(on, ...DIABETES_CODES).not()).and(signs(on).diabetic_range.ge(2)),
    evidence: (on) => signs(on),
    describe: (v) => `${v.diabetic_range} HbA1c results ≥48 mmol/mol in ${LOOKBACK_MONTHS} months; latest ${v.latest_value} mmol/mol on ${v.latest_date}`,
  };
}

function ndh(): CaseFindingRule {
  const signs = (on: On) => {
    const a1c = readings(on, 'snomed/hba1c');
    const latest = a1c.sort_by(a1c.date).last_for_patient();
    return { latest_value: latest.numeric_value, latest_date: latest.date };
  };
  return {
    id: 'undiagnosed_ndh',
    name: 'Possible non-diabetic hyperglycaemia',
    clinicalBasis:
      'NHS Diabetes Prevention Programme eligibility and NICE PH38: an HbA1c of 42–47 mmol/mol (6.0–6.4%) is non-diabetic hyperglycaemia (high risk of type 2 diabetes), to be coded and offered referral.',
    definition: `Registered adults (18+) with no non-diabetic hyperglycaemia or diabetes code whose latest HbA1c in the ${LOOKBACK_MONTHS} months up to the date is 42–47 mmol/mol.`,
    flagged: (on) => {
      const s = signs(on);
      return eligibleAdults(on)
        .and(diagnosedBy(on, 'snomed/non-diabetic-hyperglycaemia', ...DIABETES_CODES).not())
        .and(s.latest_value.ge(42))
        .and(s.latest_value.lt(48));
    },
    evidence: (on) => signs(on),
    describe: (v) => `latest HbA1c ${v.latest_value} mmol/mol on ${v.latest_date} (42–47 is non-diabetic hyperglycaemia)`,
  };
}

function ckd(): CaseFindingRule {
  const signs = (on: On) => {
    const egfr = readings(on, 'snomed/egfr');
    const low = egfr.where(egfr.numeric_value.lt(60));
    const latest = egfr.sort_by(egfr.date).last_for_patient();
    const firstLow = low.date.minimum_for_patient();
    const lastLow = low.date.maximum_for_patient();
    return { low_readings: low.count_for_patient(), first_low: firstLow, days_apart: lastLow.days_since(firstLow), latest_value: latest.numeric_value, latest_date: latest.date };
  };
  return {
    id: 'undiagnosed_ckd',
    name: 'Possible undiagnosed chronic kidney disease',
    clinicalBasis:
      'NICE NG203 (2021): CKD is an eGFR below 60 ml/min/1.73m² persisting for more than 3 months; two such results at least 90 days apart, the latest still below 60, without a CKD code, meet the definition.',
    definition: `Registered adults (18+) with no CKD stage 3–5 code (snomed/ckd-3-5) with eGFR results below 60 at least 90 days apart in the ${LOOKBACK_MONTHS} months up to the date, the latest eGFR also below 60.`,
    flagged: (on) => {
      const s = signs(on);
      return eligibleAdults(on).and(diagnosedBy(on, 'snomed/ckd-3-5').not()).and(s.days_apart.ge(90)).and(s.latest_value.lt(60));
    },
    evidence: (on) => signs(on),
    describe: (v) => `${v.low_readings} eGFR results <60 over ${v.days_apart} days since ${v.first_low}; latest ${v.latest_value} on ${v.latest_date}`,
  };
}

function af(): CaseFindingRule {
  const signs = (on: On) => {
    const irregular = clinical_events.where(clinical_events.code.is_in(codelistById('snomed/irregular-pulse')));
    const recent = irregular.where(irregular.date.le(on).and(irregular.date.gt(monthsBefore(on, LOOKBACK_MONTHS))));
    return { irregular_pulse: recent.count_for_patient(), latest_date: recent.date.maximum_for_patient() };
  };
  return {
    id: 'undiagnosed_af',
    name: 'Possible undiagnosed atrial fibrillation',
    clinicalBasis:
      'NICE NG196 (2021): an irregular pulse found on manual palpation should be followed by a 12-lead ECG to detect atrial fibrillation; a recorded irregular pulse with no AF diagnosis is an unconfirmed possible AF.',
    definition: `Registered adults (18+) with no atrial fibrillation code (snomed/atrial-fibrillation) and an irregular pulse finding (snomed/irregular-pulse) in the ${LOOKBACK_MONTHS} months up to the date.`,
    flagged: (on) => eligibleAdults(on).and(diagnosedBy(on, 'snomed/atrial-fibrillation').not()).and(signs(on).irregular_pulse.ge(1)),
    evidence: (on) => signs(on),
    describe: (v) => `irregular pulse recorded ${v.irregular_pulse} time(s); latest on ${v.latest_date}`,
  };
}

const rules = [hypertension(), diabetes(), ndh(), ckd(), af()];

export const CASE_FINDING_RULES: Readonly<Record<CaseFindingRuleId, CaseFindingRule>> = Object.freeze(Object.fromEntries(rules.map((r) => [r.id, r])) as Record<CaseFindingRuleId, CaseFindingRule>);

export function getRule(id: unknown): CaseFindingRule {
  const rule = CASE_FINDING_RULES[id as CaseFindingRuleId];
  if (!rule) throw new InsightInputError(`unknown case-finding rule "${String(id)}": choose one of ${CASE_FINDING_RULE_IDS.join(', ')}`);
  return rule;
}
