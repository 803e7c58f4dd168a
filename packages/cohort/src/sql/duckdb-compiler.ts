import { SqlCompiler } from './compiler';

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
}
