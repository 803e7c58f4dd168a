import type { Organization, OrganizationAffiliation } from '@footprint/fhir';
import { ODS_SYSTEM, ONS_SYSTEM } from '@footprint/fhir';
import type { Repository } from '@footprint/record';
import { PartnershipProblem } from '../errors';
import { inPeriod, isCalendarDate } from '../store/fields';
import { affiliationPeriod, affiliationRole, identifierOf, isIllustrative, organisationIdOf, organisationKindOf, searchAll } from './members';
import { isPartnershipRole, partnershipRoleLabel } from './roles';

/** One organisation in the directory, with the roles it holds in the partnership. */
export interface OrganisationSummary {
  id: string;
  name: string;
  odsCode?: string;
  onsCode?: string;
  kind: string;
  active: boolean;
  illustrative: boolean;
  /** Its roles in the partnership body (on the date asked for, or at any time), distinct. */
  roles: { code: string; label: string }[];
  /** The alliances and integrated care partnerships it belongs to (on the date, or at any time). */
  alliances: { id: string; name: string }[];
}

export interface DirectoryQuery {
  /** Part of a name, or the start of an ODS or ONS code (any case). */
  q?: string;
  kind?: string;
  role?: string;
  /** YYYY-MM-DD: only organisations with a membership on that day. */
  on?: string;
}

export interface OrganisationDirectoryView {
  organisations: OrganisationSummary[];
  /** Counts of the matches by kind, before the kind filter (so each kind shows what choosing it gives). */
  countsByKind: { kind: string; count: number }[];
  total: number;
}

/** Checks a directory query's values; unknown kinds are the caller's to check (the kinds list lives in @footprint/warehouse). */
export function checkDirectoryQuery(query: Record<string, unknown>): DirectoryQuery {
  const out: DirectoryQuery = {};
  for (const name of ['q', 'kind', 'role', 'on'] as const) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') throw new PartnershipProblem(400, `Invalid ${name}`, `Give ${name} once, as text.`);
    if (value.length > 200) throw new PartnershipProblem(400, `Invalid ${name}`, `${name} must be at most 200 characters.`);
    out[name] = value.trim();
  }
  if (out.on !== undefined && !isCalendarDate(out.on)) throw new PartnershipProblem(400, 'Invalid date', `on must be a date written YYYY-MM-DD (got "${out.on}").`);
  if (out.role !== undefined && !isPartnershipRole(out.role)) throw new PartnershipProblem(400, 'Unknown role', `role "${out.role}" is not a partnership role (docs/partnership.md lists them).`);
  return out;
}

/**
 * The directory: every Organization in the record (the one list), with its roles in the
 * partnership body `bodyId` and the alliances it belongs to, filtered and counted by kind.
 * `kindOf` classifies an Organization (the server passes the one classifier, which also knows
 * ODS role codes; the default reads Footprint's organisation-kind coding).
 */
export async function organisationDirectory(record: Repository, bodyId: string, query: DirectoryQuery, kindOf: (org: Organization) => string = organisationKindOf): Promise<OrganisationDirectoryView> {
  const [organisations, affiliations] = await Promise.all([
    searchAll<Organization>(record, 'Organization', []),
    searchAll<OrganizationAffiliation>(record, 'OrganizationAffiliation', []),
  ]);
  const names = new Map(organisations.map((o) => [o.id!, o.name ?? o.id!]));
  const kinds = new Map(organisations.map((o) => [o.id!, kindOf(o)]));
  const held = new Map<string, { roles: Map<string, string>; alliances: Map<string, string> }>();
  for (const a of affiliations) {
    if (a.active === false || (query.on && !inPeriod(affiliationPeriod(a), query.on))) continue;
    const member = organisationIdOf(a.participatingOrganization?.reference);
    const primary = organisationIdOf(a.organization?.reference);
    if (!member || !primary) continue;
    const entry = held.get(member) ?? { roles: new Map(), alliances: new Map() };
    held.set(member, entry);
    if (primary === bodyId) entry.roles.set(affiliationRole(a), partnershipRoleLabel(affiliationRole(a)));
    else if (['provider_alliance', 'integrated_care_partnership'].includes(kinds.get(primary) ?? '')) entry.alliances.set(primary, names.get(primary) ?? primary);
  }
  const q = query.q?.toLowerCase();
  const matches: OrganisationSummary[] = [];
  for (const org of organisations) {
    const ods = identifierOf(org, ODS_SYSTEM);
    const ons = identifierOf(org, ONS_SYSTEM);
    const entry = held.get(org.id!);
    if (q && !(org.name ?? '').toLowerCase().includes(q) && !ods?.toLowerCase().startsWith(q) && !ons?.toLowerCase().startsWith(q)) continue;
    if (query.role && !entry?.roles.has(query.role)) continue;
    if (query.on && !entry && org.id !== bodyId) continue;
    matches.push({
      id: org.id!,
      name: org.name ?? ods ?? org.id!,
      ...(ods ? { odsCode: ods } : {}),
      ...(ons ? { onsCode: ons } : {}),
      kind: kinds.get(org.id!)!,
      active: org.active !== false,
      illustrative: isIllustrative(org),
      roles: [...(entry?.roles ?? [])].map(([code, label]) => ({ code, label })),
      alliances: [...(entry?.alliances ?? [])].map(([id, name]) => ({ id, name })),
    });
  }
  const counts = new Map<string, number>();
  for (const m of matches) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const shown = query.kind ? matches.filter((m) => m.kind === query.kind) : matches;
  shown.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { organisations: shown, countsByKind: [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => a.kind.localeCompare(b.kind)), total: shown.length };
}
