import { checkBreakdown, type Breakdown } from '../breakdowns';
import { getRegister, type RegisterId } from '../registers';

export const LIST_SIZE = 'List size: patients registered with a practice in the footprint and alive on the date.';

/** Groups in natural order: numbers numerically, text alphabetically, "not known" (null) last. */
export function byGroup(a: { group: string | null }, b: { group: string | null }): number {
  if (a.group === b.group) return 0;
  if (a.group === null) return 1;
  if (b.group === null) return -1;
  const na = Number(a.group);
  const nb = Number(b.group);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a.group < b.group ? -1 : 1;
}

/** The parameters of a figure of one register by one breakdown, checked. */
export function registerBy<P extends { register: RegisterId; by: Breakdown }>(input: P): P {
  return { ...input, register: getRegister(input.register).id, by: checkBreakdown(input.by) };
}
