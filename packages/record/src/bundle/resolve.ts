import { OperationOutcomeError, badRequest, outcome, parseReference, preconditionFailed } from '@footprint/fhir';
import type { Resource } from '@medplum/fhirtypes';
import type { AccessContext } from '../access-context';
import type { Repository } from '../repository';
import { parseQuery } from './request-url';

/**
 * Finds the resources a conditional URL (`identifier=…` on a type) matches, asking for at most
 * two: callers only need to tell none, one and several apart.
 */
export async function findMatches(repo: Repository, ctx: AccessContext, resourceType: string, query: string): Promise<Resource[]> {
  const params = parseQuery(query).filter(([name]) => name !== '_count');
  const result = await repo.search(ctx, resourceType, [...params, ['_count', '2']], { handling: 'strict' });
  return result.matches.filter((r) => r.resourceType === resourceType);
}

/**
 * Resolves a conditional reference such as `Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018`
 * to `Patient/<id>`. No match is a 400 (the reference points at nothing); several are a 412 (ambiguous).
 */
export async function resolveConditionalReference(repo: Repository, ctx: AccessContext, reference: string, where: string): Promise<string> {
  const parsed = parseReference(reference);
  if (parsed?.kind !== 'conditional') throw badRequest(`${where}: "${reference}" is not a valid conditional reference`, where);
  const matches = await findMatches(repo, ctx, parsed.resourceType, parsed.query);
  if (matches.length === 0) {
    throw new OperationOutcomeError(400, outcome('not-found', `${where}: the conditional reference ${parsed.resourceType}?${parsed.query} matches no resource`, where));
  }
  if (matches.length > 1) {
    throw preconditionFailed(`${where}: the conditional reference ${parsed.resourceType}?${parsed.query} matches more than one resource`);
  }
  return `${parsed.resourceType}/${matches[0].id}`;
}
