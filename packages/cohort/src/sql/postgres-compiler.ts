import type { ValueType } from '../model/nodes';
import { SqlCompiler, type CompilerOptions } from './compiler';

/**
 * PostgreSQL's differences: tables live in a schema, month arithmetic via make_interval, dates
 * printed with to_char (independent of DateStyle), and strings compared bytewise (COLLATE "C")
 * so ordering matches the other engines whatever the database's locale.
 */
export class PostgresCompiler extends SqlCompiler {
  constructor(
    options: CompilerOptions,
    private readonly schema: string | null,
  ) {
    super(options);
  }
  protected override tableRef(table: string): string {
    return this.schema ? `${this.quote(this.schema)}.${this.quote(table)}` : this.quote(table);
  }
  protected override addMonths(date: string, months: string): string {
    return `CAST(${date} + make_interval(months => CAST(${months} AS INTEGER)) AS DATE)`;
  }
  protected override daysBetween(earlier: string, later: string): string {
    return `(${later} - ${earlier})`;
  }
  protected override dateAsText(sql: string): string {
    return `to_char(${sql}, 'YYYY-MM-DD')`;
  }
  protected override orderable(sql: string, type: ValueType): string {
    return type === 'string' ? `(${sql} COLLATE "C")` : sql;
  }
}
