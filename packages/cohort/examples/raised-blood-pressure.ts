/**
 * Example cohort definition for `footprint query`: adults whose latest systolic blood pressure in
 * the last three years was 140 mmHg or more, with their age, sex, deprivation and practice.
 *
 *   footprint query packages/cohort/examples/raised-blood-pressure.ts --out raised-bp.parquet
 */
import { fileURLToPath } from 'node:url';
import { clinical_events, codelist_from_csv, create_dataset, patients } from '@footprint/cohort';

const systolic = codelist_from_csv(fileURLToPath(new URL('../../../codelists/snomed/systolic-bp.csv', import.meta.url)));
const on = '2025-06-30';

const readings = clinical_events.where(clinical_events.code.is_in(systolic));
const recent = readings.where(readings.date.gt('2022-06-30').and(readings.date.le(on)));
const latest = recent.sort_by(recent.date).last_for_patient();

export default create_dataset()
  .define_population(patients.is_alive_on(on).and(patients.age_on(on).ge(18)).and(latest.numeric_value.ge(140)))
  .add_column('age', patients.age_on(on))
  .add_column('sex', patients.sex)
  .add_column('imd_decile', patients.imd_decile)
  .add_column('practice_code', patients.practice_code)
  .add_column('latest_systolic', latest.numeric_value)
  .add_column('latest_date', latest.date)
  .add_column('readings', recent.count_for_patient());
