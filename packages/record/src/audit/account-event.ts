import { randomUUID } from 'node:crypto';
import type { AuditEvent, Coding } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import type { SqlClient } from '../db/sql-client';
import { Statement } from '../db/statement';
import type { AuditOutcome } from './audit-event';
import { addAuditEventRow } from './write';

/** The changes made to a staff account, and the sign-in attempts worth auditing. */
export const ACCOUNT_CHANGES = ['add', 'disable', 'enable', 'reset-password', 'set-role', 'change-password', 'sign-in-refused', 'sign-in-locked'] as const;
export type AccountChange = (typeof ACCOUNT_CHANGES)[number];

/** Footprint's code system for the account change (the event's second subtype). */
export const ACCOUNT_CHANGE_SYSTEM = 'https://footprint.nhs.uk/CodeSystem/account-change';
const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const USER_SYSTEM = 'https://footprint.nhs.uk/Id/principal/user';
const PRINCIPAL_SYSTEM = 'https://footprint.nhs.uk/Id/principal';

/**
 * DICOM audit codes (PS3.16 CID 400/401): account changes are a Security Alert (110113) of
 * subtype "User Security Attributes Changed" (110137), or "Security Roles Changed" (110136) for
 * a new role; sign-in attempts are User Authentication (110114), subtype Login (110122).
 */
const SECURITY_ALERT: Coding = { system: DCM, code: '110113', display: 'Security Alert' };
const USER_AUTHENTICATION: Coding = { system: DCM, code: '110114', display: 'User Authentication' };
const ATTRIBUTES_CHANGED: Coding = { system: DCM, code: '110137', display: 'User Security Attributes Changed' };
const ROLES_CHANGED: Coding = { system: DCM, code: '110136', display: 'Security Roles Changed' };
const LOGIN: Coding = { system: DCM, code: '110122', display: 'Login' };

const CHANGE_LABELS: Record<AccountChange, string> = {
  add: 'Account added',
  disable: 'Account disabled',
  enable: 'Account enabled',
  'reset-password': 'Password reset to a temporary password',
  'set-role': 'Role changed',
  'change-password': 'Password changed by the account holder',
  'sign-in-refused': 'Sign-in refused',
  'sign-in-locked': 'Account locked after repeated wrong passwords',
};

export interface AccountEventFacts {
  change: AccountChange;
  /** The account changed: its id and username (never its password, hash or display name). */
  account: { id: string; username: string };
  /** What the account is now, as name and value (e.g. role `administrator (R8008)`, organisation `N81001`). */
  details?: Readonly<Record<string, string>>;
  outcome?: AuditOutcome;
  /** For a refusal: a short reason (e.g. `disabled`, `wrong password`). */
  outcomeDesc?: string;
}

/**
 * The AuditEvent for one account change: who made it (the administrator, the command line, or
 * the account holder), to which account, and what the account is now. It never holds a
 * password, a hash or a temporary password.
 */
export function buildAccountEvent(ctx: AccessContext, facts: AccountEventFacts, recorded: string): AuditEvent {
  const signIn = facts.change === 'sign-in-refused' || facts.change === 'sign-in-locked';
  const { principal } = ctx;
  return {
    resourceType: 'AuditEvent',
    id: randomUUID(),
    meta: { versionId: '1', lastUpdated: recorded },
    type: signIn ? USER_AUTHENTICATION : SECURITY_ALERT,
    subtype: [
      signIn ? LOGIN : facts.change === 'set-role' ? ROLES_CHANGED : ATTRIBUTES_CHANGED,
      { system: ACCOUNT_CHANGE_SYSTEM, code: facts.change, display: CHANGE_LABELS[facts.change] },
    ],
    action: facts.change === 'add' ? 'C' : signIn ? 'E' : 'U',
    recorded,
    outcome: facts.outcome ?? '0',
    ...(facts.outcomeDesc ? { outcomeDesc: facts.outcomeDesc } : {}),
    purposeOfEvent: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: ctx.purpose }] }],
    agent: [
      {
        who:
          principal.kind === 'patient'
            ? { reference: `Patient/${principal.id}` }
            : { identifier: { system: `${PRINCIPAL_SYSTEM}/${principal.kind}`, value: principal.id } },
        altId: principal.id,
        requestor: true,
        ...(principal.kind === 'user' ? { role: [{ text: principal.role }] } : {}),
        ...(ctx.request?.sourceIp ? { network: { address: ctx.request.sourceIp, type: '2' as const } } : {}),
      },
      ...(ctx.organisation ? [{ who: { reference: ctx.organisation.reference }, requestor: false }] : []),
    ],
    source: {
      observer: { display: 'Footprint shared care record' },
      type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4', display: 'Application Server' }],
    },
    entity: [
      {
        what: { identifier: { system: USER_SYSTEM, value: facts.account.id } },
        type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1', display: 'Person' },
        role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '11', display: 'Security User Entity' },
        name: facts.account.username,
        ...(facts.details
          ? { detail: Object.entries(facts.details).map(([type, valueString]) => ({ type, valueString })) }
          : {}),
      },
    ],
    ...(ctx.request?.id ? { extension: [{ url: 'https://footprint.nhs.uk/StructureDefinition/request-id', valueString: ctx.request.id }] } : {}),
  };
}

/**
 * Appends the AuditEvent of an account change to the record's append-only audit trail. Pass the
 * transaction that makes the change, so the change and its audit commit together.
 */
export async function writeAccountEvent(sql: SqlClient, ctx: AccessContext, facts: AccountEventFacts): Promise<AuditEvent> {
  const event = buildAccountEvent(ctx, facts, new Date().toISOString());
  const stmt = new Statement();
  addAuditEventRow(stmt, event, ctx.organisation?.reference ?? null, null);
  await stmt.run(sql);
  return event;
}
