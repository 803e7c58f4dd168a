import type { FastifyInstance } from 'fastify';
import type { AuditEvent, Organization } from '@medplum/fhirtypes';
import { ODS_SYSTEM } from '@footprint/fhir';
import { BREAK_GLASS_REASON_LABELS, BREAK_GLASS_REASON_SYSTEM, type AccessContext, type BreakGlassReason, type Repository } from '@footprint/record';
import { ROLE_LABELS, type Role } from '../api/auth/roles';
import { INTERACTIONS } from '../api/privacy/labels';
import type { Platform } from '../platform';
import { patientContext } from './context';
import { patientSessionOf, requirePatientSession } from './guard';
import type { AccessLog, AccessLogEntry } from './responses';
import type { PatientSessionPolicy } from './sessions';

const PRINCIPAL_SYSTEM = 'https://footprint.nhs.uk/Id/principal/';
/** The newest audit entries read for the log (the person's own views are among them). */
const LIMIT = 2000;

export const PURPOSE_LABELS: Record<string, string> = {
  TREAT: 'Your care',
  ETREAT: 'Emergency access (break-glass)',
  HOPERAT: 'Running the service',
  PUBHLTH: 'Planning services',
  HRESCH: 'Research',
  SYSADMIN: 'System administration',
};

/** The privacy officer's words for each interaction, but two said as a person would meet them. */
const ACTIONS: Record<string, string> = {
  ...INTERACTIONS,
  operation: 'Opened the whole record',
  changes: 'Included in a data extract',
};

interface Principal {
  kind: string;
  id: string;
}

function principalOf(event: AuditEvent): Principal | undefined {
  const agent = event.agent?.find((a) => a.requestor);
  if (!agent) return undefined;
  if (agent.who?.reference?.startsWith('Patient/')) return { kind: 'patient', id: agent.who.reference.slice('Patient/'.length) };
  const system = agent.who?.identifier?.system ?? '';
  if (!system.startsWith(PRINCIPAL_SYSTEM) || !agent.who?.identifier?.value) return undefined;
  return { kind: system.slice(PRINCIPAL_SYSTEM.length), id: agent.who.identifier.value };
}

/** The kinds of entry an access touched: the entries it names, or for a search the type searched (never the query's values). */
function touchedTypes(event: AuditEvent): string[] {
  const types = (event.entity ?? []).map((e) => e.what?.reference?.split('/')[0] ?? (e.query ? e.description?.split('?')[0] : undefined));
  return [...new Set(types.filter((t): t is string => Boolean(t) && /^[A-Z][A-Za-z]+$/.test(t!)))];
}

async function readAuditTrail(record: Repository, ctx: AccessContext): Promise<{ events: AuditEvent[]; truncated: boolean }> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await record.search(ctx, 'AuditEvent', [['_sort', '-date'], ['_count', '500'], ...(cursor ? ([['_cursor', cursor]] as const) : [])]);
    events.push(...(page.matches as AuditEvent[]));
    cursor = page.next;
  } while (cursor && events.length < LIMIT);
  return { events, truncated: cursor !== undefined };
}

/**
 * The person's access log (GET /api/patient/access-log): every access to their record from the
 * record's own AuditEvents, read as the person (the policy gives them the events about their
 * record), with who, organisation, role, when and why; break-glass (ETREAT) marked, refused
 * attempts shown, and their own views summarised.
 */
export async function accessLogRoutes(app: FastifyInstance, platform: Platform, policy: PatientSessionPolicy): Promise<void> {
  const guard = requirePatientSession(platform.sql, policy);

  app.get('/access-log', { preHandler: guard }, async (request): Promise<AccessLog> => {
    const session = patientSessionOf(request);
    const ctx = patientContext(session, request);
    const { events, truncated } = await readAuditTrail(platform.record, ctx);

    const staffIds = new Set<string>();
    const clientIds = new Set<string>();
    const orgIds = new Set<string>();
    for (const event of events) {
      const principal = principalOf(event);
      if (principal?.kind === 'user') staffIds.add(principal.id);
      if (principal?.kind === 'client') clientIds.add(principal.id);
      const org = event.agent?.find((a) => !a.requestor)?.who?.reference;
      if (org?.startsWith('Organization/')) orgIds.add(org.slice('Organization/'.length));
    }
    const staff = new Map<string, { name: string; role: string }>();
    if (staffIds.size) {
      const { rows } = await platform.sql.query<{ id: string; display_name: string; role: string }>(`SELECT id, display_name, role FROM web_users WHERE id = ANY($1)`, [[...staffIds]]);
      for (const row of rows) staff.set(row.id, { name: row.display_name, role: row.role });
    }
    const clients = new Map<string, string>();
    if (clientIds.size) {
      const { rows } = await platform.sql.query<{ id: string; name: string }>(`SELECT id, name FROM oauth_client WHERE id = ANY($1)`, [[...clientIds]]);
      for (const row of rows) clients.set(row.id, row.name);
    }
    const organisations = new Map<string, { code: string | null; name: string }>();
    const ids = [...orgIds];
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const found = await platform.record.search(ctx, 'Organization', [['_id', chunk.join(',')], ['_count', String(chunk.length)]]);
      for (const org of found.matches as Organization[]) {
        if (org.id) organisations.set(org.id, { code: org.identifier?.find((x) => x.system === ODS_SYSTEM)?.value ?? null, name: org.name ?? 'Unnamed organisation' });
      }
    }

    let ownCount = 0;
    let ownLatest: string | null = null;
    const entries: AccessLogEntry[] = [];
    for (const event of events) {
      const principal = principalOf(event);
      const when = event.recorded;
      if (principal?.kind === 'patient' && principal.id === session.patientId) {
        ownCount += 1;
        ownLatest ??= when;
        continue;
      }
      const purposeCoding = event.purposeOfEvent?.flatMap((p) => p.coding ?? []) ?? [];
      const purpose = purposeCoding.find((c) => c.system === 'http://terminology.hl7.org/CodeSystem/v3-ActReason')?.code ?? 'TREAT';
      const reasonCode = purposeCoding.find((c) => c.system === BREAK_GLASS_REASON_SYSTEM)?.code as BreakGlassReason | undefined;
      const reasonText = event.purposeOfEvent?.map((p) => p.text).find(Boolean) ?? null;
      const orgRef = event.agent?.find((a) => !a.requestor)?.who?.reference;
      const person = principal?.kind === 'user' ? staff.get(principal.id) : undefined;
      const role = person?.role ?? event.agent?.find((a) => a.requestor)?.role?.[0]?.text ?? null;
      const subtype = event.subtype?.[0]?.code ?? '';
      entries.push({
        id: event.id ?? '',
        when,
        who:
          principal?.kind === 'user'
            ? (person?.name ?? 'A member of staff')
            : principal?.kind === 'client'
              ? (clients.get(principal.id) ?? 'A partner system')
              : principal?.kind === 'patient'
                ? 'Someone acting as a patient'
                : principal?.id === 'patient-sign-in'
                  ? 'Footprint, finding your record when you signed in'
                  : 'Footprint platform',
        kind: principal?.kind === 'user' ? 'staff' : principal?.kind === 'client' ? 'system' : principal?.kind === 'patient' ? 'person' : 'platform',
        role: role ? (ROLE_LABELS[role as Role] ?? role) : null,
        organisation: orgRef?.startsWith('Organization/') ? (organisations.get(orgRef.slice('Organization/'.length)) ?? { code: null, name: 'An organisation' }) : null,
        purpose: { code: purpose, label: PURPOSE_LABELS[purpose] ?? purpose },
        breakGlass: purpose === 'ETREAT',
        reason: [reasonCode ? BREAK_GLASS_REASON_LABELS[reasonCode] : null, reasonText].filter(Boolean).join(': ') || null,
        action: ACTIONS[subtype] ?? 'Accessed',
        touched: touchedTypes(event),
        allowed: event.outcome === '0',
      });
    }
    return { entries, ownAccesses: { count: ownCount, latest: ownLatest }, truncated };
  });
}
