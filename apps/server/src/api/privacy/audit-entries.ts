import { parseStoredJson, type AuditEvent } from '@footprint/fhir';
import { organisationOf, staffActor, type Directory } from './directory';
import type { AuditActorView, AuditEntryView } from './audit-views';
import type { AuditRow } from './audit-search';
import { INTERACTIONS, OUTCOMES, purposeLabel } from './labels';

const PRINCIPAL_SYSTEM = 'https://footprint.nhs.uk/Id/principal/';
const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
const ACCOUNT_CHANGE_SYSTEM = 'https://footprint.nhs.uk/CodeSystem/account-change';

/** The requestor of an event: its principal kind and id, and the role it acted in. */
export function requestorOf(event: AuditEvent): { kind: string; id: string; role: string | null } | undefined {
  const agent = event.agent?.find((a) => a.requestor);
  if (!agent) return undefined;
  const role = agent.role?.[0]?.text ?? null;
  if (agent.who?.reference?.startsWith('Patient/')) return { kind: 'patient', id: agent.who.reference.slice('Patient/'.length), role };
  const system = agent.who?.identifier?.system ?? '';
  const value = agent.who?.identifier?.value;
  if (!system.startsWith(PRINCIPAL_SYSTEM) || !value) return undefined;
  return { kind: system.slice(PRINCIPAL_SYSTEM.length), id: value, role };
}

/** The Patient ids an event names (its entities with a Patient reference). */
export function patientsOf(event: AuditEvent): string[] {
  const ids = (event.entity ?? []).map((e) => e.what?.reference).filter((r): r is string => Boolean(r?.startsWith('Patient/')));
  return [...new Set(ids.map((r) => r.slice('Patient/'.length)))];
}

function actorOf(directory: Directory, event: AuditEvent): AuditActorView {
  const requestor = requestorOf(event);
  if (!requestor) return { kind: 'platform', id: null, name: 'Footprint platform', role: null, roleLabel: null };
  switch (requestor.kind) {
    case 'user':
      return staffActor(directory, requestor.id, requestor.role);
    case 'client':
      return { kind: 'system', id: requestor.id, name: directory.clients.get(requestor.id) ?? `Partner system ${requestor.id}`, role: null, roleLabel: null };
    case 'patient':
      return { kind: 'person', id: null, name: 'The person themselves', role: null, roleLabel: null };
    default:
      return { kind: 'platform', id: requestor.id, name: requestor.id === 'footprint' ? 'Footprint platform' : `Footprint (${requestor.id})`, role: null, roleLabel: null };
  }
}

/** The privacy officer's own looks at the audit, as routes.ts audits them (`AuditEvent?_privacy=<name>&…`). */
const PRIVACY_LOOKS: Readonly<Record<string, string>> = { 'audit-search': 'Searched the audit', 'unusual-access': 'Ran the unusual-access report' };

function privacyLook(event: AuditEvent): string | undefined {
  const query = event.entity?.find((e) => e.description?.startsWith('AuditEvent?_privacy='))?.description;
  return query ? /^AuditEvent\?_privacy=([a-z-]+)/.exec(query)?.[1] : undefined;
}

/** What was done, in words: the account change, break-glass, or the RESTful interaction. */
function actionOf(event: AuditEvent, actor: AuditActorView): string {
  const look = privacyLook(event);
  if (look) return PRIVACY_LOOKS[look] ?? 'Looked at the audit';
  const change = event.subtype?.find((s) => s.system === ACCOUNT_CHANGE_SYSTEM);
  if (change) return change.display ?? change.code ?? 'Changed an account';
  if ((event.entity ?? []).some((e) => e.what?.reference?.startsWith('break-glass/'))) {
    return actor.role === 'privacy_officer' ? 'Reviewed a break-glass' : 'Broke glass';
  }
  const code = event.subtype?.[0]?.code ?? '';
  return INTERACTIONS[code] ?? 'Accessed';
}

/** The kinds of entry touched: referenced types, the type searched (never the query's values), or "Staff account". */
function touchedOf(event: AuditEvent): string[] {
  if (privacyLook(event)) return [];
  const kinds = (event.entity ?? []).map((e) => {
    if (e.what?.identifier?.system === `${PRINCIPAL_SYSTEM}user`) return 'Staff account';
    return e.what?.reference?.split('/')[0] ?? (e.query ? e.description?.split('?')[0] : undefined);
  });
  return [...new Set(kinds.filter((k): k is string => k === 'Staff account' || (Boolean(k) && /^[A-Z][A-Za-z]+$/.test(k!))))];
}

/** One audit row in the privacy officer's words. */
export function auditEntry(directory: Directory, row: AuditRow, event: AuditEvent = parseStoredJson(row.content) as AuditEvent, searched: readonly string[] = []): AuditEntryView {
  const patients = patientsOf(event);
  // The person searched for comes first, so a row naming many people shows them straight away.
  const ordered = [...patients.filter((id) => searched.includes(id)), ...patients.filter((id) => !searched.includes(id))];
  const actor = actorOf(directory, event);
  const purpose = event.purposeOfEvent?.flatMap((p) => p.coding ?? []).find((c) => c.system === ACT_REASON)?.code ?? 'TREAT';
  return {
    id: event.id ?? row.rid,
    when: event.recorded,
    who: actor,
    organisation: organisationOf(directory, row.organisation),
    action: actionOf(event, actor),
    touched: touchedOf(event),
    people: ordered.map((id) => ({ nhsNumber: directory.nhsNumbers.get(id) ?? null })),
    purpose: { code: purpose, label: purposeLabel(purpose) },
    breakGlass: purpose === 'ETREAT',
    outcome: { code: event.outcome ?? '0', label: OUTCOMES[event.outcome ?? '0'] ?? event.outcome ?? 'Unknown' },
  };
}

/** The ids a page of rows needs names for. */
export function idsOf(events: AuditEvent[]): { staff: string[]; clients: string[]; patients: string[] } {
  const staff: string[] = [];
  const clients: string[] = [];
  const patients: string[] = [];
  for (const event of events) {
    const requestor = requestorOf(event);
    if (requestor?.kind === 'user') staff.push(requestor.id);
    if (requestor?.kind === 'client') clients.push(requestor.id);
    patients.push(...patientsOf(event));
  }
  return { staff, clients, patients };
}
