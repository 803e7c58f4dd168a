/**
 * Collects positional parameters while SQL is assembled, so values are never spliced into SQL
 * text. `add(v)` returns the placeholder (`$3`) for `v`.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
