import { describe, expect, it } from 'vitest';
import { clinical_events, codelist, create_dataset, define_measure, DuckDbCompiler, INTERVAL, monthly_intervals, patients, PostgresCompiler } from '../src/index';

/** The SQL each engine gets, stated side by side (the spec tests then run it). */
describe('SQL compilation', () => {
  const readings = clinical_events.where(clinical_events.code.is_in(codelist(['sbp'])));
  const dataset = create_dataset()
    .define_population(readings.exists_for_patient())
    .add_column('n', readings.count_for_patient())
    .add_column('latest', readings.sort_by(readings.date).last_for_patient().numeric_value)
    .add_column('next_month', patients.date_of_birth.plus({ unit: 'months', amount: 1 }));
  const duck = new DuckDbCompiler({ universe: 'patients' });
  const pg = new PostgresCompiler({ universe: 'patients' }, 'warehouse');

  it('shares one scan per frame (aggregates and, on DuckDB, picks) and joins only on patient_key', () => {
    const sql = duck.compileDataset(dataset.toNode()).sql;
    expect(sql.match(/GROUP BY e\.patient_key/g)).toHaveLength(1);
    expect(sql).toContain('TRUE AS a0, COUNT(*) AS a1, arg_max(');
    expect(pg.compileDataset(dataset.toNode()).sql.match(/GROUP BY e\.patient_key/g)).toHaveLength(1);
    for (const join of sql.match(/LEFT JOIN [^\n]+/g) ?? []) expect(join).toMatch(/ON j\d+\.patient_key = p\.patient_key$/);
  });

  it('uses each engine’s hooks and nothing else differs in shape', () => {
    const d = duck.compileDataset(dataset.toNode()).sql;
    const p = pg.compileDataset(dataset.toNode()).sql;
    expect(d).toContain('to_months(');
    expect(d).toContain("struct_extract(j1.a2, 'numeric_value')");
    expect(p).toContain('make_interval(months =>');
    expect(p).toContain('ROW_NUMBER() OVER (PARTITION BY e.patient_key ORDER BY');
    expect(p).toContain('"warehouse"."clinical_events"');
    expect(p).toContain('COLLATE "C"');
  });

  it('computes every interval of a measure in one query, hoisting "by the interval end" out of the per-interval work', () => {
    const events = clinical_events.where(clinical_events.code.is_in(codelist(['htn'])));
    const measure = define_measure({
      numerator: events.where(events.date.le(INTERVAL.end_date)).exists_for_patient(),
      denominator: patients.is_alive_on(INTERVAL.end_date),
      intervals: monthly_intervals('2025-06-30', 24),
    });
    const sql = duck.compileMeasure(measure).sql;
    expect(sql.match(/SELECT/g)!.length).toBeGreaterThan(1);
    expect(sql).toContain('iv (iv_idx, iv_start, iv_end) AS (VALUES (0, ');
    expect(sql).toContain('MIN(e."date")');
    expect(sql).toMatch(/COALESCE\(\(j\d+\.a0 <= iv\.iv_end\), FALSE\)/);
    const nested = clinical_events.where(clinical_events.code.is_in(codelist(['sbp'])));
    const high = nested.where(nested.numeric_value.ge(140));
    const merged = duck.compileDataset(create_dataset().define_population(high.count_for_patient().ge(2).and(nested.sort_by(nested.date).last_for_patient().numeric_value.ge(140))).toNode()).sql;
    expect(merged.match(/GROUP BY/g)).toHaveLength(1);
    expect(merged).toContain('COUNT(*) FILTER (WHERE (e."numeric_value" >= CAST(140 AS DOUBLE PRECISION)))');
    const aggregate = sql.slice(sql.indexOf('agg_1 AS ('), sql.indexOf('\n)', sql.indexOf('agg_1 AS (')));
    expect(aggregate).not.toContain('iv');
  });
});
