import { randomUUID } from 'node:crypto';
import type { Coding, Organization, OrganizationAffiliation } from '@footprint/fhir';
import { DATA_STATUS_SYSTEM, ILLUSTRATIVE_TAG, ODS_SYSTEM, ONS_SYSTEM, ORGANISATION_KIND_SYSTEM, odsCodeProblem } from '@footprint/fhir';
import type { AccessContext, Repository } from '@footprint/record';
import { readCsv, type CsvRow } from '../csv/csv';
import { PartnershipProblem } from '../errors';
import type { Editor } from '../store/items';
import { isCalendarDate } from '../store/fields';
import { affiliationCoding } from './edits';
import { affiliationPeriod, affiliationRole, identifierOf, isIllustrative, organisationIdOf, organisationKindOf, searchAll } from './members';
import { registerContext, withEditor } from './register-context';
import { REGISTER_COLUMNS } from './register-csv';
import { isPartnershipRole } from './roles';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export interface RegisterImportReport {
  rows: number;
  organisations: ImportCounts;
  memberships: ImportCounts;
}

export interface RegisterImportOptions {
  editor: Editor;
  /** The kind codes accepted (the server passes ORGANISATION_KINDS' codes). */
  kinds: readonly string[];
  /** The partnership body the register acts for, if the record has one yet. */
  bodyId?: string;
  request?: AccessContext['request'];
  onProgress?: (done: number, total: number) => void;
}

interface OrgFacts { id: string; ods: string; ons: string; name: string; kind: string; active: boolean; illustrative: boolean; row: number }
interface MembershipFacts { id: string; member: string; primary: string; role: string; start: string; end: string; active: boolean; illustrative: boolean; row: number }

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const fail = (row: number, column: string, message: string): never => {
  throw new PartnershipProblem(400, 'Invalid row', `Row ${row}, column ${column}: ${message}. Nothing was imported.`);
};
const bool = (row: CsvRow, column: string, fallback: boolean): boolean => {
  const v = row.cells[column]?.toLowerCase() ?? '';
  if (v === '') return fallback;
  if (v === 'true' || v === 'false') return v === 'true';
  return fail(row.row, column, 'must be true or false');
};

/** Reads and checks every row; throws (naming row and column) before anything is written. */
export function checkRegisterCsv(text: string, existing: readonly Organization[], kinds: readonly string[]): { organisations: OrgFacts[]; memberships: MembershipFacts[]; rows: number } {
  const rows = readCsv(text, { required: ['name', 'kind'] });
  const unknown = Object.keys(rows[0]?.cells ?? {}).filter((c) => !(REGISTER_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) throw new PartnershipProblem(400, 'Unknown column', `The header row has ${unknown.join(', ')}; the columns are ${REGISTER_COLUMNS.join(', ')}.`);
  const byOds = new Map(existing.flatMap((o) => (identifierOf(o, ODS_SYSTEM) ? [[identifierOf(o, ODS_SYSTEM)!, o.id!] as const] : [])));
  const organisations = new Map<string, OrgFacts>();
  const memberships: MembershipFacts[] = [];
  for (const row of rows) {
    const c = (name: string) => row.cells[name] ?? '';
    const ods = c('ods_code');
    const ons = c('ons_code');
    if (ods && odsCodeProblem(ods)) fail(row.row, 'ods_code', odsCodeProblem(ods)!);
    if (ons && !/^[EWSNK]\d{8}$/.test(ons)) fail(row.row, 'ons_code', 'must be an ONS code such as E54000008');
    const name = c('name');
    if (!name || name.length > 200 || /[\u0000-\u001f\u007f]/.test(name)) fail(row.row, 'name', 'must be 1 to 200 characters without control characters');
    if (!kinds.includes(c('kind'))) fail(row.row, 'kind', `must be one of ${kinds.join(', ')}`);
    let id = c('organisation_id');
    if (id && !ID.test(id)) fail(row.row, 'organisation_id', 'must be 1 to 64 letters, digits, hyphens and dots');
    if (!id) id = (ods && byOds.get(ods)) || (ods ? `org-${ods}` : ons ? `org-${ons}` : fail(row.row, 'organisation_id', 'give organisation_id, ods_code or ons_code'));
    if (ods) byOds.set(ods, id);
    const facts: OrgFacts = { id, ods, ons, name, kind: c('kind'), active: bool(row, 'organisation_active', true), illustrative: bool(row, 'organisation_illustrative', false), row: row.row };
    const seen = organisations.get(id);
    if (seen) {
      for (const [key, column] of [['ods', 'ods_code'], ['ons', 'ons_code'], ['name', 'name'], ['kind', 'kind'], ['active', 'organisation_active'], ['illustrative', 'organisation_illustrative']] as const) {
        if (seen[key] !== facts[key]) fail(row.row, column, `differs from row ${seen.row} for the same organisation`);
      }
    } else organisations.set(id, facts);
    const membershipColumns = ['role', 'start', 'end', 'member_of', 'membership_id', 'membership_active', 'membership_illustrative'];
    if (!c('member_of')) {
      const stray = membershipColumns.find((m) => c(m) !== '');
      if (stray) fail(row.row, 'member_of', `is empty but ${stray} is filled: name the partnership, alliance or partnership the organisation belongs to`);
      continue;
    }
    if (!isPartnershipRole(c('role'))) fail(row.row, 'role', 'must be a partnership role code (docs/partnership.md)');
    for (const column of ['start', 'end']) if (c(column) && !isCalendarDate(c(column))) fail(row.row, column, 'must be a date written YYYY-MM-DD');
    if (c('start') && c('end') && c('start') > c('end')) fail(row.row, 'end', 'is before start');
    if (c('membership_id') && !ID.test(c('membership_id'))) fail(row.row, 'membership_id', 'must be 1 to 64 letters, digits, hyphens and dots');
    memberships.push({
      id: c('membership_id'),
      member: id,
      primary: c('member_of'),
      role: c('role'),
      start: c('start'),
      end: c('end'),
      active: bool(row, 'membership_active', true),
      illustrative: bool(row, 'membership_illustrative', false),
      row: row.row,
    });
  }
  const known = new Set([...existing.map((o) => o.id!), ...organisations.keys()]);
  const ids = new Set<string>();
  for (const m of memberships) {
    const primary = known.has(m.primary) ? m.primary : byOds.get(m.primary);
    if (!primary) fail(m.row, 'member_of', `"${m.primary}" is neither an organisation id nor an ODS code in the record or the file`);
    m.primary = primary!;
    if (m.id && ids.has(m.id)) fail(m.row, 'membership_id', `${m.id} appears twice`);
    if (m.id) ids.add(m.id);
  }
  return { organisations: [...organisations.values()], memberships, rows: rows.length };
}

const managedOrg = (o: Organization | OrgFacts) =>
  'resourceType' in o
    ? JSON.stringify([identifierOf(o, ODS_SYSTEM) ?? '', identifierOf(o, ONS_SYSTEM) ?? '', o.name ?? '', organisationKindOf(o), o.active !== false, isIllustrative(o)])
    : JSON.stringify([o.ods, o.ons, o.name, o.kind, o.active, o.illustrative]);
const managedAff = (a: OrganizationAffiliation | MembershipFacts) =>
  'resourceType' in a
    ? JSON.stringify([organisationIdOf(a.organization?.reference), affiliationRole(a), affiliationPeriod(a).start ?? '', affiliationPeriod(a).end ?? '', a.active !== false, isIllustrative(a)])
    : JSON.stringify([a.primary, a.role, a.start, a.end, a.active, a.illustrative]);

function tagged<T extends Organization | OrganizationAffiliation>(resource: T, illustrative: boolean): T {
  const tags: Coding[] = (resource.meta?.tag ?? []).filter((t) => t.system !== DATA_STATUS_SYSTEM);
  if (illustrative) tags.push({ ...ILLUSTRATIVE_TAG });
  const { tag: _t, ...meta } = resource.meta ?? {};
  return { ...resource, meta: { ...meta, ...(tags.length ? { tag: tags } : {}) } };
}

function organisationFrom(facts: OrgFacts, existing: Organization | undefined): Organization {
  const base: Organization = existing ?? { resourceType: 'Organization', id: facts.id };
  const identifier = (base.identifier ?? []).filter((i) => i.system !== ODS_SYSTEM && i.system !== ONS_SYSTEM);
  if (facts.ods) identifier.unshift({ system: ODS_SYSTEM, value: facts.ods });
  if (facts.ons) identifier.push({ system: ONS_SYSTEM, value: facts.ons });
  const types = (base.type ?? []).filter((t) => !t.coding?.some((c) => c.system === ORGANISATION_KIND_SYSTEM));
  const { identifier: _i, ...rest } = base;
  return tagged({ ...rest, ...(identifier.length ? { identifier } : {}), active: facts.active, type: [{ coding: [{ system: ORGANISATION_KIND_SYSTEM, code: facts.kind }] }, ...types], name: facts.name }, facts.illustrative);
}

function affiliationFrom(facts: MembershipFacts, existing: OrganizationAffiliation | undefined): OrganizationAffiliation {
  const { period: _p, ...base } = existing ?? { resourceType: 'OrganizationAffiliation' as const, id: facts.id };
  return tagged(
    {
      ...base,
      active: facts.active,
      ...(facts.start || facts.end ? { period: { ...(facts.start ? { start: facts.start } : {}), ...(facts.end ? { end: facts.end } : {}) } } : {}),
      organization: { reference: `Organization/${facts.primary}` },
      participatingOrganization: { reference: `Organization/${facts.member}` },
      code: affiliationCoding(facts.role),
    },
    facts.illustrative,
  );
}

/**
 * Imports a register CSV (REGISTER_COLUMNS): every row is checked first and any bad row refuses
 * the whole file (400 naming row and column); then everything is written through the record in
 * one transaction, organisations before memberships, as new versions only where something changed.
 */
export async function importRegisterCsv(record: Repository, text: string, options: RegisterImportOptions): Promise<RegisterImportReport> {
  const [organisations, affiliations] = await Promise.all([searchAll<Organization>(record, 'Organization', []), searchAll<OrganizationAffiliation>(record, 'OrganizationAffiliation', [])]);
  const checked = checkRegisterCsv(text, organisations, options.kinds);
  const orgById = new Map(organisations.map((o) => [o.id!, o]));
  const affById = new Map(affiliations.map((a) => [a.id!, a]));
  const report: RegisterImportReport = { rows: checked.rows, organisations: { created: 0, updated: 0, unchanged: 0 }, memberships: { created: 0, updated: 0, unchanged: 0 } };
  for (const m of checked.memberships) {
    if (m.id) continue;
    // No membership_id: the same member, body, role and start is the same membership (a re-import changes nothing).
    const same = affiliations.find((a) => organisationIdOf(a.participatingOrganization?.reference) === m.member && organisationIdOf(a.organization?.reference) === m.primary && affiliationRole(a) === m.role && (affiliationPeriod(a).start ?? '') === m.start);
    m.id = same?.id ?? `aff-${randomUUID()}`;
  }
  const total = checked.organisations.length + checked.memberships.length;
  let done = 0;
  const ctx = registerContext(options.bodyId, options.request);
  await record.transaction(ctx, async (repo) => {
    for (const facts of checked.organisations) {
      const existing = orgById.get(facts.id);
      if (existing && managedOrg(existing) === managedOrg(facts)) report.organisations.unchanged++;
      else {
        await repo.update(ctx, withEditor(organisationFrom(facts, existing), options.editor));
        report.organisations[existing ? 'updated' : 'created']++;
      }
      options.onProgress?.(++done, total);
    }
    for (const facts of checked.memberships) {
      const existing = affById.get(facts.id);
      if (existing && managedAff(existing) === managedAff(facts) && organisationIdOf(existing.participatingOrganization?.reference) === facts.member) report.memberships.unchanged++;
      else {
        await repo.update(ctx, withEditor(affiliationFrom(facts, existing), options.editor));
        report.memberships[existing ? 'updated' : 'created']++;
      }
      options.onProgress?.(++done, total);
    }
  });
  return report;
}
