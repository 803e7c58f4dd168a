import { checkBreakdown, groupText, type Breakdown } from '../breakdowns';
import { InsightInputError } from '../errors';
import type { Figure, FigureContext } from '../figure';
import { REGISTERS, type RegisterId } from '../registers';
import { registerPrevalenceFigure } from './prevalence';

export interface RegisterProfileRow {
  register: RegisterId;
  name: string;
  register_count: number | null;
  list_size: number | null;
  prevalence_per_1000: number | null;
}

export interface RegisterProfileParams {
  /** A breakdown whose groups are places or organisations. */
  by: Extract<Breakdown, 'place' | 'practice' | 'pcn'>;
  /** The place or practice code. */
  group: string;
}

/** Registers in the order listRegisters() gives them. */
const REGISTER_ORDER = Object.keys(REGISTERS) as RegisterId[];

const prevalenceMeasure = (register: RegisterId, by: Breakdown, context: FigureContext) => registerPrevalenceFigure.measures({ register, by }, context).prevalence;

/**
 * Every register's recorded prevalence in one place, practice or PCN. It reuses the prevalence
 * figure's measures (so it is answered from their cache) and keeps the one group's row of each.
 */
export const registerProfileFigure: Figure<RegisterProfileParams, RegisterProfileRow> = {
  id: 'register-profile',
  name: 'Recorded prevalence of every register in one place or practice',
  description: 'Each disease register’s count, list size and prevalence per 1,000 for one place, practice or PCN.',
  breakdowns: ['place', 'practice', 'pcn'],
  disclosure: { kind: 'counts', counts: ['register_count', 'list_size'], ratios: { prevalence_per_1000: { numerator: 'register_count', denominator: 'list_size', per: 1000 } } },
  parameters: (input) => {
    const by = checkBreakdown(input.by);
    if (by !== 'place' && by !== 'practice' && by !== 'pcn') throw new InsightInputError(`a register profile is for a place, practice or PCN, not "${by}"`);
    if (typeof input.group !== 'string' || input.group === '') throw new InsightInputError('a register profile needs the code of its place, practice or PCN');
    return { by, group: input.group };
  },
  measures: ({ by }, context) => Object.fromEntries(REGISTER_ORDER.map((register) => [register, prevalenceMeasure(register, by, context)])),
  rows: (raw, { group }) =>
    REGISTER_ORDER.map((register) => {
      const row = raw[register].find((r) => groupText(r.group) === group);
      return { register, name: REGISTERS[register].name, register_count: row?.numerator ?? null, list_size: row?.denominator ?? null, prevalence_per_1000: null };
    }),
  definition: ({ by }, context) =>
    `${registerPrevalenceFigure.definition({ register: REGISTER_ORDER[0], by }, context)} Registers: ${REGISTER_ORDER.map((id) => `${REGISTERS[id].name}: ${REGISTERS[id].definition}`).join(' ')}`,
  warm: [],
};
