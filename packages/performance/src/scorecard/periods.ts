/** Months as whole numbers, so trajectories interpolate and trends regress on them. */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(period: string): boolean {
  return MONTH.test(period);
}

/** 'YYYY-MM' (or the month of a date 'YYYY-MM-DD') → months since year 0. */
export function monthIndex(period: string): number {
  const m = MONTH.exec(period.slice(0, 7));
  if (!m) throw new RangeError(`not a month YYYY-MM: ${JSON.stringify(period)}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first day of a month, as SPC dates points. */
export const firstDay = (period: string): string => `${period.slice(0, 7)}-01`;

/** A number for words: up to 3 significant decimals, no trailing zeros. */
export function fmt(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 1 : abs >= 1 ? 2 : 3;
  return String(Number(value.toFixed(digits)));
}
