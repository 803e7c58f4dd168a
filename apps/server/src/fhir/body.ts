import { badRequest } from '@footprint/fhir';
import type { Resource } from '@footprint/fhir';
import { controlCharacterMessage, findControlCharacter } from '../http/control-characters';

/**
 * Checks a parsed request body is a resource of the type the URL names. A body of another type
 * is a 400 naming both, so `POST /Patient` with an Observation never reaches the record; a
 * control character (NUL) anywhere in it is a 400 naming where.
 */
export function resourceBody(body: unknown, urlType: string): Resource {
  if (body === undefined || body === null) throw badRequest(`A ${urlType} resource is required in the body`);
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('The body must be a JSON object holding a FHIR resource', '');
  const { resourceType } = body as { resourceType?: unknown };
  if (typeof resourceType !== 'string') throw badRequest('The body has no resourceType', 'resourceType');
  const control = findControlCharacter(body);
  if (control) throw badRequest(controlCharacterMessage(control), control);
  if (resourceType !== urlType) {
    throw badRequest(`The body is a ${resourceType} but the URL is for ${urlType}`, 'resourceType');
  }
  return body as Resource;
}
