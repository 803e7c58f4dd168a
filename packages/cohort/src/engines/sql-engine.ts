import type { Dataset } from '../language/dataset';
import type { DatasetNode, JsValue, MeasureNode, ValueType } from '../model/nodes';
import type { CompiledQuery, SqlCompiler } from '../sql/compiler';
import { datasetNode, type CohortEngine, type MeasureRow, type Row } from './engine';

/** Shared by the SQL engines: compile, run, and turn driver values into the cohort's JS values. */
export abstract class SqlEngine implements CohortEngine {
  abstract readonly name: 'duckdb' | 'postgres';
  abstract readonly cacheKey: string;
  protected abstract readonly compiler: SqlCompiler;
  /** Runs SQL and returns rows as plain objects keyed by column name. */
  protected abstract run(sql: string): Promise<Record<string, unknown>[]>;

  /** The SQL a dataset compiles to (for --explain and tests). */
  datasetSql(dataset: Dataset | DatasetNode): CompiledQuery {
    return this.compiler.compileDataset(datasetNode(dataset));
  }
  measureSql(measure: MeasureNode): CompiledQuery {
    return this.compiler.compileMeasure(measure);
  }

  async execute(dataset: Dataset | DatasetNode): Promise<Row[]> {
    const query = this.datasetSql(dataset);
    const rows = await this.run(query.sql);
    return rows.map((row) => convertRow(row, query));
  }

  async measure(measure: MeasureNode): Promise<MeasureRow[]> {
    const query = this.measureSql(measure);
    const rows = await this.run(query.sql);
    return rows.map((raw) => {
      const row = convertRow(raw, query);
      const interval = measure.intervals[row.iv_idx as number];
      const { iv_idx: _drop, numerator, denominator, ...groups } = row;
      const n = numerator as number;
      const d = denominator as number;
      return { interval_start: interval.start, interval_end: interval.end, ...groups, numerator: n, denominator: d, ratio: d === 0 ? null : n / d };
    });
  }
}

function convertRow(raw: Record<string, unknown>, query: CompiledQuery): Row {
  const row: Row = {};
  for (const column of query.columns) row[column.name] = convertValue(raw[column.name], column.type);
  return row;
}

/** Driver values (bigint, numeric strings, Date) to the cohort's JavaScript values. */
export function convertValue(value: unknown, type: ValueType): JsValue | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 't' || value === 'true' || value === 1;
    case 'integer':
    case 'float':
      return Number(value);
    case 'string':
      return String(value);
    case 'date':
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      return String(value).slice(0, 10);
  }
}
