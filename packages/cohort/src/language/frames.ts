import { CohortError } from '../errors';
import { isWithin } from '../model/keys';
import type { EventFrameNode, PickOneNode, SelectTableNode, SortNode, TableSchema, ValueType } from '../model/nodes';
import { commonDomain } from './construct';
import { Series } from './series';

/** Column declarations of a table: name → value type. */
export type Columns = Record<string, ValueType>;

const RESERVED = new Set(['node', 'table', 'where', 'except_where', 'sort_by', 'first_for_patient', 'last_for_patient', 'exists_for_patient', 'count_for_patient', 'column', 'patient_key']);

/** A frame with one row per patient (a patient table, or the first/last row of a sorted event frame). */
export class PatientFrameBase<C extends Columns> {
  constructor(
    readonly node: SelectTableNode | PickOneNode,
    readonly table: TableSchema,
  ) {
    defineColumns(this, node, table);
  }
  column<K extends keyof C & string>(name: K): Series<C[K], 'patient'> {
    return columnOf(this.node, this.table, name) as Series<C[K], 'patient'>;
  }
  /** Whether the patient has a row: for a picked frame, whether any event matched. */
  exists_for_patient(): Series<'boolean', 'patient'> {
    if (this.node.kind === 'pick_one') {
      return new Series({ kind: 'frame_aggregate', fn: 'exists', frame: this.node.source.source, type: 'boolean', domain: null });
    }
    throw new CohortError(`every patient has a row in ${this.table.name}: use a column's is_not_null() instead`);
  }
}

/** A frame with many rows per patient. */
export class EventFrameBase<C extends Columns> {
  constructor(
    readonly node: EventFrameNode,
    readonly table: TableSchema,
  ) {
    defineColumns(this, node, table);
  }
  column<K extends keyof C & string>(name: K): Series<C[K], 'event'> {
    return columnOf(this.node, this.table, name) as Series<C[K], 'event'>;
  }
  /** The rows for which the condition is true (null counts as false). */
  where(condition: Series<'boolean', 'event'> | Series<'boolean', 'patient'>): EventFrame<C> {
    this.checkOwn(condition.node.domain, 'where');
    if (condition.node.type !== 'boolean') throw new CohortError(`where needs a boolean condition, got ${condition.node.type}`);
    return eventFrame<C>({ kind: 'filter', source: this.node, condition: condition.node }, this.table);
  }
  /** The rows for which the condition is not true. */
  except_where(condition: Series<'boolean', 'event'> | Series<'boolean', 'patient'>): EventFrame<C> {
    const c = condition as Series<'boolean', 'event'>;
    return this.where(c.is_null().or(c.not()));
  }
  /** The rows in order of the keys (ascending, nulls first); ties broken by every column. */
  sort_by(...keys: (Series<ValueType, 'event'> | Series<ValueType, 'patient'>)[]): SortedEventFrame<C> {
    if (keys.length === 0) throw new CohortError('sort_by needs at least one key');
    for (const key of keys) this.checkOwn(key.node.domain, 'sort_by');
    return new SortedEventFrame<C>({ kind: 'sort', source: this.node, keys: keys.map((k) => k.node) }, this.table);
  }
  exists_for_patient(): Series<'boolean', 'patient'> {
    return new Series({ kind: 'frame_aggregate', fn: 'exists', frame: this.node, type: 'boolean', domain: null });
  }
  count_for_patient(): Series<'integer', 'patient'> {
    return new Series({ kind: 'frame_aggregate', fn: 'count', frame: this.node, type: 'integer', domain: null });
  }
  private checkOwn(domain: EventFrameNode | null, what: string): void {
    if (domain !== null && !isWithin(this.node, domain)) {
      throw new CohortError(`${what} on a frame must use columns of that frame or of a frame it was filtered from (or patient series)`);
    }
  }
}

/** An event frame in a defined order, ready to pick the first or last row per patient. */
export class SortedEventFrame<C extends Columns> {
  constructor(
    readonly node: SortNode,
    readonly table: TableSchema,
  ) {}
  first_for_patient(): PatientFrame<C> {
    return patientFrame<C>({ kind: 'pick_one', source: this.node, position: 'first' }, this.table);
  }
  last_for_patient(): PatientFrame<C> {
    return patientFrame<C>({ kind: 'pick_one', source: this.node, position: 'last' }, this.table);
  }
}

export type PatientFrame<C extends Columns> = PatientFrameBase<C> & { readonly [K in keyof C]: Series<C[K], 'patient'> };
export type EventFrame<C extends Columns> = EventFrameBase<C> & { readonly [K in keyof C]: Series<C[K], 'event'> };

export function patientFrame<C extends Columns>(node: SelectTableNode | PickOneNode, table: TableSchema): PatientFrame<C> {
  return new PatientFrameBase<C>(node, table) as PatientFrame<C>;
}
export function eventFrame<C extends Columns>(node: EventFrameNode, table: TableSchema): EventFrame<C> {
  return new EventFrameBase<C>(node, table) as EventFrame<C>;
}

function columnOf(frame: SelectTableNode | EventFrameNode | PickOneNode, table: TableSchema, name: string): Series<ValueType, 'patient' | 'event'> {
  const type = name === 'patient_key' ? 'string' : table.columns[name];
  if (type === undefined) throw new CohortError(`table ${table.name} has no column ${name}`);
  const domain = frame.kind === 'pick_one' || table.grain === 'patient' ? null : (frame as EventFrameNode);
  return new Series({ kind: 'column', frame, column: name, type, domain });
}

function defineColumns(target: object, frame: SelectTableNode | EventFrameNode | PickOneNode, table: TableSchema): void {
  for (const name of Object.keys(table.columns)) {
    Object.defineProperty(target, name, { enumerable: true, get: () => columnOf(frame, table, name) });
  }
}

/** Declares a table with one row per patient. */
export function patientTable<const C extends Columns>(name: string, columns: C): PatientFrame<C> {
  const table = declare(name, 'patient', columns);
  return patientFrame<C>({ kind: 'select_table', table }, table);
}

/** Declares a table with many rows per patient. */
export function eventTable<const C extends Columns>(name: string, columns: C): EventFrame<C> {
  const table = declare(name, 'event', columns);
  return eventFrame<C>({ kind: 'select_table', table }, table);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function declare(name: string, grain: 'patient' | 'event', columns: Columns): TableSchema {
  if (!IDENTIFIER.test(name)) throw new CohortError(`table names are lower_snake_case: ${name}`);
  for (const [column, type] of Object.entries(columns)) {
    if (!IDENTIFIER.test(column)) throw new CohortError(`column names are lower_snake_case: ${column}`);
    if (RESERVED.has(column)) throw new CohortError(`column name ${column} is reserved`);
    if (!['boolean', 'integer', 'float', 'string', 'date'].includes(type)) throw new CohortError(`unknown type ${type} for ${name}.${column}`);
  }
  return Object.freeze({ name, grain, columns: Object.freeze({ ...columns }) });
}

// commonDomain is re-exported for callers building custom frames.
export { commonDomain };
