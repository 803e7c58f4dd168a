import { REFERRAL_CATEGORIES, type ReferralCategory } from './shape';
import { CoordinationInputError } from '../errors';

/** What a member of staff sends to make a referral (POST /api/coordination/referrals). */
export interface ReferralRequest {
  patientId: string;
  /** The receiving organisation's id (`Organization/{id}` or the bare id). */
  to: string;
  category: ReferralCategory;
  reason: string;
  dueDate?: string;
  priority?: 'routine' | 'urgent';
}

/** What a member of staff sends to move a Task on (POST /api/coordination/tasks/{id}/status). */
export interface TaskStatusChange {
  status: 'accepted' | 'rejected' | 'in-progress' | 'on-hold' | 'completed' | 'failed' | 'cancelled';
  /** Why: required when rejecting or failing; shown to the sender. */
  reason?: string;
  /** A note for the other organisation. */
  note?: string;
  /** The version the change was made against, so two people cannot overwrite each other. */
  version?: string;
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MOVES: readonly TaskStatusChange['status'][] = ['accepted', 'rejected', 'in-progress', 'on-hold', 'completed', 'failed', 'cancelled'];
const TEXT_LIMIT = 2000;

const record = (body: unknown): Record<string, unknown> => (body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {});

function text(problems: string[], body: Record<string, unknown>, field: string, required: boolean): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    if (required) problems.push(`${field} is required`);
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push(`${field} must be text`);
    return undefined;
  }
  const trimmed = value.trim();
  if (required && trimmed.length === 0) problems.push(`${field} is required`);
  if (trimmed.length > TEXT_LIMIT) problems.push(`${field} must be at most ${TEXT_LIMIT} characters`);
  return trimmed || undefined;
}

/** Checks a referral request, naming every problem at once; throws CoordinationInputError (400). */
export function parseReferralRequest(body: unknown): ReferralRequest {
  const b = record(body);
  const problems: string[] = [];
  const patientId = text(problems, b, 'patientId', true);
  if (patientId && !ID.test(patientId)) problems.push('patientId is not a record id');
  const rawTo = text(problems, b, 'to', true);
  const to = rawTo?.replace(/^Organization\//, '');
  if (to && !ID.test(to)) problems.push('to must be an organisation id (Organization/{id})');
  const category = text(problems, b, 'category', true);
  if (category && !(REFERRAL_CATEGORIES as readonly string[]).includes(category)) problems.push(`category must be one of ${REFERRAL_CATEGORIES.join(', ')}`);
  const reason = text(problems, b, 'reason', true);
  const dueDate = text(problems, b, 'dueDate', false);
  if (dueDate && (!DATE.test(dueDate) || Number.isNaN(Date.parse(dueDate)))) problems.push('dueDate must be a date, YYYY-MM-DD');
  const priority = text(problems, b, 'priority', false);
  if (priority && priority !== 'routine' && priority !== 'urgent') problems.push('priority must be routine or urgent');
  if (problems.length) throw new CoordinationInputError(problems);
  return {
    patientId: patientId!,
    to: `Organization/${to!}`,
    category: category as ReferralCategory,
    reason: reason!,
    ...(dueDate ? { dueDate } : {}),
    ...(priority ? { priority: priority as 'routine' | 'urgent' } : {}),
  };
}

/** Checks a change of a Task's status; throws CoordinationInputError (400). */
export function parseTaskStatusChange(body: unknown): TaskStatusChange {
  const b = record(body);
  const problems: string[] = [];
  const status = text(problems, b, 'status', true);
  if (status && !(MOVES as readonly string[]).includes(status)) problems.push(`status must be one of ${MOVES.join(', ')}`);
  const reason = text(problems, b, 'reason', false);
  const note = text(problems, b, 'note', false);
  const version = b.version === undefined ? undefined : String(b.version);
  if (version !== undefined && !/^\d{1,9}$/.test(version)) problems.push('version must be the version number the change was made against');
  if ((status === 'rejected' || status === 'failed') && !reason) problems.push(`reason is required when the task is ${status}: the organisation that asked is shown it`);
  if (problems.length) throw new CoordinationInputError(problems);
  return { status: status as TaskStatusChange['status'], ...(reason ? { reason } : {}), ...(note ? { note } : {}), ...(version ? { version } : {}) };
}
