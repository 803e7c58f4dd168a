import { applyDisclosureControl, nodeKey, type CohortEngine, type MeasureNode, type MeasureRow } from '@footprint/cohort';
import type { Breakdown } from './breakdowns';
import { cached } from './cache';
import { resolveDisclosureOptions, resolveOn, type InsightOptions, type InsightResult } from './options';

/** What every figure is computed for: the date it is "as at" and the disclosure control in force. */
export interface FigureContext {
  on: string;
  disclosure: { threshold: number; rounding: number };
}

/**
 * How a figure protects its counts. `counts` are suppressed and rounded, and each ratio is
 * recomputed from the rounded counts; a figure that derives a statistic from unrounded counts
 * (an age-standardised rate, an SII) protects its own rows instead (`statistic`).
 */
export type FigureDisclosure<Row> =
  | { kind: 'counts'; counts: readonly (keyof Row & string)[]; ratios?: Record<string, { numerator: keyof Row & string; denominator: keyof Row & string; per: number }> }
  | { kind: 'statistic' };

/**
 * A figure, defined once as a value (in the spirit of ehrQL's Measure): the measures it counts,
 * the breakdowns it can be cut by, how its counts are protected and the text that defines it.
 * `runFigure` turns any figure and its parameters into an InsightResult; the warm-up runs every
 * figure's `warm` parameters; `listFigures()` is the catalogue.
 */
export interface Figure<Params, Row> {
  readonly id: string;
  readonly name: string;
  /** What the figure shows, in a sentence, for the catalogue. */
  readonly description: string;
  /** The breakdowns it can be cut by; empty when its grouping is fixed. */
  readonly breakdowns: readonly Breakdown[];
  readonly disclosure: FigureDisclosure<Row>;
  /** Checks the figure's own parameters and fills defaults (InsightInputError on bad input, before any query). */
  parameters(input: Params): Params;
  /** The cohort measures the figure needs, by name. Each is run once per warehouse build and shared between figures. */
  measures(params: Params, context: FigureContext): Record<string, MeasureNode>;
  /** The figure's rows from the measures' rows (before disclosure control when `disclosure` is `counts`). */
  rows(raw: Record<string, MeasureRow[]>, params: Params, context: FigureContext): Row[];
  /** The order rows are shown in. */
  order?(a: Row, b: Row): number;
  /** The definition shown beside the figure. */
  definition(params: Params, context: FigureContext): string;
  /** Parameters the warm-up computes ahead, so the first visit to a page is answered from memory. */
  readonly warm: readonly Params[];
}

/** A figure of any parameters and rows, for catalogues and the warm-up. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous list of figures; each is used through its own parameters
export type AnyFigure = Figure<any, any>;

function measureKey(measure: MeasureNode): string {
  return JSON.stringify({
    numerator: nodeKey(measure.numerator),
    denominator: nodeKey(measure.denominator),
    groupBy: Object.entries(measure.groupBy).map(([name, node]) => [name, nodeKey(node)]),
    intervals: measure.intervals,
  });
}

/** Runs one measure through the per-build cache (keyed by what the measure counts, so figures share results). */
export function runMeasure(wh: CohortEngine, measure: MeasureNode): Promise<MeasureRow[]> {
  return cached(wh, 'measure', measureKey(measure), () => wh.measure(measure));
}

/** Every figure goes through here: resolve the options, run its measures (cached), protect, order and define it. */
export async function runFigure<Params, Row>(wh: CohortEngine, figure: Figure<Params, Row>, input: Params & InsightOptions): Promise<InsightResult<Row>> {
  const { on: onInput, disclosure: disclosureInput, ...own } = input;
  const params = figure.parameters(own as Params);
  const context: FigureContext = { on: resolveOn(onInput), disclosure: resolveDisclosureOptions(disclosureInput) };
  const measures = Object.entries(figure.measures(params, context));
  const results = await Promise.all(measures.map(([, measure]) => runMeasure(wh, measure)));
  const raw = Object.fromEntries(measures.map(([name], i) => [name, results[i]]));
  let rows = figure.rows(raw, params, context);
  if (figure.disclosure.kind === 'counts') {
    const { counts, ratios } = figure.disclosure;
    rows = applyDisclosureControl(rows as Array<Row & Record<string, unknown>>, counts, { ...context.disclosure, ...(ratios ? { ratios } : {}) });
  }
  if (figure.order) rows = [...rows].sort(figure.order);
  return { rows, asAt: context.on, disclosure: context.disclosure, definition: figure.definition(params, context) };
}
