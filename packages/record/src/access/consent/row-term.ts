import type { AccessContext } from '../../access-context';
import { breakGlassGrant } from '../break-glass/terms';
import { BREAK_GLASS_ROLES } from '../break-glass/roles';
import { ALL, NONE, or, unattached, type AccessTerm } from '../terms';
import { notOptedOut, sharingChoicePermits, voluntarySharing } from './terms';

/**
 * The person's control over their record, as the row part of a context's term (H2's share of
 * the composition rule in the access policy):
 *
 * - planning and research (PUBHLTH, HRESCH, the warehouse build): every row not withheld by an opt-out;
 * - staff acting for direct care (TREAT): rows that belong to no patient, rows the person's
 *   sharing choice permits to the user's organisation, and rows of people the user broke glass
 *   for. Once care relationships are merged, the sharing-choice part is ANDed with the
 *   relationship and the break-glass part stays an alternative to it;
 * - voluntary-sector workers: only people who agreed to share with their organisation (the types
 *   come from the staff policy's scopes).
 */
export function trustRowTerm(ctx: AccessContext): AccessTerm {
  const { principal, purpose } = ctx;
  if (purpose === 'PUBHLTH' || purpose === 'HRESCH') return notOptedOut();
  if (principal.kind !== 'user' || purpose !== 'TREAT') return ALL;
  const organisation = ctx.organisation?.reference;
  if (!organisation) return NONE;
  if (principal.role === 'voluntary_worker') return or(unattached(), voluntarySharing(organisation));
  if ((BREAK_GLASS_ROLES as readonly string[]).includes(principal.role)) {
    return or(unattached(), sharingChoicePermits(organisation), breakGlassGrant(principal.id, organisation));
  }
  return ALL;
}
