import type { FastifyPluginAsync } from 'fastify';
import { badRequest, outcome, validateResource } from '@footprint/fhir';
import type { Bundle, Parameters, ParametersParameter, Patient, Resource } from '@footprint/fhir';
import type { MergeRequest, PatientMatch } from '@footprint/record';
import { contextOf, fhirBase, sendFhir } from '../request';
import type { FhirRouteOptions } from './options';

/** The extension Patient/$match puts on each entry's search element. */
export const MATCH_GRADE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/match-grade';

function parametersOf(body: unknown, operation: string): Parameters {
  if (!body || typeof body !== 'object' || (body as Resource).resourceType !== 'Parameters') {
    throw badRequest(`${operation} takes a Parameters resource in the body`, 'Parameters');
  }
  validateResource(body, { resourceType: 'Parameters' });
  return body as Parameters;
}

function single(parameters: Parameters, name: string): ParametersParameter | undefined {
  const found = (parameters.parameter ?? []).filter((p) => p.name === name);
  if (found.length > 1) throw badRequest(`The parameter "${name}" may be given only once`, `Parameters.parameter[${name}]`);
  return found[0];
}

/** The `resource`, `onlyCertainMatches` and `count` of Patient/$match. */
function matchRequest(parameters: Parameters): { resource: Patient; onlyCertainMatches?: boolean; count?: number } {
  const resource = single(parameters, 'resource')?.resource;
  if (!resource) throw badRequest('Patient/$match needs a "resource" parameter holding the Patient to match', 'Parameters.parameter[resource]');
  if (resource.resourceType !== 'Patient') throw badRequest(`The "resource" parameter must be a Patient, not ${resource.resourceType}`, 'Parameters.parameter[resource]');
  const only = single(parameters, 'onlyCertainMatches');
  if (only && typeof only.valueBoolean !== 'boolean') throw badRequest('"onlyCertainMatches" must be a valueBoolean', 'Parameters.parameter[onlyCertainMatches]');
  const count = single(parameters, 'count');
  if (count && typeof count.valueInteger !== 'number') throw badRequest('"count" must be a valueInteger', 'Parameters.parameter[count]');
  return { resource: resource as Patient, ...(only ? { onlyCertainMatches: only.valueBoolean } : {}), ...(count ? { count: count.valueInteger } : {}) };
}

/** The id in a `Patient/{id}` reference parameter of $merge / $unmerge. */
function patientParameter(parameters: Parameters, name: 'source-patient' | 'target-patient'): string {
  if (single(parameters, `${name}-identifier`)) {
    throw badRequest(`Identify the patients by reference (${name}: {"reference": "Patient/{id}"}); ${name}-identifier is not supported`, `Parameters.parameter[${name}-identifier]`);
  }
  const reference = single(parameters, name)?.valueReference?.reference;
  if (!reference) throw badRequest(`"${name}" is required: a valueReference to Patient/{id}`, `Parameters.parameter[${name}]`);
  const id = /^(?:.*\/)?Patient\/([^/]+)$/.exec(reference)?.[1];
  if (!id) throw badRequest(`"${name}" must refer to a Patient (Patient/{id}), not "${reference}"`, `Parameters.parameter[${name}]`);
  return id;
}

function mergeRequest(parameters: Parameters): MergeRequest {
  if (single(parameters, 'preview')?.valueBoolean === true) throw badRequest('preview is not supported: merges are reviewed on the duplicates page first', 'Parameters.parameter[preview]');
  if (single(parameters, 'result-patient')) throw badRequest('result-patient is not supported: the target keeps its own content and gains the link', 'Parameters.parameter[result-patient]');
  return { sourceId: patientParameter(parameters, 'source-patient'), targetId: patientParameter(parameters, 'target-patient') };
}

/** The searchset Bundle of Patient/$match: best first, each with search.score and the match-grade extension. */
export function matchBundle(base: string, matches: PatientMatch[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link: [{ relation: 'self', url: `${base}/Patient/$match` }],
    entry: matches.map((m) => ({
      fullUrl: `${base}/Patient/${m.patient.id}`,
      resource: m.patient,
      search: { mode: 'match', score: m.score, extension: [{ url: MATCH_GRADE_EXTENSION, valueCode: m.grade }] },
    })),
  };
}

/**
 * One person, one record: `Patient/$match` (FHIR R4), and `Patient/$merge` and `Patient/$unmerge`
 * in the shape of the R5 `$merge` operation (source-patient, target-patient). The record decides
 * and audits; this maps Parameters in and out.
 */
export const matchingRoutes: FastifyPluginAsync<FhirRouteOptions> = async (app, { record, baseUrl }) => {
  app.post('/Patient/$match', async (request, reply) => {
    const ctx = contextOf(request);
    const matches = await record.match(ctx, matchRequest(parametersOf(request.body, 'Patient/$match')));
    return sendFhir(request, reply, 200, matchBundle(fhirBase(request, baseUrl), matches));
  });

  app.post('/Patient/$merge', async (request, reply) => {
    const ctx = contextOf(request);
    const input = parametersOf(request.body, 'Patient/$merge');
    const merged = await record.merge(ctx, mergeRequest(input));
    const done = outcome('informational', `Patient/${merged.source.id} was merged into Patient/${merged.target.id}; ${merged.moved} resources now refer to Patient/${merged.target.id}`, undefined, 'information');
    const result: Parameters = {
      resourceType: 'Parameters',
      parameter: [
        { name: 'input', resource: input },
        { name: 'outcome', resource: done },
        { name: 'result', resource: merged.target },
      ],
    };
    return sendFhir(request, reply, 200, result);
  });

  app.post('/Patient/$unmerge', async (request, reply) => {
    const ctx = contextOf(request);
    const input = parametersOf(request.body, 'Patient/$unmerge');
    const unmerged = await record.unmerge(ctx, mergeRequest(input));
    const done = outcome('informational', `The merge of Patient/${unmerged.source.id} into Patient/${unmerged.target.id} was undone; ${unmerged.restored} resources refer to Patient/${unmerged.source.id} again`, undefined, 'information');
    const result: Parameters = {
      resourceType: 'Parameters',
      parameter: [
        { name: 'input', resource: input },
        { name: 'outcome', resource: done },
        { name: 'result', resource: unmerged.target },
        { name: 'source', resource: unmerged.source },
      ],
    };
    return sendFhir(request, reply, 200, result);
  });
};
