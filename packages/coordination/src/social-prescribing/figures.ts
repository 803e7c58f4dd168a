import { applyDisclosureControl, type DisclosureOptions } from '@footprint/cohort';
import type { Patient, QuestionnaireResponse, Resource, ServiceRequest, Task } from '@footprint/fhir';
import type { AccessContext, Repository, SearchParams } from '@footprint/record';
import { REFERRAL_CATEGORY_SYSTEM, TASK_CODE_SYSTEM, TASK_FULFIL } from '../referrals/shape';
import { TIMEPOINT_EXTENSION } from './prescription';

/** The Patient address extension the synthetic footprint and partner feeds carry a person's LSOA in. */
export const LSOA_EXTENSION = 'https://fhir.footprint.example/StructureDefinition/lsoa';

/** One social prescription, as the figures need it: never who, only when, where and how it went. */
export interface PrescriptionFact {
  /** `YYYY-MM` the referral was made. */
  month: string;
  lsoaCode?: string;
  completed: boolean;
  /** After minus before on the scale's first item (ONS4: life satisfaction), when both were asked. */
  wellbeingChange?: number;
}

async function all(repo: Repository, ctx: AccessContext, type: string, params: SearchParams): Promise<Resource[]> {
  const out: Resource[] = [];
  let cursor: string | undefined;
  do {
    const page = await repo.search(ctx, type, [...params, ['_count', '1000'], ...(cursor ? ([['_cursor', cursor]] as SearchParams) : [])]);
    out.push(...page.matches, ...page.includes);
    cursor = page.next;
  } while (cursor);
  return out;
}

const lsoaOf = (p: Patient | undefined) => p?.address?.flatMap((a) => a.extension ?? []).find((e) => e.url === LSOA_EXTENSION)?.valueCoding?.code;

/**
 * Every social prescription in the record, reduced to the facts the figures count, read with
 * `ctx` (the platform's planning purpose, so people with a national data opt-out are left out).
 */
export async function prescriptionFacts(repo: Repository, ctx: AccessContext): Promise<PrescriptionFact[]> {
  const found = await all(repo, ctx, 'ServiceRequest', [['category', `${REFERRAL_CATEGORY_SYSTEM}|social-prescribing`], ['_include', 'ServiceRequest:subject']]);
  const requests = found.filter((r): r is ServiceRequest => r.resourceType === 'ServiceRequest');
  const people = new Map(found.filter((r): r is Patient => r.resourceType === 'Patient').map((p) => [`Patient/${p.id}`, p]));
  const tasks = (await all(repo, ctx, 'Task', [['code', `${TASK_CODE_SYSTEM}|${TASK_FULFIL}`], ['status', 'completed']])) as Task[];
  const completed = new Set(tasks.map((t) => t.focus?.reference));
  const answers = (await all(repo, ctx, 'QuestionnaireResponse', [['status', 'completed']])) as QuestionnaireResponse[];
  const first = (r: QuestionnaireResponse | undefined) => r?.item?.[0]?.answer?.[0]?.valueInteger;
  return requests.map((r) => {
    const ref = `ServiceRequest/${r.id}`;
    const mine = answers.filter((a) => a.basedOn?.some((b) => b.reference === ref));
    const at = (t: string) => first(mine.find((a) => a.extension?.some((e) => e.url === TIMEPOINT_EXTENSION && e.valueCode === t)));
    const before = at('before');
    const after = at('after');
    const lsoaCode = lsoaOf(people.get(r.subject?.reference ?? ''));
    return { month: (r.authoredOn ?? '').slice(0, 7), ...(lsoaCode ? { lsoaCode } : {}), completed: completed.has(ref), ...(before !== undefined && after !== undefined ? { wellbeingChange: after - before } : {}) };
  });
}

/** Where an LSOA is: its place (local authority district) and its IMD 2019 decile (1 = most deprived). */
export type LsoaPlace = (lsoaCode: string) => { placeCode: string; imdDecile: number } | undefined;

/** One cell of the figures: an area and month, for everyone or one deprivation quintile, after disclosure control. */
export interface PrescriptionFigure {
  areaType: 'footprint' | 'place';
  areaCode: string;
  period: string;
  /** '' for everyone, or `imd_quintile:1` (most deprived) to `imd_quintile:5`. */
  breakdown: string;
  referrals: number | null;
  /** Completed referrals with the wellbeing scale asked before and after. */
  measured: number | null;
  improved: number | null;
  /** improved / measured × 100, from the controlled counts. */
  improvedPercent: number | null;
}

/**
 * Referrals and their outcomes by month, for the footprint and each place, for everyone and by
 * IMD quintile, with small-number suppression and rounding applied to every count and the
 * percentage computed from the controlled counts (cohort's disclosure control), so no cell
 * can be used to find a person. People whose LSOA is unknown count in the footprint's figures only.
 */
export function prescriptionFigures(facts: readonly PrescriptionFact[], footprintCode: string, where: LsoaPlace, disclosure: DisclosureOptions = {}): PrescriptionFigure[] {
  const cells = new Map<string, { areaType: 'footprint' | 'place'; areaCode: string; period: string; breakdown: string; referrals: number; measured: number; improved: number }>();
  const add = (areaType: 'footprint' | 'place', areaCode: string, period: string, breakdown: string, f: PrescriptionFact) => {
    const key = `${areaType}|${areaCode}|${period}|${breakdown}`;
    const cell = cells.get(key) ?? { areaType, areaCode, period, breakdown, referrals: 0, measured: 0, improved: 0 };
    cell.referrals += 1;
    if (f.completed && f.wellbeingChange !== undefined) {
      cell.measured += 1;
      if (f.wellbeingChange > 0) cell.improved += 1;
    }
    cells.set(key, cell);
  };
  for (const f of facts) {
    if (!/^\d{4}-\d{2}$/.test(f.month)) continue;
    const place = f.lsoaCode ? where(f.lsoaCode) : undefined;
    const quintile = place ? `imd_quintile:${Math.ceil(place.imdDecile / 2)}` : undefined;
    add('footprint', footprintCode, f.month, '', f);
    if (quintile) add('footprint', footprintCode, f.month, quintile, f);
    if (place) {
      add('place', place.placeCode, f.month, '', f);
      add('place', place.placeCode, f.month, quintile!, f);
    }
  }
  const rows = [...cells.values()].map((c) => ({ ...c, improvedPercent: 0 as number | null }));
  return applyDisclosureControl(rows, ['referrals', 'measured', 'improved'], { ...disclosure, ratios: { improvedPercent: { numerator: 'improved', denominator: 'measured', per: 100 } } }) as PrescriptionFigure[];
}
