import { randomUUID } from 'node:crypto';
import { ODS_SYSTEM, type AuditEvent, type AuditEventEntity } from '@footprint/fhir';
import type { AccessContext } from '../access-context';

/** The RESTful interactions (http://hl7.org/fhir/restful-interaction) and Footprint's own operations that are audited. */
export type AuditedInteraction =
  | 'read'
  | 'vread'
  | 'update'
  | 'delete'
  | 'create'
  | 'search-type'
  | 'history-instance'
  | 'history-type'
  | 'history-system'
  | 'operation'
  | 'batch'
  | 'changes';

const ACTION: Record<AuditedInteraction, AuditEvent['action']> = {
  read: 'R',
  vread: 'R',
  update: 'U',
  delete: 'D',
  create: 'C',
  'search-type': 'E',
  'history-instance': 'R',
  'history-type': 'E',
  'history-system': 'E',
  operation: 'E',
  batch: 'E',
  changes: 'E',
};

export type AuditOutcome = '0' | '4' | '8' | '12';

export interface AuditFacts {
  interaction: AuditedInteraction;
  /** References to the resources touched (`Patient/1`, `Observation/2`); only references, never contents. */
  entities: readonly string[];
  /** The patients whose records were touched (their Patient ids), so people can see who looked. */
  patients: readonly string[];
  /** For searches: the query with identifying values redacted (see redactQuery). */
  query?: string;
  /** Operation name, e.g. `$everything`, `$import`. */
  operation?: string;
  outcome: AuditOutcome;
  /** For failures: the status and a short reason (no record contents). */
  outcomeDesc?: string;
}

const PRINCIPAL_SYSTEM = 'https://footprint.nhs.uk/Id/principal';

/**
 * Builds the FHIR AuditEvent for one interaction: who (principal and organisation), what
 * (entity references and the redacted query), when, action, outcome and purpose of use.
 * It never holds record contents or names.
 */
export function buildAuditEvent(ctx: AccessContext, facts: AuditFacts, recorded: string): AuditEvent {
  const { principal } = ctx;
  const entity: AuditEventEntity[] = [];
  const seen = new Set<string>();
  for (const reference of [...facts.patients.map((p) => `Patient/${p}`), ...facts.entities]) {
    if (seen.has(reference)) continue;
    seen.add(reference);
    entity.push({
      what: { reference },
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2', display: 'System Object' },
      ...(reference.startsWith('Patient/')
        ? { role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' } }
        : {}),
    });
  }
  if (facts.query !== undefined) {
    entity.push({
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2', display: 'System Object' },
      role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '24', display: 'Query' },
      query: Buffer.from(facts.query, 'utf8').toString('base64'),
      description: facts.query,
    });
  }
  const agent: AuditEvent['agent'] = [
    {
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] },
      who:
        principal.kind === 'patient'
          ? { reference: `Patient/${principal.id}` }
          : { identifier: { system: `${PRINCIPAL_SYSTEM}/${principal.kind}`, value: principal.id } },
      altId: principal.id,
      requestor: true,
      ...(principal.kind === 'user' ? { role: [{ text: principal.role }] } : {}),
      ...(ctx.request?.sourceIp ? { network: { address: ctx.request.sourceIp, type: '2' as const } } : {}),
    },
  ];
  if (ctx.organisation) {
    agent.push({
      who: {
        reference: ctx.organisation.reference,
        ...(ctx.organisation.odsCode ? { identifier: { system: ODS_SYSTEM, value: ctx.organisation.odsCode } } : {}),
      },
      requestor: false,
    });
  }
  return {
    resourceType: 'AuditEvent',
    id: randomUUID(),
    meta: { versionId: '1', lastUpdated: recorded },
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' },
    subtype: [
      facts.interaction === 'changes'
        ? { system: 'https://footprint.nhs.uk/CodeSystem/audit-interaction', code: 'changes', display: 'Changes feed' }
        : { system: 'http://hl7.org/fhir/restful-interaction', code: facts.interaction },
    ],
    action: ACTION[facts.interaction],
    recorded,
    outcome: facts.outcome,
    ...(facts.outcomeDesc ? { outcomeDesc: facts.outcomeDesc } : {}),
    purposeOfEvent: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: ctx.purpose }] }],
    agent,
    source: {
      observer: { display: 'Footprint shared care record' },
      type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4', display: 'Application Server' }],
    },
    ...(entity.length ? { entity } : {}),
    ...(requestExtensions(ctx).length ? { extension: requestExtensions(ctx) } : {}),
  };
}

/** The server's request id and, separately, the id the client sent (never taken as ours). */
function requestExtensions(ctx: AccessContext): { url: string; valueString: string }[] {
  const out: { url: string; valueString: string }[] = [];
  if (ctx.request?.id) out.push({ url: 'https://footprint.nhs.uk/StructureDefinition/request-id', valueString: ctx.request.id });
  if (ctx.request?.clientRequestId) out.push({ url: 'https://footprint.nhs.uk/StructureDefinition/client-request-id', valueString: ctx.request.clientRequestId });
  return out;
}

/** Search parameters whose values can identify a person; their values are replaced by `***` in audited queries. */
const IDENTIFYING = new Set(['name', 'family', 'given', 'phonetic', 'address', 'address-line', 'address-postalcode', 'telecom', 'phone', 'email', 'identifier', 'birthdate', 'text', 'content', '_text', '_content']);

/** The query string as audited: parameter names kept, identifying values (names, NHS numbers, contact details) redacted. */
export function redactQuery(resourceType: string, params: ReadonlyArray<readonly [string, string]>): string {
  const parts = params.map(([name, value]) => {
    const base = name.split(/[:.]/).pop() ?? name;
    const head = name.split(':')[0].split('.')[0];
    const identifying = IDENTIFYING.has(head) || IDENTIFYING.has(base);
    return `${encodeURIComponent(name)}=${identifying ? '***' : encodeURIComponent(value)}`;
  });
  return `${resourceType}?${parts.join('&')}`;
}

/** A fresh AuditEvent id (exported for tests). */
export const newAuditId = (): string => randomUUID();
