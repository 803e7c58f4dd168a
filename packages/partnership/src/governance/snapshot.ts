import type { Item, PartnershipStore } from '../store/items';
import { inPeriod } from '../store/fields';
import { ACTION, AGENDA_ITEM, DECISION, GOVERNANCE_BODY, GOVERNANCE_MEMBER, MEETING, MEETING_PAPER, TERMS_OF_REFERENCE, type Action, type GovernanceBody, type Meeting } from './kinds';
import type { PartnershipOrganisations } from './organisations';
import { labelOf } from './fields';
import { ACTION_STATUSES, BODY_TYPES, MEETING_FREQUENCIES, MEETING_STATUSES, MEMBERSHIPS } from './vocabulary';
import type { ActionView, BodySummary, MeetingSummary, BodyMemberView, Stamp, Versioned } from './views';

/** An action is overdue while it is open or in progress and its due date has passed. */
export function isActionOverdue(action: Pick<Action, 'status' | 'dueDate'>, today: string): boolean {
  return (action.status === 'open' || action.status === 'in-progress') && action.dueDate < today;
}

export const longDate = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function versioned<T>(item: Item<T>): Versioned<T> {
  const stamp: Stamp = { id: item.id, version: item.version, updatedAt: item.updatedAt, updatedBy: item.updatedBy.name };
  return { ...item.data, ...stamp };
}

/**
 * Every live governance item of a footprint, read at once (eight queries) so pages and the action
 * log join bodies, meetings, decisions and actions without a query per row.
 */
export async function loadGovernance(store: PartnershipStore, footprint: string, organisations: PartnershipOrganisations, today: string) {
  const [bodies, terms, members, meetings, agenda, papers, decisions, actions] = await Promise.all([
    store.list(GOVERNANCE_BODY, footprint),
    store.list(TERMS_OF_REFERENCE, footprint),
    store.list(GOVERNANCE_MEMBER, footprint),
    store.list(MEETING, footprint),
    store.list(AGENDA_ITEM, footprint),
    store.list(MEETING_PAPER, footprint),
    store.list(DECISION, footprint),
    store.list(ACTION, footprint),
  ]);
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const decisionById = new Map(decisions.map((d) => [d.id, d]));

  const meetingTitle = (m: Item<Meeting>) => `${bodyById.get(m.parentId ?? '')?.data.name ?? 'Meeting'}, ${longDate(m.data.date)}`;
  const meetingSummary = (m: Item<Meeting>): MeetingSummary => {
    const { minutes, ...rest } = versioned(m);
    return { ...rest, title: meetingTitle(m), statusLabel: labelOf(MEETING_STATUSES, m.data.status), hasMinutes: !!minutes };
  };
  const byDate = (a: Item<Meeting>, b: Item<Meeting>) => a.data.date.localeCompare(b.data.date) || (a.data.startTime ?? '').localeCompare(b.data.startTime ?? '');

  const actionView = (a: Item<Action>): ActionView | undefined => {
    const decision = a.parentId ? decisionById.get(a.parentId) : undefined;
    const meeting = meetingById.get(decision ? (decision.parentId ?? '') : (a.parentId ?? ''));
    const body = meeting ? bodyById.get(meeting.parentId ?? '') : undefined;
    if (!meeting || !body) return undefined;
    const { owner, ...rest } = versioned(a);
    const organisation = owner.organisation ? organisations.show(owner.organisation) : undefined;
    const label = [owner.person, owner.role, organisation?.name].filter(Boolean).join(', ');
    return {
      ...rest,
      owner: { ...(organisation ? { organisation } : {}), ...(owner.role ? { role: owner.role } : {}), ...(owner.person ? { person: owner.person } : {}), label },
      statusLabel: labelOf(ACTION_STATUSES, a.data.status),
      overdue: isActionOverdue(a.data, today),
      body: { id: body.id, name: body.data.name },
      meeting: { id: meeting.id, title: meetingTitle(meeting), date: meeting.data.date },
      ...(decision ? { decision: { id: decision.id, ...(decision.data.reference ? { reference: decision.data.reference } : {}), text: decision.data.text } } : {}),
    };
  };
  const actionViews = actions
    .map(actionView)
    .filter((a): a is ActionView => !!a)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.description.localeCompare(b.description));

  const memberView = (m: (typeof members)[number]): BodyMemberView => {
    const { organisation, ...rest } = versioned(m);
    return { ...rest, ...(organisation ? { organisation: organisations.show(organisation) } : {}), membershipLabel: labelOf(MEMBERSHIPS, m.data.membership), current: inPeriod(m.data.period, today) };
  };

  const bodySummary = (b: Item<GovernanceBody>): BodySummary => {
    const own = meetings.filter((m) => m.parentId === b.id).sort(byDate);
    const next = own.find((m) => m.data.status === 'planned' && m.data.date >= today);
    const last = [...own].reverse().find((m) => m.data.status === 'held' && m.data.date <= today);
    const open = actionViews.filter((a) => a.body.id === b.id && (a.status === 'open' || a.status === 'in-progress'));
    return {
      ...versioned(b),
      typeLabel: labelOf(BODY_TYPES, b.data.type),
      ...(b.data.meetingFrequency ? { frequencyLabel: labelOf(MEETING_FREQUENCIES, b.data.meetingFrequency) } : {}),
      members: members.filter((m) => m.parentId === b.id && inPeriod(m.data.period, today)).length,
      ...(next ? { nextMeeting: meetingSummary(next) } : {}),
      ...(last ? { lastMeeting: meetingSummary(last) } : {}),
      openActions: open.length,
      overdueActions: open.filter((a) => a.overdue).length,
    };
  };
  const typeOrder = (b: Item<GovernanceBody>) => BODY_TYPES.findIndex((t) => t.code === b.data.type);
  const sortedBodies = [...bodies].sort((a, b) => typeOrder(a) - typeOrder(b) || a.data.name.localeCompare(b.data.name));

  return { bodies: sortedBodies, bodyById, terms, members, meetings, meetingById, agenda, papers, decisions, decisionById, actions, actionViews, meetingTitle, meetingSummary, memberView, bodySummary, byDate };
}

export type GovernanceSnapshot = Awaited<ReturnType<typeof loadGovernance>>;
