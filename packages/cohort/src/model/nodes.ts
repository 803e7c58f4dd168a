/**
 * The query model: immutable nodes tagged by `kind`. The language (../language) builds them;
 * compilers and the in-memory engine read them. Nodes carry their value type and, for series,
 * their domain: `null` for one value per patient, or the event frame whose rows they range over.
 */

/** The value types a column or series can hold. Dates are ISO `YYYY-MM-DD` strings in JavaScript. */
export type ValueType = 'boolean' | 'integer' | 'float' | 'string' | 'date';

/** The JavaScript representation of each value type. */
export interface JsValueOf {
  boolean: boolean;
  integer: number;
  float: number;
  string: string;
  date: string;
}
export type JsValue = JsValueOf[ValueType];

/** A declared warehouse table: its name, its grain and its typed columns (`patient_key` is implicit). */
export interface TableSchema {
  readonly name: string;
  readonly grain: 'patient' | 'event';
  readonly columns: Readonly<Record<string, ValueType>>;
}

// ---- Frames -------------------------------------------------------------------------------

/** All rows of a table. */
export interface SelectTableNode {
  readonly kind: 'select_table';
  readonly table: TableSchema;
}
/** The rows of an event frame for which `condition` is true. */
export interface FilterNode {
  readonly kind: 'filter';
  readonly source: EventFrameNode;
  readonly condition: SeriesNode;
}
/** An event frame in order of `keys` (ascending, nulls first; remaining ties broken by every column). */
export interface SortNode {
  readonly kind: 'sort';
  readonly source: EventFrameNode;
  readonly keys: readonly SeriesNode[];
}
/** The first or last row per patient of a sorted frame: a patient frame. */
export interface PickOneNode {
  readonly kind: 'pick_one';
  readonly source: SortNode;
  readonly position: 'first' | 'last';
}

export type EventFrameNode = SelectTableNode | FilterNode;
export type FrameNode = SelectTableNode | FilterNode | SortNode | PickOneNode;

// ---- Series -------------------------------------------------------------------------------

interface SeriesBase {
  readonly type: ValueType;
  /** `null`: one value per patient. Otherwise the event frame whose rows the series ranges over. */
  readonly domain: EventFrameNode | null;
}

export interface ColumnNode extends SeriesBase {
  readonly kind: 'column';
  readonly frame: SelectTableNode | FilterNode | PickOneNode;
  readonly column: string;
}
export interface ValueNode extends SeriesBase {
  readonly kind: 'value';
  readonly value: JsValue | null;
}
export type UnaryOp = 'not' | 'is_null' | 'is_not_null' | 'negate' | 'year' | 'month' | 'day' | 'to_float';
export interface UnaryNode extends SeriesBase {
  readonly kind: 'unary';
  readonly op: UnaryOp;
  readonly arg: SeriesNode;
}
export type BinaryOp =
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'
  | 'and' | 'or'
  | 'add' | 'subtract' | 'multiply' | 'divide'
  | 'add_days' | 'add_months' | 'add_years'
  | 'days_between' | 'months_between' | 'years_between'
  | 'coalesce';
export interface BinaryNode extends SeriesBase {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: SeriesNode;
  readonly right: SeriesNode;
}
export interface InCodelistNode extends SeriesBase {
  readonly kind: 'in_codelist';
  readonly arg: SeriesNode;
  readonly codes: readonly string[];
}
export type SeriesAggregateFn = 'minimum' | 'maximum' | 'mean' | 'sum' | 'count_distinct';
/** An aggregate of an event series per patient: a patient series. */
export interface AggregateNode extends SeriesBase {
  readonly kind: 'aggregate';
  readonly fn: SeriesAggregateFn;
  readonly arg: SeriesNode;
}
export type FrameAggregateFn = 'exists' | 'count';
/** Whether a patient has any rows in an event frame, or how many: a patient series. */
export interface FrameAggregateNode extends SeriesBase {
  readonly kind: 'frame_aggregate';
  readonly fn: FrameAggregateFn;
  readonly frame: EventFrameNode;
}
export interface CaseNode extends SeriesBase {
  readonly kind: 'case';
  readonly cases: readonly { readonly when: SeriesNode; readonly then: SeriesNode }[];
  readonly otherwise: SeriesNode | null;
}
/** The start or end date of the current interval of a measure. */
export interface IntervalBoundNode extends SeriesBase {
  readonly kind: 'interval_bound';
  readonly bound: 'start' | 'end';
}

export type SeriesNode =
  | ColumnNode
  | ValueNode
  | UnaryNode
  | BinaryNode
  | InCodelistNode
  | AggregateNode
  | FrameAggregateNode
  | CaseNode
  | IntervalBoundNode;

export type SeriesKind = SeriesNode['kind'];
export type FrameKind = FrameNode['kind'];

/** A dataset: the population (a boolean patient series) and named patient-series variables. */
export interface DatasetNode {
  readonly population: SeriesNode;
  readonly variables: Readonly<Record<string, SeriesNode>>;
}

/** A measure: numerator over denominator, grouped, over repeated intervals. */
export interface MeasureNode {
  readonly numerator: SeriesNode;
  readonly denominator: SeriesNode;
  readonly groupBy: Readonly<Record<string, SeriesNode>>;
  readonly intervals: readonly Interval[];
}

/** A closed date interval [start, end], ISO dates. */
export interface Interval {
  readonly start: string;
  readonly end: string;
}
