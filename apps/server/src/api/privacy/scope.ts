import type { PartnerOrganisation } from '../partner-organisations';
import type { StaffUser } from '../auth/users';
import { ApiProblem } from '../problem';
import type { PrivacyScopeView } from './audit-views';

/**
 * Whose audit a privacy officer may read. The officer of a partner organisation (a trust, a
 * practice, a council) oversees what was done on behalf of their organisation: the audit rows
 * whose acting organisation is theirs. The officer of the partnership itself oversees the whole
 * footprint, including platform, partner-system and citizens' own accesses. An officer linked to
 * no organisation oversees nothing.
 */
export interface PrivacyScope {
  kind: 'organisation' | 'footprint';
  /** The acting organisation the rows must carry (`Organization/<id>`); null for the whole footprint. */
  organisation: string | null;
  view: PrivacyScopeView;
}

export function privacyScope(officer: StaffUser, partners: readonly PartnerOrganisation[]): PrivacyScope {
  const reference = officer.organisation?.reference;
  if (!reference) throw new ApiProblem(403, 'No organisation', 'A privacy officer oversees the audit of their organisation, and your account has none.');
  const partner = partners.find((p) => `Organization/${p.id}` === reference);
  const organisation = { code: partner?.code ?? officer.organisation?.code ?? null, name: partner?.name ?? officer.organisation?.name ?? reference };
  if (partner?.kind === 'partnership') return { kind: 'footprint', organisation: null, view: { kind: 'footprint', organisation } };
  return { kind: 'organisation', organisation: reference, view: { kind: 'organisation', organisation } };
}

/** The organisation filter a search may use: any in the footprint scope; only their own otherwise. */
export function organisationFilter(scope: PrivacyScope, requested: string | undefined): string | null {
  if (requested === undefined) return scope.organisation;
  if (scope.organisation !== null && requested !== scope.organisation) {
    throw new ApiProblem(403, 'Outside your organisation', 'You oversee the audit of your own organisation only.');
  }
  return requested;
}
