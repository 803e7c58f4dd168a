/**
 * Calendar arithmetic on ISO dates for the in-memory engine, with the same semantics as the SQL
 * the compilers emit: month/year moves clamp to the end of a shorter month; "between" counts
 * whole units from the earlier date to the later one.
 */

export function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return iso(Date.UTC(y, m - 1, d + days));
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const lastDay = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  const dt = new Date(Date.UTC(2000, nm, Math.min(d, lastDay)));
  dt.setUTCFullYear(ny);
  return dt.toISOString().slice(0, 10);
}

export function daysBetween(earlier: string, later: string): number {
  const [ya, ma, da] = parts(earlier);
  const [yb, mb, db] = parts(later);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}

export function monthsBetween(earlier: string, later: string): number {
  const [ya, ma, da] = parts(earlier);
  const [yb, mb, db] = parts(later);
  return (yb - ya) * 12 + mb - ma - (db < da ? 1 : 0);
}

export function yearsBetween(earlier: string, later: string): number {
  const [ya, ma, da] = parts(earlier);
  const [yb, mb, db] = parts(later);
  return yb - ya - (mb < ma || (mb === ma && db < da) ? 1 : 0);
}
