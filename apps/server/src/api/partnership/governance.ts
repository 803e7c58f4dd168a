import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GOVERNANCE_CHILDREN, GOVERNANCE_SEGMENTS, PartnershipProblem, versionedItem, type BodyDetail, type GovernanceOptions, type GovernanceOverview, type GovernanceSegment, type MeetingDetail } from '@footprint/partnership';
import { requireSession } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { editorOf, type PartnershipContext } from './context';
import { governanceActionRoutes } from './governance-actions';
import { governanceDocumentRoutes } from './governance-documents';
import { governanceOf } from './governance-context';

/** The version a change is made against: required, so two people's edits never silently overwrite one another. */
function ifVersionOf(value: unknown, where: 'body' | 'query'): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new PartnershipProblem(400, 'Which version are you changing?', `ifVersion: is required (${where === 'body' ? 'in the JSON body' : 'as ?ifVersion='}), the version you opened, so a change made since is not lost`);
  }
  return n;
}

const bodyOf = (request: FastifyRequest) => request.body as Record<string, unknown> | undefined;

/**
 * The partnership's governance (capability `partnership` to read, `partnership-edit` to change):
 *   GET  /api/partnership/governance                          bodies, next meetings, open and overdue actions
 *   GET  /api/partnership/governance/options                  who a member or an owner may be, and each field's codes
 *   POST /api/partnership/governance/bodies                   a new body
 *   GET  /api/partnership/governance/bodies/:id               a body with members, terms of reference and meetings
 *   PUT  /api/partnership/governance/bodies/:id/terms-of-reference
 *   GET  /api/partnership/governance/meetings/:id             a meeting with agenda, papers, minutes, decisions, actions
 *   POST /api/partnership/governance/{bodies|meetings|decisions}/:id/{members|meetings|agenda-items|papers|decisions|actions}
 *   PUT, DELETE /api/partnership/governance/{bodies|members|meetings|agenda-items|papers|decisions|actions}/:id
 * the action log (governance-actions.ts) and uploaded papers (governance-documents.ts). Updates carry `ifVersion`; a stale one is a 409.
 */
export async function governanceRoutes(app: FastifyInstance, context: PartnershipContext, policy: SessionPolicy): Promise<void> {
  const read = requireSession(context.platform.sql, policy, 'partnership');
  const edit = requireSession(context.platform.sql, policy, 'partnership-edit');
  const base = '/partnership/governance';

  app.get(base, { preHandler: read }, async (): Promise<GovernanceOverview> => (await governanceOf(context)).overview());

  app.get(`${base}/options`, { preHandler: read }, async (): Promise<GovernanceOptions> => (await governanceOf(context)).options());

  app.get<{ Params: { id: string } }>(`${base}/bodies/:id`, { preHandler: read }, async (request): Promise<BodyDetail> => (await governanceOf(context)).body(request.params.id));

  app.get<{ Params: { id: string } }>(`${base}/meetings/:id`, { preHandler: read }, async (request): Promise<MeetingDetail> => (await governanceOf(context)).meeting(request.params.id));

  app.post(`${base}/bodies`, { preHandler: edit }, async (request, reply) => {
    const item = await (await governanceOf(context)).create('bodies', undefined, request.body, editorOf(request));
    return reply.code(201).send(versionedItem(item));
  });

  for (const { parent, child } of GOVERNANCE_CHILDREN) {
    app.post<{ Params: { id: string } }>(`${base}/${parent}/:id/${child}`, { preHandler: edit }, async (request, reply) => {
      const item = await (await governanceOf(context)).create(child, { segment: parent, id: request.params.id }, request.body, editorOf(request));
      return reply.code(201).send(versionedItem(item));
    });
  }

  for (const segment of Object.keys(GOVERNANCE_SEGMENTS) as GovernanceSegment[]) {
    app.put<{ Params: { id: string } }>(`${base}/${segment}/:id`, { preHandler: edit }, async (request) => {
      const ifVersion = ifVersionOf(bodyOf(request)?.ifVersion, 'body');
      return versionedItem(await (await governanceOf(context)).update(segment, request.params.id, request.body, ifVersion, editorOf(request)));
    });
    app.delete<{ Params: { id: string }; Querystring: Record<string, unknown> }>(`${base}/${segment}/:id`, { preHandler: edit }, async (request) => {
      const ifVersion = ifVersionOf(request.query.ifVersion, 'query');
      return versionedItem(await (await governanceOf(context)).remove(segment, request.params.id, ifVersion, editorOf(request)));
    });
  }

  app.put<{ Params: { id: string } }>(`${base}/bodies/:id/terms-of-reference`, { preHandler: edit }, async (request) => {
    const sent = bodyOf(request);
    const { ifVersion, ...data } = sent && typeof sent === 'object' && !Array.isArray(sent) ? sent : ({} as Record<string, unknown>);
    return (await governanceOf(context)).setTermsOfReference(request.params.id, data, ifVersion === undefined ? undefined : ifVersionOf(ifVersion, 'body'), editorOf(request));
  });

  await governanceActionRoutes(app, context, read);
  await governanceDocumentRoutes(app, context, { read, edit });
}
