import { ACTION, AGENDA_ITEM, DECISION, GOVERNANCE_BODY, GOVERNANCE_MEMBER, MEETING, MEETING_PAPER, TERMS_OF_REFERENCE } from '../governance/kinds';
import { AMBITION, MILESTONE, PLAN, PRIORITY, PROGRAMME, RISK } from '../plan/kinds';
import { DELIVERY_SYSTEM, PLACE } from '../register/places';
import { itemKinds, registerItemKinds, type ItemKind } from '../store/kinds';

/**
 * Every kind of the register and the plan, each part's list. History titles and CSV export and
 * import look kinds up by name, so all of them must be registered when the server or the CLI
 * starts, not only those written since. Each part names its kinds in PART_KINDS below.
 */
// Typed loosely so that each part's lists (ItemKind<Place>[], ItemKind<Milestone>[]…) go in without casts.
const PART_KINDS: readonly (readonly Pick<ItemKind, 'kind' | 'label' | 'title'>[])[] = [
  [PLACE, DELIVERY_SYSTEM],
  [GOVERNANCE_BODY, TERMS_OF_REFERENCE, GOVERNANCE_MEMBER, MEETING, AGENDA_ITEM, MEETING_PAPER, DECISION, ACTION],
  [PLAN, PRIORITY, PROGRAMME, MILESTONE, RISK, AMBITION],
];

/** Registers every part's kinds (idempotent) and returns all registered kinds. */
export function registerPartnershipKinds(): ItemKind[] {
  registerItemKinds(...(PART_KINDS.flat() as ItemKind<never>[]));
  return itemKinds();
}
