import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseStoredJson, type AuditEvent } from '@footprint/fhir';
import { writeAudit, type AccessContext } from '@footprint/record';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import { isRole, ROLE_LABELS } from '../auth/roles';
import type { SessionPolicy } from '../auth/sessions';
import { staffContext } from '../context';
import { listPartnerOrganisations } from '../partner-organisations';
import { auditEntry, idsOf } from './audit-entries';
import { dayAfter, parseAuditQuery } from './audit-query';
import { patientsWithNhsNumber, searchAudit } from './audit-search';
import type { AuditSearchAnswer, AuditSearchOptions, UnusualAccessAnswer } from './audit-views';
import { lookUp } from './directory';
import { PURPOSES } from './labels';
import { organisationFilter, privacyScope } from './scope';
import { parseUnusualAccessQuery, presentUnusualAccess } from './unusual-access-view';

/**
 * Writes the AuditEvent of the privacy officer's own look at the audit: a search of AuditEvent,
 * the filters as its query (the NHS number redacted), and the people whose entries it showed,
 * so each person's access log shows that their record's audit was read.
 */
async function auditTheLook(platform: Platform, ctx: AccessContext, query: string, patients: readonly string[]): Promise<void> {
  await writeAudit(platform.sql, ctx, { interaction: 'search-type', entities: [], patients: [...new Set(patients)], query, outcome: '0' });
}

/** The filters as the audit records them: names kept, the NHS number (identifying) replaced by `***`. */
function auditedQuery(name: string, query: Record<string, unknown>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => typeof v === 'string' && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${k === 'nhsNumber' ? '***' : encodeURIComponent(String(v))}`);
  return `AuditEvent?_privacy=${name}${parts.length ? `&${parts.join('&')}` : ''}`;
}

/**
 * The privacy officer's audit search and unusual-access report (capability `privacy-reviews`,
 * the privacy officer's area). A privileged server route: it reads the audit directly, scoped to
 * the officer's organisation (the partnership's officer: the whole footprint, see scope.ts),
 * and audits every search and report it answers.
 *   GET /api/privacy/audit?nhsNumber&patient&user&organisation&from&to&purpose&before&count
 *   GET /api/privacy/audit/options   (the staff, organisations and purposes the form offers)
 *   GET /api/privacy/unusual-access?from&to&people&minutes
 */
export async function privacyAuditRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'privacy-reviews');
  const officerOf = (request: FastifyRequest) => sessionOf(request).user;
  const context = (request: FastifyRequest) => staffContext(officerOf(request), 'HOPERAT', request);

  app.get<{ Querystring: Record<string, unknown> }>('/privacy/audit', { preHandler: guard }, async (request): Promise<AuditSearchAnswer> => {
    const query = parseAuditQuery(request.query);
    const partners = await listPartnerOrganisations(platform.record);
    const scope = privacyScope(officerOf(request), partners);
    const organisation = organisationFilter(scope, query.organisation === undefined ? undefined : `Organization/${query.organisation}`);
    let patients: string[] | null = null;
    if (query.nhsNumber !== undefined) patients = await patientsWithNhsNumber(platform.sql, query.nhsNumber);
    if (query.patient !== undefined) patients = [...(patients ?? []), query.patient];
    const found = patients !== null && patients.length === 0 ? { rows: [] } : await searchAudit(platform.sql, { organisation, patients, query });
    const events = found.rows.map((row) => parseStoredJson(row.content) as AuditEvent);
    const ids = idsOf(events);
    const directory = await lookUp(platform.sql, partners, ids);
    await auditTheLook(platform, context(request), auditedQuery('audit-search', request.query), [...(patients ?? []), ...ids.patients]);
    return {
      scope: scope.view,
      entries: found.rows.map((row, i) => auditEntry(directory, row, events[i], patients ?? [])),
      pageSize: query.count,
      ...('next' in found && found.next ? { next: found.next } : {}),
    };
  });

  app.get('/privacy/audit/options', { preHandler: guard }, async (request): Promise<AuditSearchOptions> => {
    const partners = await listPartnerOrganisations(platform.record);
    const scope = privacyScope(officerOf(request), partners);
    const { rows } = await platform.sql.query<{ id: string; display_name: string; role: string; organisation_name: string | null }>(
      'SELECT id, display_name, role, organisation_name FROM web_users WHERE ($1::text IS NULL OR organisation_ref = $1) ORDER BY display_name, id',
      [scope.organisation],
    );
    return {
      scope: scope.view,
      users: rows.map((r) => ({ id: r.id, name: r.display_name, roleLabel: isRole(r.role) ? ROLE_LABELS[r.role] : r.role, organisation: r.organisation_name })),
      organisations: partners.filter((p) => scope.organisation === null || `Organization/${p.id}` === scope.organisation).map((p) => ({ id: p.id, code: p.code, name: p.name })),
      purposes: [...PURPOSES],
    };
  });

  app.get<{ Querystring: Record<string, unknown> }>('/privacy/unusual-access', { preHandler: guard }, async (request): Promise<UnusualAccessAnswer> => {
    const partners = await listPartnerOrganisations(platform.record);
    const scope = privacyScope(officerOf(request), partners);
    const filter = parseUnusualAccessQuery(request.query, new Date());
    const answer = await presentUnusualAccess(platform.sql, partners, scope, {
      organisation: scope.organisation,
      from: `${filter.from}T00:00:00Z`,
      to: `${dayAfter(filter.to)}T00:00:00Z`,
      people: filter.people,
      minutes: filter.minutes,
    });
    await auditTheLook(platform, context(request), auditedQuery('unusual-access', request.query), answer.patients);
    return { ...answer.view, period: { from: filter.from, to: filter.to } };
  });
}
