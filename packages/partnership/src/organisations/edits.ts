import { randomUUID } from 'node:crypto';
import type { Organization, OrganizationAffiliation } from '@footprint/fhir';
import { ORGANIZATION_ROLE_CODING } from './affiliation';
import type { AccessContext, Repository } from '@footprint/record';
import { z } from 'zod';
import { PartnershipProblem } from '../errors';
import type { Editor } from '../store/items';
import { isoDate } from '../store/fields';
import { affiliationPeriod, affiliationRole, searchAll } from './members';
import { registerContext, withEditor } from './register-context';
import { PARTNERSHIP_ROLE_SYSTEM, PARTNERSHIP_ROLES, partnershipRoleLabel } from './roles';

const roleCode = z.enum(PARTNERSHIP_ROLES.map((r) => r.code) as [string, ...string[]], { message: `must be one of ${PARTNERSHIP_ROLES.map((r) => r.code).join(', ')}` });
const dateOrNull = isoDate.nullable();

/** A new membership: of the partnership body unless `memberOf` names an alliance or integrated care partnership. */
export const newMembership = z.object({ memberOf: z.string().min(1).max(64).optional(), role: roleCode, start: isoDate.optional(), end: isoDate.optional() }).strict();
/** A change: any of role, start, end (null clears a date); `versionId` guards against a lost update. */
export const membershipChange = z.object({ role: roleCode.optional(), start: dateOrNull.optional(), end: dateOrNull.optional(), versionId: z.string().max(20).optional() }).strict();
export const membershipEnd = z.object({ end: isoDate, versionId: z.string().max(20).optional() }).strict();

/** zod's complaint as a 400 naming the field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.join('.') || 'body';
  throw new PartnershipProblem(400, `Invalid ${field}`, issue.code === 'unrecognized_keys' ? `Unknown field(s): ${(issue as { keys?: string[] }).keys?.join(', ')}.` : `${field} ${issue.message}.`);
}

export interface EditOptions {
  editor: Editor;
  /** The partnership body (the default `memberOf`, and the organisation the register acts for). */
  bodyId: string;
  request?: AccessContext['request'];
}

async function organisation(record: Repository, id: string, what: string): Promise<Organization> {
  const [found] = await searchAll<Organization>(record, 'Organization', [['_id', id]]);
  if (!found) throw new PartnershipProblem(404, `No such ${what}`, `The record holds no Organization ${id}.`);
  return found;
}

function checkPeriod(start: string | undefined, end: string | undefined): void {
  if (start && end && start > end) throw new PartnershipProblem(400, 'Invalid period', `The start (${start}) is after the end (${end}).`);
}

export function affiliationCoding(role: string) {
  return [{ coding: [{ system: PARTNERSHIP_ROLE_SYSTEM, code: role, display: partnershipRoleLabel(role) }] }, { coding: [ORGANIZATION_ROLE_CODING] }];
}

/** Adds `organisationId` as a member (of the partnership body, or of `memberOf`), written through the record. */
export async function addMembership(record: Repository, organisationId: string, input: z.infer<typeof newMembership>, options: EditOptions): Promise<OrganizationAffiliation> {
  checkPeriod(input.start, input.end);
  await organisation(record, organisationId, 'organisation');
  const primary = input.memberOf ?? options.bodyId;
  await organisation(record, primary, 'partnership, alliance or integrated care partnership');
  if (primary === organisationId && input.role !== 'nhs-commissioner') throw new PartnershipProblem(400, 'Invalid memberOf', 'An organisation is a member of itself only as the NHS commissioner (an ICB that is the partnership body).');
  const affiliation: OrganizationAffiliation = {
    resourceType: 'OrganizationAffiliation',
    id: `aff-${randomUUID()}`,
    active: true,
    ...(input.start || input.end ? { period: { ...(input.start ? { start: input.start } : {}), ...(input.end ? { end: input.end } : {}) } } : {}),
    organization: { reference: `Organization/${primary}` },
    participatingOrganization: { reference: `Organization/${organisationId}` },
    code: affiliationCoding(input.role),
  };
  const written = await record.create(registerContext(options.bodyId, options.request), withEditor(affiliation, options.editor), { keepId: true });
  return written.resource;
}

async function membershipOf(record: Repository, organisationId: string, affiliationId: string): Promise<OrganizationAffiliation> {
  const [found] = await searchAll<OrganizationAffiliation>(record, 'OrganizationAffiliation', [['_id', affiliationId]]);
  if (!found || (found.participatingOrganization?.reference !== `Organization/${organisationId}` && found.organization?.reference !== `Organization/${organisationId}`)) {
    throw new PartnershipProblem(404, 'No such membership', `Organisation ${organisationId} has no membership ${affiliationId}.`);
  }
  return found;
}

/** Changes a membership's role or period (a new version of its OrganizationAffiliation). */
export async function changeMembership(record: Repository, organisationId: string, affiliationId: string, change: z.infer<typeof membershipChange>, options: EditOptions): Promise<OrganizationAffiliation> {
  const existing = await membershipOf(record, organisationId, affiliationId);
  const was = affiliationPeriod(existing);
  const start = change.start === null ? undefined : (change.start ?? was.start);
  const end = change.end === null ? undefined : (change.end ?? was.end);
  checkPeriod(start, end);
  const role = change.role ?? affiliationRole(existing);
  const keptCodes = (existing.code ?? []).filter((c) => !c.coding?.some((k) => k.system === PARTNERSHIP_ROLE_SYSTEM || k.code === ORGANIZATION_ROLE_CODING.code));
  const { period: _p, ...rest } = existing;
  const next: OrganizationAffiliation = {
    ...rest,
    ...(start || end ? { period: { ...(start ? { start } : {}), ...(end ? { end } : {}) } } : {}),
    code: [...affiliationCoding(role), ...keptCodes],
  };
  const written = await record.update(registerContext(options.bodyId, options.request), withEditor(next, options.editor), change.versionId ? { ifMatch: change.versionId } : {});
  return written.resource;
}

/** Ends a membership on a date (its period's end; the membership stays in the history). */
export async function endMembership(record: Repository, organisationId: string, affiliationId: string, input: z.infer<typeof membershipEnd>, options: EditOptions): Promise<OrganizationAffiliation> {
  return changeMembership(record, organisationId, affiliationId, { end: input.end, ...(input.versionId ? { versionId: input.versionId } : {}) }, options);
}
