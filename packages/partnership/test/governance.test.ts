import { createRecord, recordMigrationSets, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionLogCsv, Governance, ILLUSTRATIVE, isActionOverdue, loadTestPartnership, parseActionLogQuery, partnershipMigrationSets, PartnershipProblem, PartnershipStore, readCsv, runningFootprint, seedDemoPartnership, type Editor, type RunningFootprint } from '../src';

const lead: Editor = { id: 'u-lead', name: 'Pat Lead', role: 'partnership_lead' };
const TODAY = '2026-12-02';

async function refusal(promise: Promise<unknown>): Promise<PartnershipProblem> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartnershipProblem);
  return error as PartnershipProblem;
}

for (const kind of postgresKinds()) {
  describe(`the partnership's governance (${kind})`, () => {
    let record: OpenRecord;
    let store: PartnershipStore;
    let footprint: RunningFootprint;
    let governance: Governance;
    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'partnership_governance', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...partnershipMigrationSets] }));
      store = new PartnershipStore(record.sql);
      await loadTestPartnership(record.repo);
      footprint = (await runningFootprint(record.repo))!;
      governance = new Governance(store, record.repo, footprint, record.sql, () => TODAY);
    });
    afterAll(async () => record?.close());

    it('seeds Cheshire and Merseyside’s bodies once, from the record’s organisations, marked illustrative', async () => {
      const context = { store, record: record.repo, footprint };
      await seedDemoPartnership(context);
      const versions = (await store.recentChanges('E54000008', { limit: 500 })).length;
      await seedDemoPartnership(context);
      expect((await store.recentChanges('E54000008', { limit: 500 })).length).toBe(versions);

      const overview = await governance.overview();
      expect(overview.bodies.map((b) => b.name)).toEqual(['Partnership Board', 'Health and Care Partnership Assembly', 'Collaborative Commissioning Forum', 'Cancer Network', 'Cardiovascular Network', 'Clinical Leadership Group']);
      expect(overview.bodies.every((b) => b.note === ILLUSTRATIVE)).toBe(true);
      expect(overview.nextMeetings.map((m) => m.date)).toEqual(['2026-12-03', '2026-12-10', '2026-12-17']);
      expect(overview.actions.overdue).toBeGreaterThan(0);
      expect(overview.actions.open).toBeGreaterThan(overview.actions.overdue);

      const board = await governance.body('gov-board');
      expect(board.termsOfReference?.text).toContain('Quorum.');
      const organisations = board.members.flatMap((m) => (m.organisation ? [m.organisation.name] : []));
      expect(organisations).toContain('Mid Cheshire Hospitals NHS Foundation Trust');
      expect(organisations).toContain('Cheshire and Merseyside Health and Care Partnership');
      expect(organisations).not.toContain('Somewhere Else NHS Trust');
      expect(board.members.every((m) => m.role && !/\b(Dr|Mr|Mrs|Ms)\b/.test(m.role))).toBe(true);

      const meeting = await governance.meeting('gov-board-2025-09-25');
      expect(meeting.agenda.map((a) => a.order)).toEqual([1, 2, 3, 4]);
      expect(meeting.agenda[2].papers.map((p) => p.title)).toEqual(['Winter plan 2025/26']);
      expect(meeting.decisions.map((d) => [d.reference, d.status, d.agendaItem?.order])).toEqual([['PB-2025-18', 'approved', 3], ['PB-2025-19', 'deferred', 4]]);
      expect(meeting.actions.map((a) => [a.status, a.overdue, a.decision?.reference])).toEqual([['open', true, 'PB-2025-18'], ['in-progress', true, 'PB-2025-19']]);
      expect(meeting.actions[0].owner.label).toBe('Chief Operating Officer, Mid Cheshire Hospitals NHS Foundation Trust');
    });

    it('resolves a member’s organisation against the register and refuses one that is not a member, writing nothing', async () => {
      const body = await governance.create('bodies', undefined, { name: 'Estates Group', type: 'committee', purpose: 'Shares estates plans.' }, lead);
      const member = await governance.create('members', { segment: 'bodies', id: body.id }, { organisation: 'ZL109', role: 'Director of Place', membership: 'voting' }, lead);
      expect(member.data).toEqual({ organisation: { id: 'org-ZL109', odsCode: 'ZL109' }, role: 'Director of Place', membership: 'voting' });
      const stranger = await refusal(governance.create('members', { segment: 'bodies', id: body.id }, { organisation: 'RXX', membership: 'voting' }, lead));
      expect([stranger.status, stranger.detail]).toEqual([400, "organisation: RXX is not one of the partnership's organisations"]);
      const neither = await refusal(governance.create('members', { segment: 'bodies', id: body.id }, { membership: 'attending' }, lead));
      expect(neither.detail).toBe('organisation: give an organisation, a role title or both');
      const badDate = await refusal(governance.create('members', { segment: 'bodies', id: body.id }, { role: 'Chair', membership: 'voting', period: { start: '2024-02-30' } }, lead));
      expect(badDate.detail).toBe('period.start: must be a date written YYYY-MM-DD');
      expect((await refusal(governance.create('bodies', undefined, { type: 'committee', purpose: 'x' }, lead))).detail).toBe('name: is required');
      expect((await refusal(governance.create('bodies', undefined, { name: 'X', type: 'club', purpose: 'x' }, lead))).detail).toMatch(/^type: must be one of partnership-board, /);
      expect((await governance.body(body.id)).members).toHaveLength(1);
      expect((await refusal(governance.create('meetings', { segment: 'meetings', id: body.id }, { date: '2026-01-01', online: true, status: 'planned', public: false }, lead))).status).toBe(404);
    });

    it('computes overdue from the due date, needs a completion date when done, and refuses a stale edit', async () => {
      const meeting = await governance.create('meetings', { segment: 'bodies', id: 'gov-board' }, { date: '2026-11-05', online: true, status: 'held', public: false }, lead);
      const action = await governance.create('actions', { segment: 'meetings', id: meeting.id }, { description: 'Write the estates strategy', owner: { organisation: 'org-RBT', role: 'Director of Estates' }, dueDate: '2026-11-30', status: 'open' }, lead);
      expect('overdue' in (action.data as object)).toBe(false);
      expect(isActionOverdue({ status: 'open', dueDate: '2026-11-30' }, TODAY)).toBe(true);
      expect(isActionOverdue({ status: 'open', dueDate: TODAY }, TODAY)).toBe(false);
      const data = { description: 'Write the estates strategy', owner: { organisation: 'RBT', role: 'Director of Estates' }, dueDate: '2026-11-30' };
      const noDate = await refusal(governance.update('actions', action.id, { ...data, status: 'done' }, 1, lead));
      expect(noDate.detail).toBe('completedOn: is required when the action is done');
      const early = await refusal(governance.update('actions', action.id, { ...data, status: 'open', completedOn: '2026-11-20' }, 1, lead));
      expect(early.detail).toBe('completedOn: must be left out while the action is open or in progress');
      const done = await governance.update('actions', action.id, { ...data, status: 'done', completedOn: '2026-12-01', completionNote: 'Approved by the board' }, 1, lead);
      expect(done.version).toBe(2);
      expect((await refusal(governance.update('actions', action.id, { ...data, status: 'cancelled', completedOn: '2026-12-01' }, 1, lead))).status).toBe(409);
      const [view] = (await governance.meeting(meeting.id)).actions;
      expect([view.status, view.overdue, view.completedOn, view.updatedBy]).toEqual(['done', false, '2026-12-01', 'Pat Lead']);
      // (The store's changedFields compares nested objects as JSON text, and jsonb reorders their keys, so `owner` may be listed too: reported to the lead.)
      const [completed, created] = (await store.history(action.id)).map((v) => v.changedFields);
      expect(completed).toEqual(expect.arrayContaining(['completedOn', 'completionNote', 'status']));
      expect(completed).not.toContain('description');
      expect(created).toEqual(['description', 'dueDate', 'owner', 'status']);
    });

    it('keeps agenda papers and decisions within their meeting', async () => {
      const meeting = await governance.create('meetings', { segment: 'bodies', id: 'gov-board' }, { date: '2026-10-01', online: false, location: 'Town Hall', status: 'held', public: true }, lead);
      const paper = await governance.create('papers', { segment: 'meetings', id: meeting.id }, { title: 'Estates', type: 'report', link: 'https://example.org/estates.pdf' }, lead);
      expect((await refusal(governance.create('papers', { segment: 'meetings', id: meeting.id }, { title: 'Bad', type: 'report', link: 'javascript:alert(1)' }, lead))).detail).toBe('link: must be a web address starting https://');
      const foreign = await refusal(governance.create('agenda-items', { segment: 'meetings', id: meeting.id }, { title: 'Other', paperIds: ['gov-board-2025-09-25-p1'] }, lead));
      expect(foreign.detail).toBe('paperIds: gov-board-2025-09-25-p1 is not a paper of this meeting');
      const first = await governance.create('agenda-items', { segment: 'meetings', id: meeting.id }, { title: 'Welcome' }, lead);
      const second = await governance.create('agenda-items', { segment: 'meetings', id: meeting.id }, { title: 'Estates', paperIds: [paper.id] }, lead);
      expect([(first.data as { order: number }).order, (second.data as { order: number }).order]).toEqual([1, 2]);
      expect((await refusal(governance.create('decisions', { segment: 'meetings', id: meeting.id }, { text: 'x', date: '2026-10-01', status: 'approved', agendaItemId: 'gov-board-2025-09-25-a3' }, lead))).detail).toBe('agendaItemId: gov-board-2025-09-25-a3 is not an agenda item of this meeting');
      await governance.create('decisions', { segment: 'meetings', id: meeting.id }, { text: 'Approved the estates plan', date: '2026-10-01', status: 'approved', agendaItemId: second.id }, lead);
      expect((await refusal(governance.remove('papers', paper.id, 1, lead))).status).toBe(409);
      expect((await refusal(governance.remove('agenda-items', second.id, 1, lead))).status).toBe(409);
      expect((await governance.meeting(meeting.id)).agenda[1].papers.map((p) => p.id)).toEqual([paper.id]);
    });

    it('filters the action log and writes it as CSV through the one writer', async () => {
      const all = await governance.actionLog({});
      const overdue = await governance.actionLog(parseActionLogQuery({ overdue: 'true' }));
      expect(overdue.actions.length).toBeGreaterThan(0);
      expect(overdue.actions.every((a) => a.overdue && a.dueDate < TODAY)).toBe(true);
      const done = await governance.actionLog(parseActionLogQuery({ status: 'done,cancelled' }));
      expect(done.actions.every((a) => ['done', 'cancelled'].includes(a.status))).toBe(true);
      const trust = await governance.actionLog(parseActionLogQuery({ owner: 'rbt' }));
      expect(trust.actions.length).toBeGreaterThan(0);
      expect(trust.actions.every((a) => a.owner.organisation?.odsCode === 'RBT')).toBe(true);
      const cancer = await governance.actionLog(parseActionLogQuery({ body: 'gov-cancer' }));
      expect(cancer.actions.map((a) => a.body.name)).toEqual(['Cancer Network']);
      expect(all.actions.length).toBeGreaterThan(done.actions.length + overdue.actions.length - 1);
      expect(() => parseActionLogQuery({ status: 'late' })).toThrow(/status: must be one of open, in-progress, done, cancelled/);
      expect(() => parseActionLogQuery({ overdue: 'yes' })).toThrow(/overdue: must be true or false/);
      expect((await refusal(governance.actionLog({ body: 'no-such-body' }))).status).toBe(404);

      const csv = actionLogCsv(all.actions);
      const rows = readCsv(csv, { required: ['id', 'due_date', 'status', 'overdue'] });
      expect(rows).toHaveLength(all.actions.length);
      expect(rows.find((r) => r.cells.id === 'gov-board-2025-09-25-d1-x1')?.cells).toMatchObject({ status: 'open', overdue: 'true', owner_ods_code: 'RBT', body: 'Partnership Board' });
    });
  });
}
