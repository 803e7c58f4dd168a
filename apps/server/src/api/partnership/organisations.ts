import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  addMembership,
  changeMembership,
  checkDirectoryQuery,
  endMembership,
  exportRegisterCsv,
  importRegisterCsv,
  membershipChange,
  membershipEnd,
  newMembership,
  organisationDetail,
  organisationDirectory,
  parseBody,
  PARTNERSHIP_ROLES,
  type OrganisationDetail,
  type OrganisationSummary,
  type RegisterImportReport,
} from '@footprint/partnership';
import { ORGANISATION_KINDS, organisationKindLabel } from '@footprint/warehouse';
import { requestMetadata } from '../../http/request-metadata';
import { requireSession } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { partnerKind } from '../partner-organisations';
import { ApiProblem } from '../problem';
import { editorOf, type PartnershipContext } from './context';

/** The directory as the web app shows it: organisations with their kinds named, counts by kind, and the filters' choices. */
export interface OrganisationDirectoryResponse {
  footprint: { onsCode: string; name: string; organisationId: string };
  organisations: (OrganisationSummary & { kindLabel: string })[];
  countsByKind: { kind: string; label: string; count: number }[];
  total: number;
  kinds: { kind: string; label: string }[];
  roles: { code: string; label: string }[];
}

export type OrganisationDetailResponse = OrganisationDetail & { kindLabel: string; bodyId: string; roles: { code: string; label: string }[] };

const KIND_CODES: readonly string[] = ORGANISATION_KINDS.map((k) => k.kind);
const IMPORT_LIMIT = 20 * 1024 * 1024;

/**
 * The register of member organisations for staff (docs/partnership.md): the directory, one
 * organisation with its memberships over time and its history, membership edits, and CSV export
 * and import. It reads and writes the record's Organization and OrganizationAffiliation
 * resources (one list); edits go through the record as the `partnership-register` principal
 * (packages/partnership organisations/register-context.ts says why), after the guard has checked
 * the user holds `partnership-edit`.
 */
export async function organisationRoutes(app: FastifyInstance, context: PartnershipContext, policy: SessionPolicy): Promise<void> {
  const { platform } = context;
  const { record } = platform;
  const read = requireSession(platform.sql, policy, 'partnership');
  const edit = requireSession(platform.sql, policy, 'partnership-edit');
  const editing = async (request: FastifyRequest) => ({ editor: editorOf(request), bodyId: (await context.footprint()).organisationId, request: requestMetadata(request) });

  app.get<{ Querystring: Record<string, unknown> }>('/partnership/organisations', { preHandler: read }, async (request): Promise<OrganisationDirectoryResponse> => {
    const query = checkDirectoryQuery(request.query);
    if (query.kind && !KIND_CODES.includes(query.kind)) throw new ApiProblem(400, 'Unknown kind', `kind must be one of ${KIND_CODES.join(', ')}.`);
    const footprint = await context.footprint();
    const view = await organisationDirectory(record, footprint.organisationId, query, partnerKind);
    return {
      footprint: { onsCode: footprint.onsCode, name: footprint.name, organisationId: footprint.organisationId },
      organisations: view.organisations.map((o) => ({ ...o, kindLabel: organisationKindLabel(o.kind) })),
      countsByKind: view.countsByKind.map((c) => ({ ...c, label: organisationKindLabel(c.kind) })).sort((a, b) => a.label.localeCompare(b.label)),
      total: view.total,
      kinds: ORGANISATION_KINDS.map((k) => ({ kind: k.kind, label: k.label })),
      roles: PARTNERSHIP_ROLES.map((r) => ({ code: r.code, label: r.label })),
    };
  });

  app.get('/partnership/organisations/export', { preHandler: read }, async (_request, reply) => {
    const csv = await exportRegisterCsv(record, partnerKind);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="organisations.csv"').send(csv);
  });

  await app.register(async (scoped) => {
    // Scoped so another part's text/csv parser (if it adds one to the whole area) does not clash.
    if (!scoped.hasContentTypeParser('text/csv')) scoped.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));
    scoped.post<{ Body: unknown }>('/partnership/organisations/import', { preHandler: edit, bodyLimit: IMPORT_LIMIT }, async (request): Promise<RegisterImportReport> => {
      if (!String(request.headers['content-type'] ?? '').startsWith('text/csv') || typeof request.body !== 'string') {
        throw new ApiProblem(415, 'Send the register as CSV', 'POST the file with Content-Type: text/csv (the columns of GET /api/partnership/organisations/export).');
      }
      const { editor, bodyId, request: metadata } = await editing(request).catch(() => ({ editor: editorOf(request), bodyId: undefined, request: requestMetadata(request) }));
      return importRegisterCsv(record, request.body, { editor, kinds: KIND_CODES, ...(bodyId ? { bodyId } : {}), request: metadata });
    });
  });

  app.get<{ Params: { id: string } }>('/partnership/organisations/:id', { preHandler: read }, async (request): Promise<OrganisationDetailResponse> => {
    const footprint = await context.footprint();
    const detail = await organisationDetail(record, request.params.id, partnerKind);
    return { ...detail, kindLabel: organisationKindLabel(detail.kind), bodyId: footprint.organisationId, roles: PARTNERSHIP_ROLES.map((r) => ({ code: r.code, label: r.label })) };
  });

  app.post<{ Params: { id: string }; Body: unknown }>('/partnership/organisations/:id/memberships', { preHandler: edit }, async (request, reply) => {
    const input = parseBody(newMembership, request.body);
    const created = await addMembership(record, request.params.id, input, await editing(request));
    return reply.code(201).send({ affiliationId: created.id, versionId: created.meta?.versionId });
  });

  app.patch<{ Params: { id: string; affiliationId: string }; Body: unknown }>('/partnership/organisations/:id/memberships/:affiliationId', { preHandler: edit }, async (request) => {
    const change = parseBody(membershipChange, request.body);
    const updated = await changeMembership(record, request.params.id, request.params.affiliationId, change, await editing(request));
    return { affiliationId: updated.id, versionId: updated.meta?.versionId };
  });

  app.post<{ Params: { id: string; affiliationId: string }; Body: unknown }>('/partnership/organisations/:id/memberships/:affiliationId/end', { preHandler: edit }, async (request) => {
    const input = parseBody(membershipEnd, request.body);
    const updated = await endMembership(record, request.params.id, request.params.affiliationId, input, await editing(request));
    return { affiliationId: updated.id, versionId: updated.meta?.versionId };
  });
}
