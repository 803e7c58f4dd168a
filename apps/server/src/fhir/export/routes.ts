import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, notFound, outcome } from '@footprint/fhir';
import { contextOf, fhirBase, preferences, queryPairs, requireResourceType, sendFhir } from '../request';
import type { FhirRouteOptions } from '../routes/options';
import { EXPORT_RETENTION_HOURS, type ExportJobs, type ExportLevel } from './jobs';

const OUTPUT_FORMATS = new Set(['application/fhir+ndjson', 'application/ndjson', 'ndjson']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads and checks the kick-off parameters (`_type`, `_since`, `_outputFormat`); which types may be exported is the record policy's decision (ExportJobs.start). */
function kickOffParameters(request: FastifyRequest): { types?: string[]; since?: string } {
  let types: string[] | undefined;
  let since: string | undefined;
  for (const [name, value] of queryPairs(request)) {
    if (name === '_type') {
      types = [...(types ?? []), ...value.split(',').map((t) => t.trim()).filter(Boolean)];
    } else if (name === '_since') {
      if (!INSTANT.test(value) || Number.isNaN(Date.parse(value))) throw badRequest(`_since must be a FHIR instant such as 2024-01-31T09:00:00Z, not "${value}"`, '_since');
      since = value;
    } else if (name === '_outputFormat') {
      if (!OUTPUT_FORMATS.has(value)) throw badRequest(`_outputFormat ${value} is not supported; use application/fhir+ndjson`, '_outputFormat');
    } else if (name === '_typeFilter' || name === '_elements' || name === 'patient' || name === 'includeAssociatedData') {
      throw badRequest(`The export parameter ${name} is not supported by this server`, name);
    } else {
      throw badRequest(`Unknown export parameter ${name}`, name);
    }
  }
  types?.forEach(requireResourceType);
  return { ...(types ? { types } : {}), ...(since ? { since } : {}) };
}

/** The Bulk Data IG's completion manifest. */
function manifest(base: string, job: { id: string; requestUrl: string; transactionTime: string; output?: Array<{ type: string; file: string; count: number }> }) {
  return {
    transactionTime: job.transactionTime,
    request: job.requestUrl,
    requiresAccessToken: true,
    output: (job.output ?? []).map((f) => ({ type: f.type, url: `${base}/$export-file/${job.id}/${f.file}`, count: f.count })),
    error: [],
  };
}

/**
 * Bulk Data `$export` at system, Patient and Group level: kick-off (202 + Content-Location),
 * status polling (202 with X-Progress, then 200 with the manifest), file download and DELETE.
 */
export const exportRoutes: FastifyPluginAsync<FhirRouteOptions & { jobs: ExportJobs }> = async (app, { baseUrl, jobs }) => {
  const kickOff = async (request: FastifyRequest, reply: FastifyReply, level: ExportLevel, groupId?: string) => {
    const ctx = contextOf(request);
    if (!preferences(request).respondAsync) throw badRequest('$export runs asynchronously: send the header Prefer: respond-async');
    const parameters = kickOffParameters(request);
    const base = fhirBase(request, baseUrl);
    const requestUrl = `${base}${request.url.replace(/^\/fhir\/R4/, '')}`;
    const id = await jobs.start(ctx, { level, ...(groupId ? { groupId } : {}), ...parameters, requestUrl });
    return reply.code(202).header('content-location', `${base}/$export-status/${id}`).type('application/fhir+json').send(
      JSON.stringify(outcome('informational', `Export ${id} accepted; poll the Content-Location URL for its status`, undefined, 'information')),
    );
  };

  app.get('/$export', async (request, reply) => kickOff(request, reply, 'system'));
  app.get<{ Params: { type: string } }>('/:type/$export', async (request, reply) => {
    if (request.params.type !== 'Patient') throw notFound(`$export is supported at system, Patient and Group level, not on ${request.params.type}`);
    return kickOff(request, reply, 'patient');
  });
  app.get<{ Params: { type: string; id: string } }>('/:type/:id/$export', async (request, reply) => {
    if (request.params.type !== 'Group') throw notFound(`Instance-level $export is supported on Group, not on ${request.params.type}`);
    return kickOff(request, reply, 'group', request.params.id);
  });

  app.get<{ Params: { job: string } }>('/$export-status/:job', async (request, reply) => {
    const ctx = contextOf(request);
    const job = await jobs.get(request.params.job, ctx.principal.id);
    if (!job || job.status === 'cancelled') throw notFound(`No export job ${request.params.job}`);
    switch (job.status) {
      case 'accepted':
      case 'in-progress':
        return reply.code(202).header('x-progress', job.progress ?? job.status).header('retry-after', '2').send();
      case 'failed':
        return sendFhir(request, reply, 500, outcome('exception', `The export failed: ${job.error ?? 'unknown error'}`));
      case 'completed':
        return reply.code(200).header('expires', new Date(Date.parse(job.finishedAt) + EXPORT_RETENTION_HOURS * 3600_000).toUTCString()).type('application/json').send(manifest(fhirBase(request, baseUrl), job));
    }
  });

  app.delete<{ Params: { job: string } }>('/$export-status/:job', async (request, reply) => {
    const ctx = contextOf(request);
    if (!(await jobs.cancel(request.params.job, ctx.principal.id))) throw notFound(`No export job ${request.params.job}`);
    return sendFhir(request, reply, 202, outcome('informational', `Export ${request.params.job} cancelled`, undefined, 'information'));
  });

  app.get<{ Params: { job: string; file: string } }>('/$export-file/:job/:file', async (request, reply) => {
    const ctx = contextOf(request);
    const { job: jobId, file } = request.params;
    const job = await jobs.get(jobId, ctx.principal.id);
    const listed = job?.status === 'completed' && job.output?.some((f) => f.file === file);
    if (!listed) throw notFound(`No export file ${file} in job ${jobId}`);
    const path = join(jobs.directory(jobId), file);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw notFound(`Export file ${file} of job ${jobId} has been removed`);
    return reply.type('application/fhir+ndjson').header('content-length', info.size).send(createReadStream(path));
  });
};
