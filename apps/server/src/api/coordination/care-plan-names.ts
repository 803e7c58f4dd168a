import type { CarePlanView } from '@footprint/coordination';
import type { Organization } from '@footprint/fhir';
import type { AccessContext } from '@footprint/record';
import type { Platform } from '../../platform';
import { isRole, ROLE_LABELS } from '../auth/roles';

/** A care plan as its pages show it: every organisation and every person who changed it named. */
export type CarePlanResponse = Omit<CarePlanView, 'history'> & {
  organisations: Record<string, string>;
  history: Array<CarePlanView['history'][number] & { organisationName?: string; by: string }>;
};

/**
 * Names the organisations a plan mentions (read as the user, through the policy) and who made each
 * change: a member of staff by name and role, a partner system by name, the person as "the person".
 */
export async function describeCarePlan(platform: Pick<Platform, 'record' | 'sql'>, ctx: AccessContext, plan: CarePlanView): Promise<CarePlanResponse> {
  const refs = new Set([...plan.team.map((m) => m.organisation), ...plan.activities.map((a) => a.owner), ...plan.history.map((h) => h.organisation ?? ''), plan.author ?? ''].filter((r) => r.startsWith('Organization/')));
  const ids = [...refs].map((r) => r.slice('Organization/'.length));
  const organisations: Record<string, string> = {};
  if (ids.length) {
    const found = await platform.record.search(ctx, 'Organization', [['_id', ids.join(',')], ['_count', String(ids.length)]]);
    for (const o of found.matches as Organization[]) organisations[`Organization/${o.id}`] = o.name ?? 'Unnamed organisation';
  }
  const staffIds = plan.history.filter((h) => h.writer?.kind === 'user').map((h) => h.writer!.id);
  const clientIds = plan.history.filter((h) => h.writer?.kind === 'client').map((h) => h.writer!.id);
  const staff = new Map<string, string>();
  if (staffIds.length) {
    const { rows } = await platform.sql.query<{ id: string; display_name: string; role: string }>('SELECT id, display_name, role FROM web_users WHERE id = ANY($1::text[])', [staffIds]);
    for (const row of rows) staff.set(row.id, `${row.display_name}${isRole(row.role) ? `, ${ROLE_LABELS[row.role]}` : ''}`);
  }
  const clients = new Map<string, string>();
  if (clientIds.length) {
    const { rows } = await platform.sql.query<{ id: string; name: string }>('SELECT id, name FROM oauth_client WHERE id = ANY($1::text[])', [clientIds]);
    for (const row of rows) clients.set(row.id, row.name);
  }
  const by = (w: { kind: string; id: string } | undefined): string => {
    if (!w) return 'Footprint';
    if (w.kind === 'patient') return 'The person';
    if (w.kind === 'user') return staff.get(w.id) ?? 'A member of staff';
    if (w.kind === 'client') return clients.get(w.id) ?? 'A partner system';
    return 'Footprint';
  };
  return {
    ...plan,
    organisations,
    history: plan.history.map((h) => ({ ...h, ...(h.organisation && organisations[h.organisation] ? { organisationName: organisations[h.organisation] } : {}), by: by(h.writer) })),
  };
}
