/**
 * A precise refusal from the partnership's register or plan: a 4xx status, a short title and a
 * detail naming the field or item. The server answers it as problem+json with this title.
 */
export class PartnershipProblem extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 412 | 422,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'PartnershipProblem';
  }
}
