import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { SpcInputPoint, SpcOptions, SpcResult } from '../types';
import { SpcInputError } from './errors';
import { spc } from './spc';

/** Reads `date,value` CSV (other columns are ignored) into SPC input points; every problem is an SpcInputError. */
export function parseSpcCsv(text: string): SpcInputPoint[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  } catch (error) {
    throw new SpcInputError(`the CSV cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (rows.length === 0) throw new SpcInputError('the CSV has no rows (it needs the columns date,value)');
  for (const column of ['date', 'value']) {
    if (!(column in rows[0])) throw new SpcInputError(`the CSV has no "${column}" column (it needs the columns date,value)`);
  }
  return rows.map((row, i) => {
    const value = row.value === '' ? Number.NaN : Number(row.value);
    if (!Number.isFinite(value)) throw new SpcInputError(`row ${i + 2}: the value ${JSON.stringify(row.value)} is not a number`);
    return { date: row.date, value };
  });
}

/** An SPC result as CSV: date,value,mean,lpl,upl,point_type,rule,assurance (assurance on the latest group's rows). */
export function spcResultCsv(result: SpcResult): string {
  const lastGroup = result.points[result.points.length - 1]?.group;
  return stringify(
    result.points.map((p) => [p.date, p.value, p.mean, p.lpl, p.upl, p.pointType, p.rule ?? '', p.group === lastGroup ? (result.assurance ?? '') : '']),
    { header: true, columns: ['date', 'value', 'mean', 'lpl', 'upl', 'point_type', 'rule', 'assurance'] },
  );
}

/** `footprint spc`'s work: CSV in, CSV out (see spc()). */
export function spcCsv(text: string, options: SpcOptions): string {
  return spcResultCsv(spc(parseSpcCsv(text), options));
}
