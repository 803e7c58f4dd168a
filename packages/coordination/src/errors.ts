/**
 * Care coordination's refusals outside FHIR routes, as `application/problem+json` through the
 * server's problem handler. On FHIR routes the record's OperationOutcomeError is used instead.
 */
import { ProblemError } from '@footprint/fhir';

/** Input that coordination refuses: each problem names its field and what is wrong. 400. */
export class CoordinationInputError extends ProblemError {
  constructor(readonly problems: string[]) {
    super(400, 'Check what you entered', problems.join('; '));
  }
}

/** Something asked for does not exist, or is not the caller's to see. 404. */
export class CoordinationNotFoundError extends ProblemError {
  constructor(message: string) {
    super(404, 'Not found', message);
  }
}

/** Well formed but not allowed now (an invalid state change, a meeting already closed). 409. */
export class CoordinationConflictError extends ProblemError {
  constructor(message: string, title = 'Not possible now') {
    super(409, title, message);
  }
}
