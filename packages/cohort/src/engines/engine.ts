import type { Dataset } from '../language/dataset';
import type { DatasetNode, JsValue, MeasureNode } from '../model/nodes';

/** One output row: patient_key and each variable, dates as ISO strings, null where missing. */
export type Row = Record<string, JsValue | null>;

/** One output row of a measure: the interval, each group value, the counts and their ratio. */
export interface MeasureRow {
  interval_start: string;
  interval_end: string;
  numerator: number;
  denominator: number;
  /** numerator / denominator (unrounded; recomputed after disclosure control). */
  ratio: number | null;
  [group: string]: JsValue | null;
}

/**
 * An engine runs datasets and measures. DuckDB and PostgreSQL compile to SQL; the in-memory
 * reference engine evaluates the query model directly. All give the same answers.
 */
export interface CohortEngine {
  readonly name: 'duckdb' | 'postgres' | 'in-memory';
  /** Identifies the data the engine reads (e.g. one warehouse build), for caching results. */
  readonly cacheKey: string;
  execute(dataset: Dataset | DatasetNode): Promise<Row[]>;
  measure(measure: MeasureNode): Promise<MeasureRow[]>;
}

export function datasetNode(dataset: Dataset | DatasetNode): DatasetNode {
  return 'toNode' in dataset ? dataset.toNode() : dataset;
}
