import { resolveDisclosure, type DisclosureOptions } from '@footprint/cohort';
import { InsightInputError } from './errors';

/** Options every dashboard function takes. */
export interface InsightOptions {
  /** ISO date the figures are "as at"; default today (UTC). */
  on?: string;
  disclosure?: DisclosureOptions;
}

/** Rows with the definition of every figure in them and the disclosure control applied. */
export interface InsightResult<Row> {
  rows: Row[];
  definition: string;
  disclosure: { threshold: number; rounding: number };
  asAt: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function resolveOn(on: unknown): string {
  if (on === undefined || on === null || on === '') return new Date().toISOString().slice(0, 10);
  if (typeof on !== 'string' || !ISO_DATE.test(on) || Number.isNaN(Date.parse(`${on}T00:00:00Z`)) || new Date(`${on}T00:00:00Z`).toISOString().slice(0, 10) !== on) {
    throw new InsightInputError(`"on" must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(on)}`);
  }
  return on;
}

export function resolveDisclosureOptions(options: DisclosureOptions | undefined): { threshold: number; rounding: number } {
  try {
    return resolveDisclosure(options ?? {});
  } catch (error) {
    throw new InsightInputError((error as Error).message);
  }
}

export function disclosureText(d: { threshold: number; rounding: number }): string {
  return `Counts of ${d.threshold} or fewer are suppressed (shown as null) and other counts are rounded to the nearest ${d.rounding}; rates are computed from the rounded counts.`;
}
