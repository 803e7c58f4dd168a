import { beforeAll, describe, expect, it } from 'vitest';
import type { Condition, Observation, Resource } from '@footprint/fhir';
import { codelist } from '../src/data';
import { collect, type Collected } from './collect';

/**
 * Undiagnosed conditions leave the signs case finding looks for (and people without the condition
 * do not), so case-finding rules can be scored against the ground truth.
 */
interface Evidence {
  codes: Set<string>;
  systolic: number[];
  hba1c: number[];
  egfr: [number, number][];
  irregularPulse: boolean;
  bmi: number[];
}

const codesOf = (id: string) => new Set(codelist(id).codes.map((c) => c.code));
const SBP = codesOf('snomed/systolic-bp');
const A1C = codesOf('snomed/hba1c');
const EGFR = codesOf('snomed/egfr');
const IRREGULAR = codesOf('snomed/irregular-pulse');
const BMI = codesOf('snomed/bmi');

describe('undiagnosed conditions are visible in the data', () => {
  let run: Collected;
  const evidence = new Map<string, Evidence>();
  const of = (patient: string) => {
    let e = evidence.get(patient);
    if (!e) evidence.set(patient, (e = { codes: new Set(), systolic: [], hba1c: [], egfr: [], irregularPulse: false, bmi: [] }));
    return e;
  };
  beforeAll(async () => {
    run = await collect({ footprint: 'cheshire-and-merseyside', people: 15_000, seed: 5 }, 0, (_org, resource: Resource) => {
      if (resource.resourceType === 'Condition') {
        const c = resource as Condition;
        if (c.category?.[0].coding?.[0].code === 'problem-list-item') of(c.subject.reference!.slice(8)).codes.add(c.code!.coding![0].code!);
      } else if (resource.resourceType === 'Observation') {
        const o = resource as Observation;
        const code = o.code.coding![0].code!;
        const e = of(o.subject!.reference!.slice(8));
        const v = o.valueQuantity?.value;
        const day = Date.parse(o.effectiveDateTime!) / 86_400_000;
        if (SBP.has(code)) e.systolic.push(v!);
        else if (A1C.has(code)) e.hba1c.push(v!);
        else if (EGFR.has(code)) e.egfr.push([day, v!]);
        else if (IRREGULAR.has(code)) e.irregularPulse = true;
        else if (BMI.has(code)) e.bmi.push(v!);
      }
    });
  });

  const coded = (e: Evidence | undefined, list: string) => !!e && [...codesOf(list)].some((c) => e.codes.has(c));
  const rules: Record<string, { noCode: string[]; sign: (e: Evidence) => boolean }> = {
    hypertension: { noCode: ['snomed/hypertension'], sign: (e) => e.systolic.filter((v) => v >= 140).length >= 2 },
    'type-2-diabetes': { noCode: ['snomed/diabetes'], sign: (e) => e.hba1c.some((v) => v >= 48) },
    'non-diabetic-hyperglycaemia': { noCode: ['snomed/diabetes', 'snomed/non-diabetic-hyperglycaemia'], sign: (e) => e.hba1c.some((v) => v >= 42 && v <= 47) },
    'ckd-3-5': {
      noCode: ['snomed/ckd-3-5'],
      sign: (e) => {
        const low = e.egfr.filter(([, v]) => v < 60).sort((a, b) => a[0] - b[0]);
        return low.length >= 2 && low[low.length - 1][0] - low[0][0] >= 90 && low[low.length - 1][1] < low[0][1];
      },
    },
    'atrial-fibrillation': { noCode: ['snomed/atrial-fibrillation'], sign: (e) => e.irregularPulse },
    obesity: { noCode: ['snomed/obesity'], sign: (e) => e.bmi.some((v) => v >= 30) },
  };

  for (const [condition, rule] of Object.entries(rules)) {
    it(`${condition}: most undiagnosed cases show the sign with no code; people without it never do`, () => {
      const undiagnosed = run.truth.filter((r) => r.conditions.some((c) => c.condition === condition && !c.diagnosed));
      expect(undiagnosed.length).toBeGreaterThan(20);
      const visible = undiagnosed.filter((r) => {
        const e = evidence.get(r.patient);
        return !!e && rule.sign(e) && rule.noCode.every((l) => !coded(e, l));
      });
      expect(visible.length / undiagnosed.length).toBeGreaterThan(0.85);
      const without = run.truth.filter((r) => !r.conditions.some((c) => c.condition === condition));
      const falseSigns = without.filter((r) => {
        const e = evidence.get(r.patient);
        return !!e && rule.sign(e) && rule.noCode.every((l) => !coded(e, l));
      });
      expect(falseSigns.length).toBe(0);
      expect(undiagnosed.every((r) => r.conditions.find((c) => c.condition === condition)!.signal !== null)).toBe(true);
    });
  }

  it('diagnosed cases carry a code from the condition codelist', () => {
    const dm = run.truth.filter((r) => r.conditions.some((c) => c.condition === 'type-2-diabetes' && c.diagnosed));
    expect(dm.every((r) => coded(evidence.get(r.patient), 'snomed/type-2-diabetes'))).toBe(true);
  });
});
