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
   * Picks are aggregates here: arg_min/arg_max of the row (as a struct) keyed by a struct of
   * (is-not-null, value) pairs, so nulls sort first as in the standard ordering. They join the
   * shared GROUP BY of their frame instead of a sorting window.
   */
  protected override readonly picksAsAggregates = true;

  protected override pickAggregate(p: Omit<PickRowsQuery, 'from' | 'perInterval'>, filter: string | null): string {
    const fallback: Record<ValueType, string> = { boolean: 'FALSE', integer: '0', float: '0', string: "''", date: "DATE '1970-01-01'" };
    const key = p.keys.map((k, i) => (k.nonNull ? `'k${i}': ${k.sql}` : `'n${i}': (${k.sql}) IS NOT NULL, 'k${i}': COALESCE(${k.sql}, ${fallback[k.type]})`)).join(', ');
    const row = p.columns.length ? p.columns.map((c) => `'${c}': e.${this.quote(c)}`).join(', ') : `'none': NULL`;
    return `${p.position === 'first' ? 'arg_min' : 'arg_max'}({${row}}, {${key}})${filter ? ` FILTER (WHERE ${filter})` : ''}`;
  }

  protected override pickField(struct: string, column: string): string {
    return `struct_extract(${struct}, '${column.replace(/'/g, "''")}')`;
  }
}
