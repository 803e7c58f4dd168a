import { writeCsv } from '../csv/csv';
import { PartnershipProblem } from '../errors';
import { ACTION_STATUSES, type ActionStatus } from './vocabulary';
import type { ActionLogFilter, ActionView } from './views';

const STATUS_CODES = ACTION_STATUSES.map((s) => s.code) as readonly string[];

/**
 * Reads the action log's query (?status=open,in-progress&owner=&overdue=true|false&body=),
 * refusing (400, naming the parameter) anything it cannot mean. `status` may repeat or list
 * several codes separated by commas.
 */
export function parseActionLogQuery(query: Record<string, unknown>): ActionLogFilter {
  const one = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new PartnershipProblem(400, `Invalid ${name}`, `${name}: give it once`);
    return value.trim();
  };
  const filter: ActionLogFilter = {};
  const rawStatus = query.status;
  const statuses = (Array.isArray(rawStatus) ? rawStatus : rawStatus === undefined ? [] : [rawStatus]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
  for (const s of statuses) {
    if (!STATUS_CODES.includes(s)) throw new PartnershipProblem(400, 'Invalid status', `status: must be one of ${STATUS_CODES.join(', ')}, not ${s.slice(0, 30)}`);
  }
  if (statuses.length) filter.status = [...new Set(statuses)] as ActionStatus[];
  const owner = one('owner');
  if (owner !== undefined) {
    if (owner.length > 150) throw new PartnershipProblem(400, 'Invalid owner', 'owner: at most 150 characters');
    filter.owner = owner;
  }
  const overdue = one('overdue');
  if (overdue !== undefined) {
    if (overdue !== 'true' && overdue !== 'false') throw new PartnershipProblem(400, 'Invalid overdue', 'overdue: must be true or false');
    filter.overdue = overdue === 'true';
  }
  const body = one('body');
  if (body !== undefined) filter.body = body;
  return filter;
}

/** The actions the filter keeps. */
export function filterActions(actions: readonly ActionView[], filter: ActionLogFilter): ActionView[] {
  const owner = filter.owner?.toLowerCase();
  return actions.filter((a) => {
    if (filter.status && !filter.status.includes(a.status)) return false;
    if (filter.overdue !== undefined && a.overdue !== filter.overdue) return false;
    if (filter.body && a.body.id !== filter.body) return false;
    if (owner) {
      const o = a.owner;
      const exact = [o.organisation?.id, o.organisation?.odsCode].some((k) => k?.toLowerCase() === owner);
      const partial = [o.organisation?.name, o.role, o.person].some((t) => t?.toLowerCase().includes(owner));
      if (!exact && !partial) return false;
    }
    return true;
  });
}

export const ACTION_LOG_COLUMNS = [
  'id',
  'body',
  'meeting',
  'meeting_date',
  'decision',
  'description',
  'owner_organisation',
  'owner_ods_code',
  'owner_role',
  'owner_person',
  'due_date',
  'status',
  'overdue',
  'completed_on',
  'completion_note',
  'version',
  'updated_at',
  'updated_by',
] as const;

/** The action log as CSV, through the partnership's one writer (formula neutralisation). */
export function actionLogCsv(actions: readonly ActionView[]): string {
  return writeCsv(
    ACTION_LOG_COLUMNS,
    actions.map((a) => ({
      id: a.id,
      body: a.body.name,
      meeting: a.meeting.title,
      meeting_date: a.meeting.date,
      decision: a.decision ? (a.decision.reference ?? a.decision.text) : '',
      description: a.description,
      owner_organisation: a.owner.organisation?.name,
      owner_ods_code: a.owner.organisation?.odsCode,
      owner_role: a.owner.role,
      owner_person: a.owner.person,
      due_date: a.dueDate,
      status: a.status,
      overdue: a.overdue,
      completed_on: a.completedOn,
      completion_note: a.completionNote,
      version: a.version,
      updated_at: a.updatedAt,
      updated_by: a.updatedBy,
    })),
  );
}
