import type { ViewMapper } from './context';
import { toBirthMonth, toDate } from './dates';

const sexes: Record<string, string> = { female: 'female', male: 'male', other: 'other', unknown: 'unknown' };

/**
 * patients: pseudonymised key, sex, birth month, ethnic five-group, LSOA with its IMD decile and
 * local authority (place), registered practice and its PCN, and death. Opted-out patients give no row.
 */
export const mapPatient: ViewMapper = (view, _resource, rows, context, sink) => {
  const c = view.column;
  for (const row of rows) {
    const id = row[c.id];
    if (typeof id !== 'string') continue;
    const patientKey = context.pseudonymiser.patientKey(id);
    if (context.optOuts.has(patientKey)) continue;
    const ethnicityCode = (row[c.ethnicity_code] as string | null) ?? null;
    const lsoaCode = ((row[c.lsoa_code] ?? row[c.lsoa_code_coded]) as string | null) ?? null;
    const lsoa = lsoaCode ? context.lsoa.get(lsoaCode) : undefined;
    const practiceCode = context.directory.odsCode(row[c.practice_ods], row[c.practice_id]);
    sink('patients', [
      patientKey,
      sexes[row[c.gender] as string] ?? 'unknown',
      toBirthMonth(row[c.birth_date]),
      (ethnicityCode && context.codings.ethnicityGroup.get(ethnicityCode)) || 'Unknown',
      ethnicityCode,
      lsoaCode,
      lsoa?.imdDecile ?? null,
      lsoa?.ladCode ?? null,
      practiceCode,
      context.directory.parentOf(practiceCode),
      toDate(row[c.deceased_date]),
      (row[c.death_cause_code] as string | null) ?? null,
    ]);
  }
};
