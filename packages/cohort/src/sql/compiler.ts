import { CohortError } from '../errors';
import { nodeKey } from '../model/keys';
import type {
  AggregateNode,
  BinaryOp,
  ColumnNode,
  DatasetNode,
  EventFrameNode,
  FrameAggregateNode,
  FrameNode,
  MeasureNode,
  PickOneNode,
  SelectTableNode,
  SeriesKind,
  SeriesNode,
  TableSchema,
  UnaryOp,
  ValueType,
} from '../model/nodes';
import { optimise } from '../model/optimise';
import { childrenOf, dependsOnInterval, walk } from '../model/walk';

/** SQL text plus the name and type of each output column, in order. */
export interface CompiledQuery {
  readonly sql: string;
  readonly columns: readonly { readonly name: string; readonly type: ValueType }[];
}

/** What an engine needs to pick one row per patient from a frame (see SqlCompiler.pickRows). */
export interface PickRowsQuery {
  /** `FROM … WHERE …` over the frame's rows, alias `e` (and `iv` when per interval). */
  readonly from: string;
  /** Sort keys then tie-breakers, as SQL over `e` with their value types (nonNull: proved never null). */
  readonly keys: readonly { readonly sql: string; readonly type: ValueType; readonly nonNull: boolean }[];
  /** The table's columns the definition reads from the picked row (engines may output more). */
  readonly columns: readonly string[];
  readonly position: 'first' | 'last';
  readonly perInterval: boolean;
}

export interface CompilerOptions {
  /** The patient table that lists every patient (the population is drawn from it). */
  readonly universe: string;
}

/** Where a series is being compiled: the alias of the row (patient or event) and its joins. */
class Scope {
  readonly joins: string[] = [];
  private readonly joined = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly withInterval: boolean,
    private readonly compilation: Compilation,
    /** Whether shared expressions (columns of the universe base) can be read here. */
    readonly shared = base === 'p',
  ) {}
  /** Joins a per-patient source (a CTE or table) once and returns its alias. */
  join(source: string, perInterval: boolean): string {
    const existing = this.joined.get(source);
    if (existing) return existing;
    if (perInterval && !this.withInterval) throw new CohortError('internal: interval-dependent source joined outside an interval scope');
    const alias = this.compilation.alias();
    const intervalClause = perInterval ? ` AND ${alias}.iv_idx = iv.iv_idx` : '';
    this.joins.push(`LEFT JOIN ${source} ${alias} ON ${alias}.patient_key = ${this.base}.patient_key${intervalClause}`);
    this.joined.set(source, alias);
    return alias;
  }
}

/** State of one compile: CTEs in dependency order, aggregates grouped by frame, alias counter. */
class Compilation {
  readonly ctes = new Map<string, { name: string; sql: string; perInterval: boolean }>();
  /** Per-patient aggregates (and picks, where the engine aggregates them) grouped by the frame whose scan they share. */
  readonly hosts = new Map<string, { frame: EventFrameNode; units: Unit[] }>();
  /** Unit key → host frame key. */
  readonly hostOf = new Map<string, string>();
  /** Repeated expressions over the universe table's own columns, computed once per patient (key → column). */
  readonly shared = new Map<string, { name: string; node: SeriesNode }>();
  /** The columns each first/last pick is read for, so engines can carry only those. */
  readonly pickColumns = new Map<string, Set<string>>();
  private aliases = 0;
  alias(): string {
    return `j${++this.aliases}`;
  }
  cteName(prefix: string): string {
    return `${prefix}_${this.ctes.size + 1}`;
  }
}

/** Something computed per patient in one GROUP BY over a frame: an aggregate, or a first/last pick. */
type Unit = AggregateNode | FrameAggregateNode | PickOneNode;

function unitFrame(unit: Unit): EventFrameNode {
  if (unit.kind === 'aggregate') return unit.arg.domain as EventFrameNode;
  if (unit.kind === 'frame_aggregate') return unit.frame;
  return unit.source.source;
}

/** The frames from the table up to `frame` (each a filter of the one before). */
function lineage(frame: EventFrameNode): EventFrameNode[] {
  const out: EventFrameNode[] = [];
  for (let f: EventFrameNode = frame; ; f = f.source) {
    out.unshift(f);
    if (f.kind === 'select_table') return out;
  }
}

type SeriesHandlers = { [K in SeriesKind]: (node: Extract<SeriesNode, { kind: K }>, scope: Scope, c: Compilation) => string };
type ColumnFrameHandlers = { [K in ColumnNode['frame']['kind']]: (node: ColumnNode, frame: Extract<ColumnNode['frame'], { kind: K }>, scope: Scope, c: Compilation) => string };

/**
 * The default compiler: standard SQL from the query model. Engine compilers are small subclasses
 * overriding the protected hooks (date arithmetic, text output of dates, collation, quoting).
 * Every per-patient query joins only on `patient_key`, so it distributes by patient.
 */
export class SqlCompiler {
  constructor(protected readonly options: CompilerOptions) {}

  // ---- hooks ------------------------------------------------------------------------------
  protected quote(identifier: string): string {
    return `"${identifier.replace(/"/g, '""')}"`;
  }
  protected tableRef(table: string): string {
    return this.quote(table);
  }
  protected stringLiteral(value: string): string {
    return `'${value.replace(/'/g, "''")}'`;
  }
  protected sqlType(type: ValueType): string {
    const types: Record<ValueType, string> = { boolean: 'BOOLEAN', integer: 'BIGINT', float: 'DOUBLE PRECISION', string: 'VARCHAR', date: 'DATE' };
    return types[type];
  }
  protected addDays(date: string, days: string): string {
    return `CAST(${date} + CAST(${days} AS INTEGER) AS DATE)`;
  }
  protected addMonths(date: string, months: string): string {
    return `CAST(${date} + CAST(${months} AS INTEGER) * INTERVAL '1 month' AS DATE)`;
  }
  protected daysBetween(earlier: string, later: string): string {
    return `(${later} - ${earlier})`;
  }
  /** An expression prepared for ordering/comparison (engines with locale collations override for strings). */
  protected orderable(sql: string, _type: ValueType): string {
    return sql;
  }
  /** An output date as ISO `YYYY-MM-DD` text. */
  protected dateAsText(sql: string): string {
    return `CAST(${sql} AS VARCHAR)`;
  }

  /**
   * The first or last row per patient (and interval) of `from` in the order of `keys` (ascending,
   * nulls first; the last row is the first in descending order with nulls last). Standard SQL: a
   * ROW_NUMBER window. Output: `patient_key`, `iv_idx` when per interval, and the table's columns.
   */
  protected pickRows(p: PickRowsQuery): string {
    const direction = p.position === 'first' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST';
    const order = p.keys.map((k) => `${this.orderable(k.sql, k.type)} ${direction}`).join(', ');
    const partition = p.perInterval ? 'e.patient_key, iv.iv_idx' : 'e.patient_key';
    return `SELECT * FROM (SELECT e.*${p.perInterval ? ', iv.iv_idx' : ''}, ROW_NUMBER() OVER (PARTITION BY ${partition} ORDER BY ${order}) AS rn\n${p.from}) ranked WHERE rn = 1`;
  }

  // ---- entry points -----------------------------------------------------------------------
  compileDataset(dataset: DatasetNode): CompiledQuery {
    const names = Object.keys(dataset.variables);
    const roots = [dataset.population, ...Object.values(dataset.variables)];
    for (const root of roots) if (dependsOnInterval(root)) throw new CohortError('INTERVAL can only be used in measures');
    const c = this.start(roots);
    const scope = new Scope('p', false, c);
    const population = this.series(dataset.population, scope, c);
    const selects = [`p.patient_key AS patient_key`, ...names.map((name) => `${this.output(dataset.variables[name], scope, c)} AS ${this.quote(name)}`)];
    const sql = `${this.with(c, null)}SELECT ${selects.join(', ')}\nFROM ${this.universeBase(c)} p${this.joins(scope)}\nWHERE ${population}`;
    return { sql, columns: [{ name: 'patient_key', type: 'string' }, ...names.map((name) => ({ name, type: dataset.variables[name].type }))] };
  }

  compileMeasure(original: MeasureNode): CompiledQuery {
    const measure: MeasureNode = {
      ...original,
      numerator: optimise(original.numerator),
      denominator: optimise(original.denominator),
      groupBy: Object.fromEntries(Object.entries(original.groupBy).map(([k, v]) => [k, optimise(v)])),
    };
    const groups = Object.keys(measure.groupBy);
    const roots = [measure.numerator, measure.denominator, ...Object.values(measure.groupBy)];
    const c = this.start(roots);
    const scope = new Scope('p', true, c);
    const denominator = this.series(measure.denominator, scope, c);
    const numerator = this.series(measure.numerator, scope, c);
    const groupSelects = groups.map((g, i) => `${this.output(measure.groupBy[g], scope, c)} AS g${i}`);
    const inner = `SELECT iv.iv_idx AS iv_idx, ${[...groupSelects, `${numerator} AS num`].join(', ')}\nFROM ${this.universeBase(c)} p CROSS JOIN iv${this.joins(scope)}\nWHERE ${denominator}`;
    const groupCols = groups.map((_, i) => `t.g${i}`);
    const sql =
      `${this.with(c, measure)}SELECT t.iv_idx AS iv_idx, ${[...groupCols.map((g, i) => `${g} AS ${this.quote(groups[i])}`), 'CAST(SUM(CASE WHEN t.num THEN 1 ELSE 0 END) AS BIGINT) AS numerator', 'CAST(COUNT(*) AS BIGINT) AS denominator'].join(', ')}\n` +
      `FROM (${inner}) t\nGROUP BY ${['t.iv_idx', ...groupCols].join(', ')}`;
    return {
      sql,
      columns: [
        { name: 'iv_idx', type: 'integer' },
        ...groups.map((name) => ({ name, type: measure.groupBy[name].type })),
        { name: 'numerator', type: 'integer' },
        { name: 'denominator', type: 'integer' },
      ],
    };
  }

  // ---- structure --------------------------------------------------------------------------
  private start(roots: SeriesNode[]): Compilation {
    const c = new Compilation();
    this.findShared(roots, c);
    const units = new Map<string, Unit>();
    for (const node of walk(roots)) {
      if (node.kind === 'column' && node.frame.kind === 'pick_one') {
        const key = nodeKey(node.frame);
        const columns = c.pickColumns.get(key) ?? new Set<string>();
        columns.add(node.column);
        c.pickColumns.set(key, columns);
        if (this.picksAsAggregates) units.set(key, node.frame);
      }
      if (node.kind === 'aggregate' || node.kind === 'frame_aggregate') units.set(nodeKey(node), node);
    }
    // A unit over a filter of another unit's frame joins that frame's scan, filtering with FILTER (WHERE …),
    // when both depend (or not) on the interval alike.
    const unitFrames = new Map<string, EventFrameNode>();
    for (const unit of units.values()) unitFrames.set(nodeKey(unitFrame(unit)), unitFrame(unit));
    for (const [key, unit] of units) {
      const frame = unitFrame(unit);
      const host = lineage(frame).find((f) => f.kind === 'filter' && unitFrames.has(nodeKey(f)) && dependsOnInterval(f) === dependsOnInterval(frame)) ?? frame;
      const hostKey = nodeKey(host);
      const entry = c.hosts.get(hostKey) ?? { frame: host, units: [] };
      entry.units.push(unit);
      c.hosts.set(hostKey, entry);
      c.hostOf.set(key, hostKey);
    }
    return c;
  }

  /**
   * Common subexpressions: a patient-level expression over the universe table's own columns (an age,
   * say) used more than once (e.g. in every arm of an age-band case) is computed once per patient
   * in a derived table instead of at every use.
   */
  private findShared(roots: SeriesNode[], c: Compilation): void {
    const uses = new Map<string, number>();
    const nodes = walk(roots);
    for (const node of nodes) for (const child of childrenOf(node)) uses.set(nodeKey(child), (uses.get(nodeKey(child)) ?? 0) + 1);
    const local = new Map<SeriesNode | FrameNode, boolean>();
    const overUniverse = (node: SeriesNode | FrameNode): boolean => {
      const known = local.get(node);
      if (known !== undefined) return known;
      let result: boolean;
      if (node.kind === 'column') result = node.frame.kind === 'select_table' && node.frame.table.name === this.options.universe;
      else if (node.kind === 'value') result = true;
      else if (node.kind === 'unary' || node.kind === 'binary' || node.kind === 'case' || node.kind === 'in_codelist') result = childrenOf(node).every(overUniverse);
      else result = false;
      local.set(node, result);
      return result;
    };
    for (const node of nodes) {
      if (node.kind !== 'unary' && node.kind !== 'binary' && node.kind !== 'case') continue;
      if ((uses.get(nodeKey(node)) ?? 0) < 2 || !overUniverse(node) || c.shared.has(nodeKey(node))) continue;
      c.shared.set(nodeKey(node), { name: `shared_${c.shared.size + 1}`, node });
    }
  }

  /** The universe table, with the shared expressions as extra columns when there are any. */
  private universeBase(c: Compilation): string {
    const table = this.tableRef(this.options.universe);
    if (c.shared.size === 0) return table;
    const scope = new Scope('p', false, c, false);
    const columns = [...c.shared.values()].map(({ name, node }) => `${this.series(node, scope, c)} AS ${name}`);
    return `(SELECT p.*, ${columns.join(', ')} FROM ${table} p)`;
  }

  private with(c: Compilation, measure: MeasureNode | null): string {
    const parts: string[] = [];
    if (measure) {
      const rows = measure.intervals.map((iv, i) => `(${i}, DATE '${iv.start}', DATE '${iv.end}')`);
      parts.push(`iv (iv_idx, iv_start, iv_end) AS (VALUES ${rows.join(', ')})`);
    }
    for (const cte of c.ctes.values()) parts.push(`${cte.name} AS (\n${cte.sql}\n)`);
    return parts.length ? `WITH ${parts.join(',\n')}\n` : '';
  }

  private joins(scope: Scope): string {
    return scope.joins.length ? `\n${scope.joins.join('\n')}` : '';
  }

  private output(node: SeriesNode, scope: Scope, c: Compilation): string {
    const sql = this.series(node, scope, c);
    return node.type === 'date' ? this.dateAsText(sql) : sql;
  }

  /** The table and conditions of an event frame (filters on filters are conjoined). */
  private unwind(frame: EventFrameNode): { table: TableSchema; conditions: SeriesNode[] } {
    const conditions: SeriesNode[] = [];
    let current: EventFrameNode = frame;
    while (current.kind === 'filter') {
      conditions.unshift(current.condition);
      current = current.source;
    }
    return { table: current.table, conditions };
  }

  /** FROM ... WHERE ... for the rows of an event frame, with alias `e`. */
  private frameRows(frame: EventFrameNode, withInterval: boolean, c: Compilation, extra: (scope: Scope) => string[]): { from: string; scope: Scope; selects: string[] } {
    const { table, conditions } = this.unwind(frame);
    const scope = new Scope('e', withInterval, c);
    const where = conditions.map((cond) => this.series(cond, scope, c));
    const selects = extra(scope);
    const from = `FROM ${this.tableRef(table.name)} e${withInterval ? ' CROSS JOIN iv' : ''}${this.joins(scope)}${where.length ? `\nWHERE ${where.join(' AND ')}` : ''}`;
    return { from, scope, selects };
  }

  /** The CTE holding every aggregate over one frame, one row per patient (and interval). */
  private aggregateSource(node: Unit, c: Compilation): { name: string; column: string; perInterval: boolean } {
    const hostKey = c.hostOf.get(nodeKey(node));
    const host = hostKey === undefined ? undefined : c.hosts.get(hostKey);
    if (!host || hostKey === undefined) throw new CohortError('internal: aggregate not collected');
    const index = host.units.findIndex((a) => nodeKey(a) === nodeKey(node));
    const cteKey = `agg:${hostKey}`;
    let cte = c.ctes.get(cteKey);
    if (!cte) {
      const perInterval = host.units.some((u) => dependsOnInterval(u) || dependsOnInterval(unitFrame(u)));
      const { from, selects } = this.frameRows(host.frame, perInterval, c, (scope) =>
        host.units.map((unit, i) => {
          const extra = lineage(unitFrame(unit))
            .slice(lineage(host.frame).length)
            .map((f) => (f.kind === 'filter' ? this.series(f.condition, scope, c) : 'TRUE'));
          const filter = extra.length ? extra.join(' AND ') : null;
          return `${unit.kind === 'pick_one' ? this.pickAggregate(this.pickParts(unit, scope, c), filter) : this.aggregateExpression(unit, scope, c, filter)} AS a${i}`;
        }),
      );
      const keys = perInterval ? 'e.patient_key, iv.iv_idx' : 'e.patient_key';
      const sql = `SELECT ${keys}, ${selects.join(', ')}\n${from}\nGROUP BY ${keys}`;
      cte = { name: c.cteName('agg'), sql, perInterval };
      c.ctes.set(cteKey, cte);
    }
    return { name: cte.name, column: `a${index}`, perInterval: cte.perInterval };
  }

  /** Sort keys (then every column as tie-breakers) and the columns read, for a pick computed as an aggregate. */
  private pickParts(pick: PickOneNode, scope: Scope, c: Compilation): Omit<PickRowsQuery, 'from' | 'perInterval'> {
    const { table } = this.unwind(pick.source.source);
    const used = c.pickColumns.get(nodeKey(pick)) ?? new Set<string>();
    return { keys: this.orderKeys(pick, scope, c), columns: Object.keys(table.columns).filter((col) => used.has(col)), position: pick.position };
  }

  /**
   * The sort keys then every column as a tie-breaker, minus what cannot change the order: a repeated
   * key, and a column the frame's conditions fix to one value (`code = 'x'`, a one-code list). Keys
   * the conditions prove non-null (compared, listed or tested) are marked, so engines can skip null handling.
   */
  private orderKeys(pick: PickOneNode, scope: Scope, c: Compilation): PickRowsQuery['keys'] {
    const { table, conditions } = this.unwind(pick.source.source);
    const split = (n: SeriesNode): SeriesNode[] => (n.kind === 'binary' && n.op === 'and' ? [...split(n.left), ...split(n.right)] : [n]);
    const conjuncts = conditions.flatMap(split);
    const bare = (n: SeriesNode): string | null => (n.kind === 'column' && n.domain !== null ? n.column : null);
    const constant = new Set<string>();
    const nonNull = new Set<string>();
    for (const n of conjuncts) {
      if (n.kind === 'in_codelist' && bare(n.arg)) {
        nonNull.add(bare(n.arg) as string);
        if (n.codes.length === 1) constant.add(bare(n.arg) as string);
      } else if (n.kind === 'unary' && n.op === 'is_not_null' && bare(n.arg)) nonNull.add(bare(n.arg) as string);
      else if (n.kind === 'binary' && ['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(n.op)) {
        for (const [side, other] of [[n.left, n.right], [n.right, n.left]] as const) {
          const col = bare(side);
          if (!col) continue;
          nonNull.add(col);
          if (n.op === 'eq' && other.kind === 'value') constant.add(col);
        }
      }
    }
    const keys: { sql: string; type: ValueType; nonNull: boolean }[] = [];
    const add = (sql: string, type: ValueType, isNonNull: boolean) => {
      if (!keys.some((k) => k.sql === sql)) keys.push({ sql, type, nonNull: isNonNull });
    };
    for (const k of pick.source.keys) add(this.series(k, scope, c), k.type, bare(k) !== null && nonNull.has(bare(k) as string));
    for (const [col, type] of Object.entries(table.columns)) if (!constant.has(col)) add(`e.${this.quote(col)}`, type, nonNull.has(col));
    return keys;
  }

  /** Engines whose picks are aggregates (picksAsAggregates) give the aggregate here: one struct per patient. */
  protected pickAggregate(_pick: Omit<PickRowsQuery, 'from' | 'perInterval'>, _filter: string | null): string {
    throw new CohortError('internal: this engine does not compute picks as aggregates');
  }

  /** A field of a pick computed as an aggregate. */
  protected pickField(_struct: string, _column: string): string {
    throw new CohortError('internal: this engine does not compute picks as aggregates');
  }

  /** Capability: picks computed inside the shared per-frame GROUP BY (DuckDB's arg_min/arg_max). */
  protected readonly picksAsAggregates: boolean = false;

  private aggregateExpression(node: AggregateNode | FrameAggregateNode, scope: Scope, c: Compilation, filter: string | null): string {
    const where = filter ? ` FILTER (WHERE ${filter})` : '';
    if (node.kind === 'frame_aggregate') {
      if (node.fn === 'exists') return filter ? `(COUNT(*)${where} > 0)` : 'TRUE';
      return `COUNT(*)${where}`;
    }
    const arg = this.series(node.arg, scope, c);
    switch (node.fn) {
      case 'minimum':
        return `MIN(${this.orderable(arg, node.arg.type)})${where}`;
      case 'maximum':
        return `MAX(${this.orderable(arg, node.arg.type)})${where}`;
      case 'mean':
        return `AVG(CAST(${arg} AS DOUBLE PRECISION))${where}`;
      case 'sum':
        return `SUM(${arg})${where}`;
      case 'count_distinct':
        return `COUNT(DISTINCT ${arg})${where}`;
    }
  }

  /** The CTE with the first/last row per patient (and interval) of a sorted frame. */
  private pickSource(pick: PickOneNode, c: Compilation): { name: string; perInterval: boolean } {
    const cteKey = `pick:${nodeKey(pick)}`;
    let cte = c.ctes.get(cteKey);
    if (!cte) {
      const sort = pick.source;
      const perInterval = dependsOnInterval(sort);
      const { table } = this.unwind(sort.source);
      let keys: PickRowsQuery['keys'] = [];
      const { from } = this.frameRows(sort.source, perInterval, c, (scope) => {
        keys = this.orderKeys(pick, scope, c);
        return [];
      });
      const used = c.pickColumns.get(nodeKey(pick)) ?? new Set<string>();
      const columns = Object.keys(table.columns).filter((col) => used.has(col));
      const sql = this.pickRows({ from, keys, columns, position: pick.position, perInterval });
      cte = { name: c.cteName('pick'), sql, perInterval };
      c.ctes.set(cteKey, cte);
    }
    return { name: cte.name, perInterval: cte.perInterval };
  }

  // ---- series -----------------------------------------------------------------------------
  protected series(node: SeriesNode, scope: Scope, c: Compilation): string {
    if (scope.shared && c.shared.size > 0) {
      const shared = c.shared.get(nodeKey(node));
      if (shared) return `p.${shared.name}`;
    }
    return (this.seriesHandlers[node.kind] as (n: SeriesNode, s: Scope, c: Compilation) => string)(node, scope, c);
  }

  private readonly columnHandlers: ColumnFrameHandlers = {
    select_table: (node, frame: SelectTableNode, scope) => {
      const column = this.quote(node.column);
      if (frame.table.grain === 'event') return `${scope.base}.${column}`;
      if (frame.table.name === this.options.universe && scope.base === 'p') return `p.${column}`;
      if (node.column === 'patient_key') return `${scope.base}.patient_key`;
      return `${scope.join(this.tableRef(frame.table.name), false)}.${column}`;
    },
    filter: (node, _frame, scope) => `${scope.base}.${this.quote(node.column)}`,
    pick_one: (node, frame: PickOneNode, scope, c) => {
      if (this.picksAsAggregates) {
        const unit = this.aggregateSource(frame, c);
        return this.pickField(`${scope.join(unit.name, unit.perInterval)}.${unit.column}`, node.column);
      }
      const source = this.pickSource(frame, c);
      return `${scope.join(source.name, source.perInterval)}.${this.quote(node.column)}`;
    },
  };

  private readonly unaryHandlers: Record<UnaryOp, (arg: string) => string> = {
    not: (a) => `(NOT ${a})`,
    is_null: (a) => `(${a} IS NULL)`,
    is_not_null: (a) => `(${a} IS NOT NULL)`,
    negate: (a) => `(- ${a})`,
    year: (a) => `CAST(EXTRACT(YEAR FROM ${a}) AS INTEGER)`,
    month: (a) => `CAST(EXTRACT(MONTH FROM ${a}) AS INTEGER)`,
    day: (a) => `CAST(EXTRACT(DAY FROM ${a}) AS INTEGER)`,
    to_float: (a) => `CAST(${a} AS DOUBLE PRECISION)`,
  };

  private readonly binaryHandlers: Record<BinaryOp, (l: string, r: string, node: SeriesNode & { kind: 'binary' }) => string> = {
    eq: (l, r) => `(${l} = ${r})`,
    ne: (l, r) => `(${l} <> ${r})`,
    lt: (l, r, n) => `(${this.orderable(l, n.left.type)} < ${this.orderable(r, n.right.type)})`,
    le: (l, r, n) => `(${this.orderable(l, n.left.type)} <= ${this.orderable(r, n.right.type)})`,
    gt: (l, r, n) => `(${this.orderable(l, n.left.type)} > ${this.orderable(r, n.right.type)})`,
    ge: (l, r, n) => `(${this.orderable(l, n.left.type)} >= ${this.orderable(r, n.right.type)})`,
    and: (l, r) => `(${l} AND ${r})`,
    or: (l, r) => `(${l} OR ${r})`,
    add: (l, r) => `(${l} + ${r})`,
    subtract: (l, r) => `(${l} - ${r})`,
    multiply: (l, r) => `(${l} * ${r})`,
    divide: (l, r) => `(CAST(${l} AS DOUBLE PRECISION) / NULLIF(CAST(${r} AS DOUBLE PRECISION), 0))`,
    add_days: (l, r) => this.addDays(l, r),
    add_months: (l, r) => this.addMonths(l, r),
    add_years: (l, r) => this.addMonths(l, `(${r}) * 12`),
    days_between: (l, r) => this.daysBetween(l, r),
    months_between: (a, b) => {
      const [ya, ma, da, yb, mb, db] = this.parts(a, b);
      return `((${yb} - ${ya}) * 12 + ${mb} - ${ma} - CASE WHEN ${db} < ${da} THEN 1 ELSE 0 END)`;
    },
    years_between: (a, b) => {
      const [ya, ma, da, yb, mb, db] = this.parts(a, b);
      return `(${yb} - ${ya} - CASE WHEN ${mb} < ${ma} OR (${mb} = ${ma} AND ${db} < ${da}) THEN 1 ELSE 0 END)`;
    },
    coalesce: (l, r) => `COALESCE(${l}, ${r})`,
  };

  private parts(a: string, b: string): string[] {
    return [a, b].flatMap((d) => ['YEAR', 'MONTH', 'DAY'].map((p) => `CAST(EXTRACT(${p} FROM ${d}) AS INTEGER)`));
  }

  private readonly seriesHandlers: SeriesHandlers = {
    column: (node, scope, c) => (this.columnHandlers[node.frame.kind] as (n: ColumnNode, f: ColumnNode['frame'], s: Scope, c: Compilation) => string)(node, node.frame, scope, c),
    value: (node) => {
      const v = node.value;
      switch (node.type) {
        case 'boolean':
          return v ? 'TRUE' : 'FALSE';
        case 'integer':
          return String(v);
        case 'float':
          return `CAST(${String(v)} AS DOUBLE PRECISION)`;
        case 'string':
          return this.stringLiteral(String(v));
        case 'date':
          return `DATE '${String(v)}'`;
      }
    },
    unary: (node, scope, c) => this.unaryHandlers[node.op](this.series(node.arg, scope, c)),
    binary: (node, scope, c) => this.binaryHandlers[node.op](this.series(node.left, scope, c), this.series(node.right, scope, c), node),
    in_codelist: (node, scope, c) => {
      const arg = this.series(node.arg, scope, c);
      if (node.codes.length === 0) return `CASE WHEN ${arg} IS NULL THEN NULL ELSE FALSE END`;
      return `(${arg} IN (${node.codes.map((code) => this.stringLiteral(code)).join(', ')}))`;
    },
    aggregate: (node, scope, c) => {
      const source = this.aggregateSource(node, c);
      const sql = `${scope.join(source.name, source.perInterval)}.${source.column}`;
      return node.fn === 'count_distinct' ? `COALESCE(${sql}, 0)` : sql;
    },
    frame_aggregate: (node, scope, c) => {
      const source = this.aggregateSource(node, c);
      return `COALESCE(${scope.join(source.name, source.perInterval)}.${source.column}, ${node.fn === 'exists' ? 'FALSE' : '0'})`;
    },
    case: (node, scope, c) => {
      const arms = node.cases.map((arm) => `WHEN ${this.series(arm.when, scope, c)} THEN ${this.cast(arm.then, node.type, scope, c)}`);
      const otherwise = node.otherwise ? ` ELSE ${this.cast(node.otherwise, node.type, scope, c)}` : '';
      return `CASE ${arms.join(' ')}${otherwise} END`;
    },
    interval_bound: (node, scope) => {
      if (!scope.withInterval) throw new CohortError('INTERVAL can only be used in measures');
      return node.bound === 'start' ? 'iv.iv_start' : 'iv.iv_end';
    },
  };

  private cast(node: SeriesNode, type: ValueType, scope: Scope, c: Compilation): string {
    const sql = this.series(node, scope, c);
    return node.type === type ? sql : `CAST(${sql} AS ${this.sqlType(type)})`;
  }
}
