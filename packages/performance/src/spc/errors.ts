/** Input that statistical process control cannot work on: too few points, a duplicate date, a bad option. */
export class SpcInputError extends Error {
  override readonly name = 'SpcInputError';
}
