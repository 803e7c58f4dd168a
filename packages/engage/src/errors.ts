/**
 * Engagement's refusals. Each carries the HTTP status and a title, which the server's problem
 * handler (apps/server/src/api/problem.ts) turns into `application/problem+json` as it stands.
 */

/** Input that engagement refuses: each problem names its field and what is wrong. 400. */
export class EngageInputError extends Error {
  readonly status = 400;
  readonly title = 'Check what you entered';
  readonly detail: string;
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'EngageInputError';
    this.detail = this.message;
  }
}

/** Something asked for does not exist (a consultation, an enquiry, a page). 404. */
export class EngageNotFoundError extends Error {
  readonly status = 404;
  readonly title = 'Not found';
  readonly detail: string;
  constructor(message: string) {
    super(message);
    this.name = 'EngageNotFoundError';
    this.detail = message;
  }
}

/** Well formed but not allowed now (a closed consultation, frozen questions, an enquiry already closed). 409. */
export class EngageConflictError extends Error {
  readonly status = 409;
  readonly detail: string;
  constructor(
    message: string,
    readonly title = 'Not possible now',
  ) {
    super(message);
    this.name = 'EngageConflictError';
    this.detail = message;
  }
}
