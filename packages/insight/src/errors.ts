/** Bad input to an insight function (unknown register, rule or breakdown, malformed date): a 400. */
export class InsightInputError extends Error {
  override readonly name = 'InsightInputError';
  readonly status = 400;
}
