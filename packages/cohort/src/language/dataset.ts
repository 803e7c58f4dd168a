import { CohortError } from '../errors';
import type { DatasetNode, SeriesNode, ValueType } from '../model/nodes';
import { Series } from './series';

const VARIABLE_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * A dataset: the population (a boolean patient series: who is in) and named variables (patient
 * series: one value per patient). Event series are rejected by the types and again at runtime.
 */
export class Dataset {
  private population: SeriesNode | null = null;
  private readonly variables = new Map<string, SeriesNode>();

  define_population(condition: Series<'boolean', 'patient'>): this {
    const node = requirePatient(condition, 'the population');
    if (node.type !== 'boolean') throw new CohortError(`the population must be a boolean series, got ${node.type}`);
    this.population = node;
    return this;
  }

  add_column(name: string, series: Series<ValueType, 'patient'>): this {
    if (!VARIABLE_NAME.test(name) || name === 'patient_key') throw new CohortError(`variable names are lower_snake_case and not patient_key: ${name}`);
    if (this.variables.has(name)) throw new CohortError(`variable ${name} is already defined`);
    this.variables.set(name, requirePatient(series, `variable ${name}`));
    return this;
  }

  /** The immutable query-model node for engines. */
  toNode(): DatasetNode {
    if (this.population === null) throw new CohortError('define_population() was never called');
    return Object.freeze({ population: this.population, variables: Object.freeze(Object.fromEntries(this.variables)) });
  }
}

export function requirePatient(series: unknown, what: string): SeriesNode {
  if (!(series instanceof Series)) throw new CohortError(`${what} must be a series`);
  const node = (series as Series<ValueType, 'patient'>).node;
  if (node.domain !== null) throw new CohortError(`${what} must have one value per patient: aggregate the event series first (e.g. exists_for_patient, count_for_patient, first_for_patient)`);
  return node;
}

export function create_dataset(): Dataset {
  return new Dataset();
}
