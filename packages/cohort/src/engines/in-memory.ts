import { CohortError } from '../errors';
import type { Dataset } from '../language/dataset';
import { nodeKey } from '../model/keys';
import type {
  BinaryOp,
  DatasetNode,
  EventFrameNode,
  Interval,
  JsValue,
  MeasureNode,
  PickOneNode,
  SeriesKind,
  SeriesNode,
  UnaryOp,
} from '../model/nodes';
import { dependsOnInterval } from '../model/walk';
import { addDays, addMonths, daysBetween, monthsBetween, parts, yearsBetween } from './dates';
import { datasetNode, type CohortEngine, type MeasureRow, type Row } from './engine';

type V = JsValue | null;
type TableRow = Record<string, V>;

export interface InMemoryEngineOptions {
  universe?: string;
  cacheKey?: string;
}

/**
 * The reference engine: evaluates the query model directly over rows held in JavaScript, with
 * SQL's semantics (three-valued logic, aggregates ignoring nulls). It is the specification the
 * SQL engines are tested against, not a database: use it for tests and tiny data only.
 */
export class InMemoryEngine implements CohortEngine {
  readonly name = 'in-memory' as const;
  readonly cacheKey: string;
  private readonly universe: string;

  constructor(
    private readonly tables: Record<string, readonly TableRow[]>,
    options: InMemoryEngineOptions = {},
  ) {
    this.universe = options.universe ?? 'patients';
    this.cacheKey = options.cacheKey ?? `in-memory:${Math.random().toString(36).slice(2)}`;
    if (!tables[this.universe]) throw new CohortError(`no ${this.universe} table given`);
  }

  private patientKeys(): string[] {
    return this.tables[this.universe].map((row) => String(row.patient_key));
  }

  async execute(dataset: Dataset | DatasetNode): Promise<Row[]> {
    const node = datasetNode(dataset);
    for (const series of [node.population, ...Object.values(node.variables)]) {
      if (dependsOnInterval(series)) throw new CohortError('INTERVAL can only be used in measures');
    }
    const ev = new Evaluator(this.tables, this.universe, null);
    const out: Row[] = [];
    for (const pk of this.patientKeys()) {
      if (ev.value(node.population, pk, null) !== true) continue;
      const row: Row = { patient_key: pk };
      for (const [name, series] of Object.entries(node.variables)) row[name] = ev.value(series, pk, null);
      out.push(row);
    }
    return out;
  }

  async measure(measure: MeasureNode): Promise<MeasureRow[]> {
    const out: MeasureRow[] = [];
    const groupNames = Object.keys(measure.groupBy);
    for (const interval of measure.intervals) {
      const ev = new Evaluator(this.tables, this.universe, interval);
      const cells = new Map<string, MeasureRow>();
      for (const pk of this.patientKeys()) {
        if (ev.value(measure.denominator, pk, null) !== true) continue;
        const groups = groupNames.map((g) => ev.value(measure.groupBy[g], pk, null));
        const key = JSON.stringify(groups);
        let cell = cells.get(key);
        if (!cell) {
          cell = { interval_start: interval.start, interval_end: interval.end, ...Object.fromEntries(groupNames.map((g, i) => [g, groups[i]])), numerator: 0, denominator: 0, ratio: null };
          cells.set(key, cell);
        }
        cell.denominator++;
        if (ev.value(measure.numerator, pk, null) === true) cell.numerator++;
      }
      for (const cell of cells.values()) {
        cell.ratio = cell.denominator === 0 ? null : cell.numerator / cell.denominator;
        out.push(cell);
      }
    }
    return out;
  }
}

/** Total order used for sorting, minimum and maximum: nulls first, then by value. */
export function compareValues(a: V, b: V): number {
  if (a === null) return b === null ? 0 : -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

type Handlers = { [K in SeriesKind]: (node: Extract<SeriesNode, { kind: K }>, pk: string, row: TableRow | null) => V };

/** Evaluates series for one interval (or none), memoising patient-level values and frame rows. */
class Evaluator {
  private readonly patientIndex = new Map<string, Map<string, TableRow>>();
  private readonly eventIndex = new Map<string, Map<string, TableRow[]>>();
  private readonly patientValues = new Map<string, Map<string, V>>();
  private readonly frameRowsCache = new Map<string, Map<string, TableRow[]>>();
  private readonly picked = new Map<string, Map<string, TableRow | null>>();

  constructor(
    private readonly tables: Record<string, readonly TableRow[]>,
    private readonly universe: string,
    private readonly interval: Interval | null,
  ) {}

  value(node: SeriesNode, pk: string, row: TableRow | null): V {
    if (node.domain !== null) {
      if (row === null) throw new CohortError('internal: event series evaluated without a row');
      return this.compute(node, pk, row);
    }
    const key = nodeKey(node);
    let memo = this.patientValues.get(key);
    if (!memo) {
      memo = new Map();
      this.patientValues.set(key, memo);
    }
    if (memo.has(pk)) return memo.get(pk) as V;
    const v = this.compute(node, pk, null);
    memo.set(pk, v);
    return v;
  }

  private compute(node: SeriesNode, pk: string, row: TableRow | null): V {
    return (this.handlers[node.kind] as (n: SeriesNode, pk: string, row: TableRow | null) => V)(node, pk, row);
  }

  private table(name: string): readonly TableRow[] {
    const rows = this.tables[name];
    if (!rows) throw new CohortError(`no ${name} table given`);
    return rows;
  }

  private patientRow(table: string, pk: string): TableRow | undefined {
    let index = this.patientIndex.get(table);
    if (!index) {
      index = new Map(this.table(table).map((r) => [String(r.patient_key), r]));
      this.patientIndex.set(table, index);
    }
    return index.get(pk);
  }

  frameRows(frame: EventFrameNode, pk: string): TableRow[] {
    if (frame.kind === 'select_table') {
      let index = this.eventIndex.get(frame.table.name);
      if (!index) {
        index = new Map();
        for (const r of this.table(frame.table.name)) {
          const list = index.get(String(r.patient_key)) ?? [];
          list.push(r);
          index.set(String(r.patient_key), list);
        }
        this.eventIndex.set(frame.table.name, index);
      }
      return index.get(pk) ?? [];
    }
    const key = nodeKey(frame);
    let cache = this.frameRowsCache.get(key);
    if (!cache) {
      cache = new Map();
      this.frameRowsCache.set(key, cache);
    }
    const hit = cache.get(pk);
    if (hit) return hit;
    const rows = this.frameRows(frame.source, pk).filter((r) => this.value(frame.condition, pk, r) === true);
    cache.set(pk, rows);
    return rows;
  }

  private pick(frame: PickOneNode, pk: string): TableRow | null {
    const key = nodeKey(frame);
    let cache = this.picked.get(key);
    if (!cache) {
      cache = new Map();
      this.picked.set(key, cache);
    }
    if (cache.has(pk)) return cache.get(pk) as TableRow | null;
    const sort = frame.source;
    const columns = Object.keys(this.rootTable(sort.source).columns);
    const rows = this.frameRows(sort.source, pk).map((r) => ({ r, keys: [...sort.keys.map((k) => this.value(k, pk, r)), ...columns.map((c) => r[c] ?? null)] }));
    rows.sort((a, b) => {
      for (let i = 0; i < a.keys.length; i++) {
        const c = compareValues(a.keys[i], b.keys[i]);
        if (c !== 0) return c;
      }
      return 0;
    });
    const chosen = rows.length === 0 ? null : frame.position === 'first' ? rows[0].r : rows[rows.length - 1].r;
    cache.set(pk, chosen);
    return chosen;
  }

  private rootTable(frame: EventFrameNode) {
    let f = frame;
    while (f.kind === 'filter') f = f.source;
    return f.table;
  }

  private readonly unaryOps: Record<UnaryOp, (a: V) => V> = {
    not: (a) => (a === null ? null : !a),
    is_null: (a) => a === null,
    is_not_null: (a) => a !== null,
    negate: (a) => (a === null ? null : -(a as number)),
    year: (a) => (a === null ? null : parts(a as string)[0]),
    month: (a) => (a === null ? null : parts(a as string)[1]),
    day: (a) => (a === null ? null : parts(a as string)[2]),
    to_float: (a) => a,
  };

  private readonly binaryOps: Record<BinaryOp, (l: V, r: V) => V> = {
    eq: (l, r) => nullOr(l, r, () => compareValues(l, r) === 0),
    ne: (l, r) => nullOr(l, r, () => compareValues(l, r) !== 0),
    lt: (l, r) => nullOr(l, r, () => compareValues(l, r) < 0),
    le: (l, r) => nullOr(l, r, () => compareValues(l, r) <= 0),
    gt: (l, r) => nullOr(l, r, () => compareValues(l, r) > 0),
    ge: (l, r) => nullOr(l, r, () => compareValues(l, r) >= 0),
    and: (l, r) => (l === false || r === false ? false : l === null || r === null ? null : true),
    or: (l, r) => (l === true || r === true ? true : l === null || r === null ? null : false),
    add: (l, r) => nullOr(l, r, () => (l as number) + (r as number)),
    subtract: (l, r) => nullOr(l, r, () => (l as number) - (r as number)),
    multiply: (l, r) => nullOr(l, r, () => (l as number) * (r as number)),
    divide: (l, r) => nullOr(l, r, () => ((r as number) === 0 ? null : (l as number) / (r as number))),
    add_days: (l, r) => nullOr(l, r, () => addDays(l as string, r as number)),
    add_months: (l, r) => nullOr(l, r, () => addMonths(l as string, r as number)),
    add_years: (l, r) => nullOr(l, r, () => addMonths(l as string, (r as number) * 12)),
    days_between: (l, r) => nullOr(l, r, () => daysBetween(l as string, r as string)),
    months_between: (l, r) => nullOr(l, r, () => monthsBetween(l as string, r as string)),
    years_between: (l, r) => nullOr(l, r, () => yearsBetween(l as string, r as string)),
    coalesce: (l, r) => (l === null ? r : l),
  };

  private readonly handlers: Handlers = {
    column: (node, pk, row) => {
      const frame = node.frame;
      if (node.column === 'patient_key' && node.domain === null && frame.kind === 'select_table') return pk;
      switch (frame.kind) {
        case 'select_table':
          if (frame.table.grain === 'patient') {
            const r = frame.table.name === this.universe ? this.patientRow(this.universe, pk) : this.patientRow(frame.table.name, pk);
            return r ? (r[node.column] ?? null) : null;
          }
          return (row as TableRow)[node.column] ?? null;
        case 'filter':
          return (row as TableRow)[node.column] ?? null;
        case 'pick_one': {
          const picked = this.pick(frame, pk);
          return picked ? (picked[node.column] ?? null) : null;
        }
      }
    },
    value: (node) => node.value,
    unary: (node, pk, row) => this.unaryOps[node.op](this.value(node.arg, pk, row)),
    binary: (node, pk, row) => this.binaryOps[node.op](this.value(node.left, pk, row), this.value(node.right, pk, row)),
    in_codelist: (node, pk, row) => {
      const v = this.value(node.arg, pk, row);
      return v === null ? null : node.codes.includes(String(v));
    },
    aggregate: (node, pk) => {
      const frame = node.arg.domain as EventFrameNode;
      const values = this.frameRows(frame, pk)
        .map((r) => this.value(node.arg, pk, r))
        .filter((v): v is JsValue => v !== null);
      switch (node.fn) {
        case 'minimum':
          return values.length ? values.reduce((a, b) => (compareValues(a, b) <= 0 ? a : b)) : null;
        case 'maximum':
          return values.length ? values.reduce((a, b) => (compareValues(a, b) >= 0 ? a : b)) : null;
        case 'mean':
          return values.length ? (values as number[]).reduce((a, b) => a + b, 0) / values.length : null;
        case 'sum':
          return values.length ? (values as number[]).reduce((a, b) => a + b, 0) : null;
        case 'count_distinct':
          return new Set(values.map((v) => JSON.stringify(v))).size;
      }
    },
    frame_aggregate: (node, pk) => {
      const n = this.frameRows(node.frame, pk).length;
      return node.fn === 'exists' ? n > 0 : n;
    },
    case: (node, pk, row) => {
      for (const arm of node.cases) if (this.value(arm.when, pk, row) === true) return this.value(arm.then, pk, row);
      return node.otherwise ? this.value(node.otherwise, pk, row) : null;
    },
    interval_bound: (node) => {
      if (!this.interval) throw new CohortError('INTERVAL can only be used in measures');
      return node.bound === 'start' ? this.interval.start : this.interval.end;
    },
  };
}

function nullOr(l: V, r: V, f: () => V): V {
  return l === null || r === null ? null : f();
}
