import type { ValueType } from '../model/nodes';
import { SqlCompiler, type PickRowsQuery } from './compiler';

/** DuckDB's few differences from standard SQL: month arithmetic, day differences, date text. */
export class DuckDbCompiler extends SqlCompiler {
  protected override addMonths(date: string, months: string): string {
    return `CAST(${date} + to_months(CAST(${months} AS INTEGER)) AS DATE)`;
  }
  protected override daysBetween(earlier: string, later: string): string {
    return `CAST(date_diff('day', ${earlier}, ${later}) AS INTEGER)`;
  }
  protected override dateAsText(sql: string): string {
    return `strftime(${sql}, '%Y-%m-%d')`;
  }
  /**
   * One pass with arg_min/arg_max instead of a sorting window: the row as a struct, keyed by a
   * struct of (is-not-null flag, value) pairs, so nulls sort first as in the standard ordering.
   */
  protected override pickRows(p: PickRowsQuery): string {
    const fallback: Record<ValueType, string> = { boolean: 'FALSE', integer: '0', float: '0', string: "''", date: "DATE '1970-01-01'" };
    const key = p.keys.map((k, i) => `'n${i}': (${k.sql}) IS NOT NULL, 'k${i}': COALESCE(${k.sql}, ${fallback[k.type]})`).join(', ');
    const row = p.columns.map((c) => `'${c}': e.${this.quote(c)}`).join(', ');
    const groups = p.perInterval ? 'e.patient_key, iv.iv_idx' : 'e.patient_key';
    const fn = p.position === 'first' ? 'arg_min' : 'arg_max';
    const outer = p.columns.map((c) => `picked.${this.quote(c)} AS ${this.quote(c)}`).join(', ');
    return `SELECT patient_key${p.perInterval ? ', iv_idx' : ''}, ${outer} FROM (SELECT ${groups}, ${fn}({${row}}, {${key}}) AS picked\n${p.from}\nGROUP BY ${groups}) picks`;
  }
}
