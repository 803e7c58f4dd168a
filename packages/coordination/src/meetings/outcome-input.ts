import { CoordinationInputError } from '../errors';
import { REFERRAL_CATEGORIES, type ReferralCategory } from '../referrals/shape';

/** One action agreed at a meeting: who does what, by when. Another organisation's action is a referral to it. */
export interface MeetingAction {
  description: string;
  /** The organisation that will do it, `Organization/{id}`: the host's own is a Task, another's a referral. */
  owner: string;
  dueDate?: string;
  /** For another organisation's action: what kind of referral it is. */
  category?: ReferralCategory;
}

/** What was decided about one person at a meeting (POST /api/coordination/meetings/{id}/outcomes). */
export interface MeetingOutcome {
  patientId: string;
  /** The discussion's outcome, in words the team and the person can read. */
  summary: string;
  actions: MeetingAction[];
  /** A change to the person's care plan, added as a note on their active plan. */
  carePlanChange?: string;
}

const ID = /^[A-Za-z0-9.-]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SUMMARY_LIMIT = 4000;
const TEXT_LIMIT = 2000;
const ACTIONS_LIMIT = 20;

const objectOf = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** Text from an untrusted field: trimmed, or a problem naming the field. */
function text(problems: string[], o: Record<string, unknown>, field: string, label: string, limit: number, required: boolean): string | undefined {
  const v = o[field];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    if (required) problems.push(`${label} is required`);
    return undefined;
  }
  if (typeof v !== 'string') {
    problems.push(`${label} must be text`);
    return undefined;
  }
  if (v.trim().length > limit) problems.push(`${label} must be at most ${limit} characters`);
  return v.trim();
}

function parseAction(problems: string[], raw: unknown, i: number): MeetingAction {
  const o = objectOf(raw);
  const at = `actions[${i}]`;
  if (!o) {
    problems.push(`${at} must be an object with description, owner and dueDate`);
    return { description: '', owner: '' };
  }
  const description = text(problems, o, 'description', `${at}.description`, TEXT_LIMIT, true) ?? '';
  const rawOwner = text(problems, o, 'owner', `${at}.owner`, 80, true)?.replace(/^Organization\//, '');
  if (rawOwner && !ID.test(rawOwner)) problems.push(`${at}.owner must be an organisation id (Organization/{id})`);
  const dueDate = text(problems, o, 'dueDate', `${at}.dueDate`, 10, false);
  if (dueDate && (!DATE.test(dueDate) || Number.isNaN(Date.parse(dueDate)))) problems.push(`${at}.dueDate must be a date, YYYY-MM-DD`);
  const category = text(problems, o, 'category', `${at}.category`, 40, false);
  if (category && !(REFERRAL_CATEGORIES as readonly string[]).includes(category)) problems.push(`${at}.category must be one of ${REFERRAL_CATEGORIES.join(', ')}`);
  return {
    description,
    owner: rawOwner ? `Organization/${rawOwner}` : '',
    ...(dueDate ? { dueDate } : {}),
    ...(category ? { category: category as ReferralCategory } : {}),
  };
}

/** Reads a meeting outcome from untrusted input, naming every problem at once (400, nothing written). */
export function parseMeetingOutcome(body: unknown): MeetingOutcome {
  const b = objectOf(body);
  if (!b) throw new CoordinationInputError(['the request body must be a JSON object with patientId, summary and actions']);
  const problems: string[] = [];
  const patientId = text(problems, b, 'patientId', 'patientId', 64, true);
  if (patientId && !ID.test(patientId)) problems.push('patientId is not a record id');
  const summary = text(problems, b, 'summary', 'summary', SUMMARY_LIMIT, true);
  const carePlanChange = text(problems, b, 'carePlanChange', 'carePlanChange', TEXT_LIMIT, false);
  const rawActions = b.actions ?? [];
  let actions: MeetingAction[] = [];
  if (!Array.isArray(rawActions)) problems.push('actions must be a list');
  else if (rawActions.length > ACTIONS_LIMIT) problems.push(`actions: at most ${ACTIONS_LIMIT} for one person`);
  else actions = rawActions.map((a, i) => parseAction(problems, a, i));
  if (problems.length) throw new CoordinationInputError(problems);
  return { patientId: patientId!, summary: summary!, actions, ...(carePlanChange ? { carePlanChange } : {}) };
}
