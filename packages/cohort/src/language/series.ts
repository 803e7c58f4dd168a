import { CohortError } from '../errors';
import type { JsValueOf, SeriesAggregateFn, SeriesNode, ValueType } from '../model/nodes';
import { binary, commonDomain, inCodelist, literal, unary } from './construct';

/** One value per patient, or one value per row of an event frame (many per patient). */
export type Dimension = 'patient' | 'event';
export type Numeric = 'integer' | 'float';
/** Types a value of type T can be compared with: numbers with numbers, otherwise the same type. */
export type Comparable<T extends ValueType> = T extends Numeric ? Numeric : T;
/** What a series of type T in dimension D can meet: a literal, a patient series, or a series of D. */
export type Operand<T extends ValueType, D extends Dimension> = JsValueOf[T] | Series<T, 'patient'> | Series<T, D>;

/** Anything with codes: a loaded codelist or a plain list. */
export interface CodeSource {
  readonly codes: readonly string[];
}

/** A span of time to move a date by: built with days(n), months(n), years(n). */
export interface Duration<D extends Dimension = 'patient'> {
  readonly unit: 'days' | 'months' | 'years';
  readonly amount: Operand<'integer', D>;
}

export function toNode(value: unknown, hint: ValueType): SeriesNode {
  return value instanceof Series ? value.node : literal(value, hint);
}

/**
 * A typed series of values. `Series<T, 'patient'>` (PatientSeries) has one value per patient and
 * can become a dataset variable; `Series<T, 'event'>` (EventSeries) has one per event row and must
 * be aggregated first. The `dimension` field makes the two incompatible types.
 */
export class Series<T extends ValueType, D extends Dimension> {
  declare readonly valueType: T;
  readonly dimension: D;

  constructor(readonly node: SeriesNode) {
    this.dimension = (node.domain === null ? 'patient' : 'event') as D;
  }

  private wrap<U extends ValueType, E extends Dimension = D>(node: SeriesNode): Series<U, E> {
    return new Series<U, E>(node);
  }

  // comparisons
  eq(other: Operand<Comparable<T>, D>): Series<'boolean', D> {
    return this.wrap(binary('eq', this.node, toNode(other, this.node.type)));
  }
  ne(other: Operand<Comparable<T>, D>): Series<'boolean', D> {
    return this.wrap(binary('ne', this.node, toNode(other, this.node.type)));
  }
  lt(other: Operand<Comparable<T>, D>): Series<'boolean', D> {
    return this.wrap(binary('lt', this.node, toNode(other, this.node.type)));
  }
  le(other: Operand<Comparable<T>, D>): Series<'boolean', D> {
    return this.wrap(binary('le', this.node, toNode(other, this.node.type)));
  }
  gt(other: Operand<Comparable<T>, D>): Series<'boolean', D> {
    return this.wrap(binary('gt', this.node, toNode(other, this.node.type)));
  }
  ge(other: Operand<Comparable<T>, D>): Series<'boolean', D> {
    return this.wrap(binary('ge', this.node, toNode(other, this.node.type)));
  }
  /** True when the value is between low and high inclusive. */
  between(low: Operand<Comparable<T>, D>, high: Operand<Comparable<T>, D>): Series<'boolean', D> {
    return this.ge(low).and(this.le(high) as Series<'boolean', D>);
  }

  // boolean logic (SQL's three-valued logic: null is "unknown")
  and(this: Series<'boolean', D>, other: Operand<'boolean', D>): Series<'boolean', D> {
    return this.wrap(binary('and', this.node, toNode(other, 'boolean')));
  }
  or(this: Series<'boolean', D>, other: Operand<'boolean', D>): Series<'boolean', D> {
    return this.wrap(binary('or', this.node, toNode(other, 'boolean')));
  }
  not(this: Series<'boolean', D>): Series<'boolean', D> {
    return this.wrap(unary('not', this.node));
  }

  // null handling
  is_null(): Series<'boolean', D> {
    return this.wrap(unary('is_null', this.node));
  }
  is_not_null(): Series<'boolean', D> {
    return this.wrap(unary('is_not_null', this.node));
  }
  /** The value, or `fallback` where it is null. */
  when_null_then(fallback: Operand<T, D>): Series<T, D> {
    return this.wrap(binary('coalesce', this.node, toNode(fallback, this.node.type)));
  }

  // codes
  is_in(this: Series<'string', D>, codelist: CodeSource | readonly string[]): Series<'boolean', D> {
    const codes = Array.isArray(codelist) ? (codelist as readonly string[]) : (codelist as CodeSource).codes;
    return this.wrap(inCodelist(this.node, codes));
  }
  is_not_in(this: Series<'string', D>, codelist: CodeSource | readonly string[]): Series<'boolean', D> {
    return this.is_in(codelist).not();
  }

  // arithmetic
  add(this: Series<Numeric, D>, other: Operand<Numeric, D>): Series<T, D> {
    return this.wrap(binary('add', this.node, toNode(other, this.node.type)));
  }
  subtract(this: Series<Numeric, D>, other: Operand<Numeric, D>): Series<T, D> {
    return this.wrap(binary('subtract', this.node, toNode(other, this.node.type)));
  }
  multiply(this: Series<Numeric, D>, other: Operand<Numeric, D>): Series<T, D> {
    return this.wrap(binary('multiply', this.node, toNode(other, this.node.type)));
  }
  /** Division always gives a float; division by zero gives null. */
  divide(this: Series<Numeric, D>, other: Operand<Numeric, D>): Series<'float', D> {
    return this.wrap(binary('divide', this.node, toNode(other, 'float')));
  }
  negate(this: Series<Numeric, D>): Series<T, D> {
    return this.wrap(unary('negate', this.node));
  }
  to_float(this: Series<Numeric, D>): Series<'float', D> {
    return this.wrap(unary('to_float', this.node));
  }

  // dates
  /** Calendar year of a date. */
  year(this: Series<'date', D>): Series<'integer', D> {
    return this.wrap(unary('year', this.node));
  }
  month(this: Series<'date', D>): Series<'integer', D> {
    return this.wrap(unary('month', this.node));
  }
  day(this: Series<'date', D>): Series<'integer', D> {
    return this.wrap(unary('day', this.node));
  }
  /** The date moved forward by a duration; months and years clamp to the end of a shorter month. */
  plus(this: Series<'date', D>, duration: Duration<D>): Series<'date', D> {
    const op = duration.unit === 'days' ? 'add_days' : duration.unit === 'months' ? 'add_months' : 'add_years';
    return this.wrap(binary(op, this.node, toNode(duration.amount, 'integer')));
  }
  minus(this: Series<'date', D>, duration: Duration<D>): Series<'date', D> {
    const amount = duration.amount instanceof Series ? (duration.amount as Series<'integer', D>).negate() : -(duration.amount as number);
    return this.plus({ unit: duration.unit, amount } as Duration<D>);
  }
  /** Whole days from `earlier` to this date. */
  days_since(this: Series<'date', D>, earlier: Operand<'date', D>): Series<'integer', D> {
    return this.wrap(binary('days_between', toNode(earlier, 'date'), this.node));
  }
  /** Whole calendar months from `earlier` to this date. */
  months_since(this: Series<'date', D>, earlier: Operand<'date', D>): Series<'integer', D> {
    return this.wrap(binary('months_between', toNode(earlier, 'date'), this.node));
  }
  /** Whole years from `earlier` to this date (an age, when `earlier` is the date of birth). */
  years_since(this: Series<'date', D>, earlier: Operand<'date', D>): Series<'integer', D> {
    return this.wrap(binary('years_between', toNode(earlier, 'date'), this.node));
  }

  // aggregation of event series to one value per patient
  minimum_for_patient(this: Series<T, 'event'>): Series<T, 'patient'> {
    return aggregate(this, 'minimum', this.node.type);
  }
  maximum_for_patient(this: Series<T, 'event'>): Series<T, 'patient'> {
    return aggregate(this, 'maximum', this.node.type);
  }
  mean_for_patient(this: Series<Numeric, 'event'>): Series<'float', 'patient'> {
    return aggregate(this, 'mean', 'float');
  }
  sum_for_patient(this: Series<Numeric, 'event'>): Series<T, 'patient'> {
    return aggregate(this, 'sum', this.node.type);
  }
  count_distinct_for_patient(this: Series<T, 'event'>): Series<'integer', 'patient'> {
    return aggregate(this, 'count_distinct', 'integer');
  }
}

function aggregate<U extends ValueType>(series: Series<ValueType, 'event'>, fn: SeriesAggregateFn, type: ValueType): Series<U, 'patient'> {
  if (series.node.domain === null) throw new CohortError(`${fn}_for_patient needs an event series, got a patient series`);
  if ((fn === 'mean' || fn === 'sum') && !(series.node.type === 'integer' || series.node.type === 'float')) {
    throw new CohortError(`${fn}_for_patient needs numbers, got ${series.node.type}`);
  }
  return new Series<U, 'patient'>({ kind: 'aggregate', fn, arg: series.node, type, domain: null });
}

export type PatientSeries<T extends ValueType> = Series<T, 'patient'>;
export type EventSeries<T extends ValueType> = Series<T, 'event'>;
export type BooleanSeries<D extends Dimension = 'patient'> = Series<'boolean', D>;

export function days<D extends Dimension = 'patient'>(amount: Operand<'integer', D>): Duration<D> {
  return { unit: 'days', amount };
}
export function months<D extends Dimension = 'patient'>(amount: Operand<'integer', D>): Duration<D> {
  return { unit: 'months', amount };
}
export function years<D extends Dimension = 'patient'>(amount: Operand<'integer', D>): Duration<D> {
  return { unit: 'years', amount };
}

/** Age in whole years on a date, from a date of birth. */
export function age_on<D extends Dimension>(dateOfBirth: Series<'date', D>, on: Operand<'date', D>): Series<'integer', D> {
  const onNode = toNode(on, 'date');
  return new Series<'integer', D>(binary('years_between', dateOfBirth.node, onNode));
}

/** A constant as a patient series. */
export function value<T extends ValueType>(v: JsValueOf[T], type: T): Series<T, 'patient'> {
  return new Series<T, 'patient'>(literal(v, type));
}

/** One arm of a case expression. */
export interface WhenThen<T extends ValueType, D extends Dimension> {
  readonly when: SeriesNode;
  readonly then: SeriesNode;
  readonly __t?: T;
  readonly __d?: D;
}

export function when<D extends Dimension>(condition: Series<'boolean', D>) {
  return {
    then<T extends ValueType>(result: Series<T, 'patient'> | Series<T, D> | JsValueOf[T], type?: T): WhenThen<T, D> {
      const node = result instanceof Series ? result.node : literal(result, type ?? inferType(result));
      return { when: condition.node, then: node };
    },
  };
}

function inferType(value: unknown): ValueType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'float';
  return 'string';
}

/** The first arm whose condition is true gives the value; otherwise `otherwise` (or null). */
export function case_<T extends ValueType, D extends Dimension>(
  arms: WhenThen<T, D>[],
  otherwise?: Series<T, 'patient'> | Series<T, D> | JsValueOf[T],
): Series<T, D> {
  if (arms.length === 0) throw new CohortError('case_ needs at least one when(...).then(...)');
  for (const arm of arms) {
    if (arm.when.type !== 'boolean') throw new CohortError(`a when() condition must be boolean, got ${arm.when.type}`);
  }
  let type: ValueType = arms[0].then.type;
  for (const arm of arms) {
    if (arm.then.type === type) continue;
    if ((type === 'integer' || type === 'float') && (arm.then.type === 'integer' || arm.then.type === 'float')) type = 'float';
    else throw new CohortError(`case_ arms must give the same type, got ${type} and ${arm.then.type}`);
  }
  const otherwiseNode = otherwise === undefined ? null : otherwise instanceof Series ? otherwise.node : literal(otherwise, type);
  if (otherwiseNode && otherwiseNode.type !== type && !(otherwiseNode.type === 'integer' && type === 'float')) {
    throw new CohortError(`case_ otherwise gives ${otherwiseNode.type}, the arms give ${type}`);
  }
  const all = [...arms.flatMap((a) => [a.when, a.then]), ...(otherwiseNode ? [otherwiseNode] : [])];
  const domain = commonDomain(all);
  return new Series<T, D>({ kind: 'case', cases: arms.map((a) => ({ when: a.when, then: a.then })), otherwise: otherwiseNode, type, domain });
}

/** Any of the conditions (false when given none). */
export function any_of<D extends Dimension>(...conditions: Series<'boolean', D>[]): Series<'boolean', D> {
  if (conditions.length === 0) return value(false, 'boolean') as Series<'boolean', D>;
  return conditions.reduce((a, b) => a.or(b));
}
/** All of the conditions (true when given none). */
export function all_of<D extends Dimension>(...conditions: Series<'boolean', D>[]): Series<'boolean', D> {
  if (conditions.length === 0) return value(true, 'boolean') as Series<'boolean', D>;
  return conditions.reduce((a, b) => a.and(b));
}
