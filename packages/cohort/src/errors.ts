/** A definition that breaks the rules of the cohort language (wrong types, mixed domains, bad input). */
export class CohortError extends Error {
  override readonly name = 'CohortError';
}
