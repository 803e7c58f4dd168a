import type { ItemKind } from '../store/kinds';
import { ACTION, AGENDA_ITEM, DECISION, GOVERNANCE_BODY, GOVERNANCE_MEMBER, MEETING, MEETING_PAPER } from './kinds';

/**
 * The governance API's collections by URL segment (/api/partnership/governance/<segment>/:id),
 * and which collection each may be created under (POST …/<parent>/:id/<child>). Terms of
 * reference are one per body, set with PUT …/bodies/:id/terms-of-reference.
 */
export const GOVERNANCE_SEGMENTS = {
  bodies: GOVERNANCE_BODY,
  members: GOVERNANCE_MEMBER,
  meetings: MEETING,
  'agenda-items': AGENDA_ITEM,
  papers: MEETING_PAPER,
  decisions: DECISION,
  actions: ACTION,
} as const satisfies Record<string, ItemKind<never> | ItemKind<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type GovernanceSegment = keyof typeof GOVERNANCE_SEGMENTS;

export const GOVERNANCE_CHILDREN: ReadonlyArray<{ parent: GovernanceSegment; child: GovernanceSegment }> = [
  { parent: 'bodies', child: 'members' },
  { parent: 'bodies', child: 'meetings' },
  { parent: 'meetings', child: 'agenda-items' },
  { parent: 'meetings', child: 'papers' },
  { parent: 'meetings', child: 'decisions' },
  { parent: 'meetings', child: 'actions' },
  { parent: 'decisions', child: 'actions' },
];
