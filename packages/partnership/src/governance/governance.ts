import type { Repository, SqlClient } from '@footprint/record';
import { PartnershipProblem } from '../errors';
import type { RunningFootprint } from '../organisations/running';
import type { Editor, Item, PartnershipStore } from '../store/items';
import type { ItemKind } from '../store/kinds';
import { filterActions } from './actions';
import { paperHref } from './documents';
import { labelOf } from './fields';
import { AGENDA_ITEM, DECISION, GOVERNANCE_BODY, MEETING, MEETING_PAPER, TERMS_OF_REFERENCE, type TermsOfReference } from './kinds';
import { PartnershipOrganisations } from './organisations';
import { GOVERNANCE_SEGMENTS, type GovernanceSegment } from './segments';
import { todayInEngland } from '../store/fields';
import { loadGovernance, versioned } from './snapshot';
import { ACTION_STATUSES, AGENDA_PURPOSES, BODY_TYPES, DECISION_STATUSES, MEETING_FREQUENCIES, MEETING_STATUSES, MEMBERSHIPS, PAPER_TYPES } from './vocabulary';
import type { ActionLog, ActionLogFilter, BodyDetail, GovernanceOptions, GovernanceOverview, MeetingDetail, Versioned } from './views';
import { prepareData } from './writes';

/** Voting members before those in attendance. */
const membershipOrder = (code: string) => MEMBERSHIPS.findIndex((m) => m.code === code);

/**
 * The partnership's governance for one footprint: its bodies, members, terms of reference,
 * meetings, agendas, papers, decisions and actions, as versioned store items. Reads join them
 * into the views pages show; writes resolve organisations against the record's register and
 * check references within a meeting before the one transaction the store writes in.
 */
export class Governance {
  private organisations?: Promise<PartnershipOrganisations>;

  constructor(
    readonly store: PartnershipStore,
    readonly record: Repository,
    readonly footprint: RunningFootprint,
    /** The platform's PostgreSQL, for uploaded documents (documents.ts). */
    readonly sql: SqlClient,
    private readonly today: () => string = () => todayInEngland(),
  ) {}

  register(): Promise<PartnershipOrganisations> {
    this.organisations ??= PartnershipOrganisations.load(this.record, this.footprint);
    return this.organisations;
  }

  private async snapshot() {
    const today = this.today();
    return { today, ...(await loadGovernance(this.store, this.footprint.onsCode, await this.register(), today)) };
  }

  async overview(): Promise<GovernanceOverview> {
    const s = await this.snapshot();
    const open = s.actionViews.filter((a) => a.status === 'open' || a.status === 'in-progress');
    const next = s.meetings.filter((m) => m.data.status === 'planned' && m.data.date >= s.today).sort(s.byDate).slice(0, 5);
    return {
      footprint: { onsCode: this.footprint.onsCode, name: this.footprint.name },
      today: s.today,
      bodies: s.bodies.map(s.bodySummary),
      nextMeetings: next.map((m) => ({ ...s.meetingSummary(m), body: { id: m.parentId!, name: s.bodyById.get(m.parentId!)?.data.name ?? '' } })),
      actions: { open: open.length, overdue: open.filter((a) => a.overdue).length },
    };
  }

  async body(id: string): Promise<BodyDetail> {
    await this.live(GOVERNANCE_BODY, id);
    const s = await this.snapshot();
    const body = s.bodyById.get(id)!;
    const terms = s.terms.find((t) => t.parentId === id);
    return {
      today: s.today,
      body: s.bodySummary(body),
      termsOfReference: terms ? versioned(terms) : null,
      members: s.members.filter((m) => m.parentId === id).map(s.memberView).sort((a, b) => Number(b.current) - Number(a.current) || membershipOrder(a.membership) - membershipOrder(b.membership) || (a.organisation?.name ?? a.role ?? '').localeCompare(b.organisation?.name ?? b.role ?? '')),
      meetings: s.meetings.filter((m) => m.parentId === id).sort(s.byDate).reverse().map(s.meetingSummary),
    };
  }

  async meeting(id: string): Promise<MeetingDetail> {
    await this.live(MEETING, id);
    const s = await this.snapshot();
    const meeting = s.meetingById.get(id)!;
    const body = s.bodyById.get(meeting.parentId!)!;
    const papers = s.papers.filter((p) => p.parentId === id);
    const agenda = s.agenda.filter((a) => a.parentId === id).sort((a, b) => a.data.order - b.data.order);
    const decisions = s.decisions.filter((d) => d.parentId === id).sort((a, b) => a.data.date.localeCompare(b.data.date) || (a.data.reference ?? '').localeCompare(b.data.reference ?? ''));
    return {
      today: s.today,
      body: { id: body.id, name: body.data.name },
      meeting: { ...versioned(meeting), title: s.meetingTitle(meeting), statusLabel: labelOf(MEETING_STATUSES, meeting.data.status) },
      agenda: agenda.map((a) => ({
        ...versioned(a),
        ...(a.data.purpose ? { purposeLabel: labelOf(AGENDA_PURPOSES, a.data.purpose) } : {}),
        papers: a.data.paperIds.flatMap((pid) => papers.filter((p) => p.id === pid).map((p) => ({ id: p.id, title: p.data.title, link: paperHref(p.data) }))),
      })),
      papers: papers.map((p) => ({ ...versioned(p), typeLabel: labelOf(PAPER_TYPES, p.data.type), href: paperHref(p.data) })),
      decisions: decisions.map((d) => {
        const item = agenda.find((a) => a.id === d.data.agendaItemId);
        return { ...versioned(d), statusLabel: labelOf(DECISION_STATUSES, d.data.status), ...(item ? { agendaItem: { id: item.id, title: item.data.title, order: item.data.order } } : {}) };
      }),
      actions: s.actionViews.filter((a) => a.meeting.id === id),
    };
  }

  /** The action log across every body, filtered; a body filter naming no body is a 404. */
  async actionLog(filter: ActionLogFilter): Promise<ActionLog> {
    if (filter.body) await this.live(GOVERNANCE_BODY, filter.body);
    const s = await this.snapshot();
    return { today: s.today, filter, actions: filterActions(s.actionViews, filter), bodies: s.bodies.map((b) => ({ id: b.id, name: b.data.name })), statuses: ACTION_STATUSES };
  }

  async options(): Promise<GovernanceOptions> {
    return {
      organisations: (await this.register()).list(),
      vocabulary: {
        bodyTypes: BODY_TYPES,
        meetingFrequencies: MEETING_FREQUENCIES,
        memberships: MEMBERSHIPS,
        meetingStatuses: MEETING_STATUSES,
        agendaPurposes: AGENDA_PURPOSES,
        paperTypes: PAPER_TYPES,
        decisionStatuses: DECISION_STATUSES,
        actionStatuses: ACTION_STATUSES,
      },
    };
  }

  /** Creates an item under a parent of the right collection (a body for members, a meeting or decision for actions…). */
  async create(segment: GovernanceSegment, parent: { segment: GovernanceSegment; id: string } | undefined, input: unknown, editor: Editor): Promise<Item> {
    const kind = GOVERNANCE_SEGMENTS[segment] as ItemKind;
    if (parent) await this.live(GOVERNANCE_SEGMENTS[parent.segment] as ItemKind, parent.id);
    const meetingId = parent ? await this.meetingOf(parent.segment, parent.id) : undefined;
    const data = await prepareData(this, kind, input, meetingId, undefined);
    return this.store.create(kind, { footprint: this.footprint.onsCode, data, ...(parent ? { parentId: parent.id } : {}) }, editor);
  }

  async update(segment: GovernanceSegment, id: string, input: unknown, ifVersion: number, editor: Editor): Promise<Item> {
    const kind = GOVERNANCE_SEGMENTS[segment] as ItemKind;
    const current = await this.live(kind, id);
    const meetingId = segment === 'bodies' || segment === 'members' || segment === 'meetings' ? undefined : await this.meetingOf(segment, id, current);
    const data = await prepareData(this, kind, input, meetingId, current);
    return this.store.update(kind, id, data, editor, { ifVersion });
  }

  async remove(segment: GovernanceSegment, id: string, ifVersion: number, editor: Editor): Promise<Item> {
    const kind = GOVERNANCE_SEGMENTS[segment] as ItemKind;
    const current = await this.live(kind, id);
    if (kind === MEETING_PAPER || kind === AGENDA_ITEM) await this.refuseIfReferenced(kind, current);
    return this.store.remove(kind, id, editor, { ifVersion });
  }

  /** Sets a body's terms of reference: the first time creates them (no ifVersion), later versions need ifVersion. */
  async setTermsOfReference(bodyId: string, input: unknown, ifVersion: number | undefined, editor: Editor): Promise<Versioned<TermsOfReference>> {
    await this.live(GOVERNANCE_BODY, bodyId);
    const [existing] = await this.store.list(TERMS_OF_REFERENCE, this.footprint.onsCode, { parentId: bodyId });
    if (!existing) return versioned(await this.store.create(TERMS_OF_REFERENCE, { footprint: this.footprint.onsCode, parentId: bodyId, data: input }, editor));
    if (ifVersion === undefined) throw new PartnershipProblem(400, 'Invalid terms of reference', `ifVersion: is required to change terms of reference (they are at version ${existing.version})`);
    return versioned(await this.store.update(TERMS_OF_REFERENCE, existing.id, input, editor, { ifVersion }));
  }

  /** The live item of this footprint, or a 404 naming its kind. */
  async live<T>(kind: ItemKind<T>, id: string): Promise<Item<T>> {
    const item = await this.store.get(kind, id);
    if (item.footprint !== this.footprint.onsCode) throw new PartnershipProblem(404, `No such ${kind.label}`, `There is no ${kind.label} with id ${id}.`);
    return item;
  }

  /** The meeting an item of `segment` with this id belongs to (itself, for a meeting). */
  private async meetingOf(segment: GovernanceSegment, id: string, item?: Item): Promise<string | undefined> {
    if (segment === 'meetings') return id;
    if (segment === 'bodies' || segment === 'members') return undefined;
    const current = item ?? (await this.live(GOVERNANCE_SEGMENTS[segment] as ItemKind, id));
    if (segment === 'actions' && current.parentId) {
      const decision = await this.store.find(DECISION, current.parentId);
      return decision ? (decision.parentId ?? undefined) : current.parentId;
    }
    return current.parentId ?? undefined;
  }

  /** A paper an agenda item takes, or an agenda item a decision was taken under, is not removed from under them. */
  private async refuseIfReferenced(kind: ItemKind, item: Item): Promise<void> {
    const meetingId = item.parentId ?? '';
    if (kind === MEETING_PAPER) {
      const users = (await this.store.list(AGENDA_ITEM, this.footprint.onsCode, { parentId: meetingId })).filter((a) => a.data.paperIds.includes(item.id));
      if (users.length) throw new PartnershipProblem(409, 'Paper is on the agenda', `Agenda item ${users.map((a) => `${a.data.order} (${a.data.title})`).join(', ')} takes this paper: take it off the agenda first.`);
    } else {
      const users = (await this.store.list(DECISION, this.footprint.onsCode, { parentId: meetingId })).filter((d) => d.data.agendaItemId === item.id);
      if (users.length) throw new PartnershipProblem(409, 'Agenda item has decisions', `${users.length} decision(s) were taken under this agenda item: change or remove them first.`);
    }
  }
}
