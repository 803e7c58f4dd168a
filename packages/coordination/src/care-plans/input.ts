import { CoordinationInputError } from '../errors';
import { CARE_PLAN_TEMPLATES, templateOf } from './templates';

export interface CareTeamMember {
  /** The member's organisation, `Organization/{id}`: being in the team relates it to the person. */
  organisation: string;
  name: string;
  role: string;
}

export interface PlanActivity {
  description: string;
  /** The organisation of the team member who owns it, `Organization/{id}`. */
  owner: string;
  /** The team member who owns it, by name. */
  ownerName?: string;
  status?: 'not-started' | 'in-progress' | 'completed' | 'cancelled';
}

/** The decision about cardiopulmonary resuscitation on an end of life plan: what, when, and by whom. */
export interface ResuscitationDecision {
  decision: 'do-not-attempt-cpr' | 'attempt-cpr';
  date: string;
  madeBy: string;
}

export interface EndOfLifeWishes {
  preferredPlaceOfCare?: string;
  preferredPlaceOfDeath?: string;
  resuscitation?: ResuscitationDecision;
}

/** What a member of staff sends to start a shared care plan (POST /api/coordination/care-plans). */
export interface CarePlanRequest {
  patientId: string;
  template: string;
  title?: string;
  whatMattersToMe?: string;
  contingency?: string;
  reviewOn: string;
  team: CareTeamMember[];
  goals: string[];
  activities: PlanActivity[];
  endOfLife?: EndOfLifeWishes;
}

/** A change to a plan's words, dates or activities (PUT /api/coordination/care-plans/{id}), against the version it was made on. */
export type CarePlanChange = Partial<Pick<CarePlanRequest, 'title' | 'whatMattersToMe' | 'contingency' | 'reviewOn' | 'activities' | 'endOfLife'>> & { version: string };

const ID = /^[A-Za-z0-9.-]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACTIVITY_STATUSES = ['not-started', 'in-progress', 'completed', 'cancelled'] as const;

const objectOf = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** Reads untrusted fields, collecting a problem for each one that is wrong. */
class Fields {
  readonly problems: string[] = [];
  text(o: Record<string, unknown>, field: string, at: string, limit: number, required = false): string | undefined {
    const v = o[field];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (required) this.problems.push(`${at} is required`);
      return undefined;
    }
    if (typeof v !== 'string') {
      this.problems.push(`${at} must be text`);
      return undefined;
    }
    if (v.trim().length > limit) this.problems.push(`${at} must be at most ${limit} characters`);
    return v.trim();
  }
  date(o: Record<string, unknown>, field: string, at: string, required = false): string | undefined {
    const d = this.text(o, field, at, 10, required);
    if (d && (!DATE.test(d) || Number.isNaN(Date.parse(d)))) this.problems.push(`${at} must be a date, YYYY-MM-DD`);
    return d;
  }
  organisation(o: Record<string, unknown>, field: string, at: string): string {
    const raw = this.text(o, field, at, 80, true)?.replace(/^Organization\//, '');
    if (raw && !ID.test(raw)) this.problems.push(`${at} must be an organisation (Organization/{id})`);
    return raw ? `Organization/${raw}` : '';
  }
  list(o: Record<string, unknown>, field: string, at: string, limit: number): unknown[] {
    const v = o[field] ?? [];
    if (!Array.isArray(v)) {
      this.problems.push(`${at} must be a list`);
      return [];
    }
    if (v.length > limit) this.problems.push(`${at}: at most ${limit}`);
    return v.slice(0, limit);
  }
}

function activities(f: Fields, b: Record<string, unknown>): PlanActivity[] {
  return f.list(b, 'activities', 'activities', 40).map((raw, i) => {
    const o = objectOf(raw) ?? {};
    const status = f.text(o, 'status', `activities[${i}].status`, 20);
    if (status && !(ACTIVITY_STATUSES as readonly string[]).includes(status)) f.problems.push(`activities[${i}].status must be one of ${ACTIVITY_STATUSES.join(', ')}`);
    const ownerName = f.text(o, 'ownerName', `activities[${i}].ownerName`, 120);
    return {
      description: f.text(o, 'description', `activities[${i}].description`, 500, true) ?? '',
      owner: f.organisation(o, 'owner', `activities[${i}].owner`),
      ...(ownerName ? { ownerName } : {}),
      ...(status ? { status: status as PlanActivity['status'] } : {}),
    };
  });
}

function endOfLife(f: Fields, raw: unknown): EndOfLifeWishes | undefined {
  if (raw === undefined || raw === null) return undefined;
  const o = objectOf(raw);
  if (!o) {
    f.problems.push('endOfLife must be an object');
    return undefined;
  }
  const preferredPlaceOfCare = f.text(o, 'preferredPlaceOfCare', 'endOfLife.preferredPlaceOfCare', 200);
  const preferredPlaceOfDeath = f.text(o, 'preferredPlaceOfDeath', 'endOfLife.preferredPlaceOfDeath', 200);
  let resuscitation: ResuscitationDecision | undefined;
  if (o.resuscitation !== undefined && o.resuscitation !== null) {
    const r = objectOf(o.resuscitation) ?? {};
    const decision = f.text(r, 'decision', 'endOfLife.resuscitation.decision', 30, true);
    if (decision && decision !== 'do-not-attempt-cpr' && decision !== 'attempt-cpr') f.problems.push('endOfLife.resuscitation.decision must be do-not-attempt-cpr or attempt-cpr');
    const date = f.date(r, 'date', 'endOfLife.resuscitation.date', true);
    if (date && date > new Date().toISOString().slice(0, 10)) f.problems.push('endOfLife.resuscitation.date cannot be in the future: it is when the decision was made');
    const madeBy = f.text(r, 'madeBy', 'endOfLife.resuscitation.madeBy', 200, true);
    resuscitation = { decision: decision as ResuscitationDecision['decision'], date: date ?? '', madeBy: madeBy ?? '' };
  }
  return { ...(preferredPlaceOfCare ? { preferredPlaceOfCare } : {}), ...(preferredPlaceOfDeath ? { preferredPlaceOfDeath } : {}), ...(resuscitation ? { resuscitation } : {}) };
}

/** Checks a new plan, naming every problem at once (400, nothing written). */
export function parseCarePlanRequest(body: unknown): CarePlanRequest {
  const b = objectOf(body);
  if (!b) throw new CoordinationInputError(['the request body must be a JSON object with patientId, template, reviewOn and team']);
  const f = new Fields();
  const patientId = f.text(b, 'patientId', 'patientId', 64, true);
  if (patientId && !ID.test(patientId)) f.problems.push('patientId is not a record id');
  const template = f.text(b, 'template', 'template', 40, true);
  const chosen = template ? templateOf(template) : undefined;
  if (template && !chosen) f.problems.push(`template must be one of ${CARE_PLAN_TEMPLATES.map((t) => t.code).join(', ')}`);
  const title = f.text(b, 'title', 'title', 200);
  const whatMattersToMe = f.text(b, 'whatMattersToMe', 'whatMattersToMe', 2000);
  const contingency = f.text(b, 'contingency', 'contingency', 2000);
  const reviewOn = f.date(b, 'reviewOn', 'reviewOn', true);
  const team = f.list(b, 'team', 'team', 20).map((raw, i) => {
    const o = objectOf(raw) ?? {};
    return { organisation: f.organisation(o, 'organisation', `team[${i}].organisation`), name: f.text(o, 'name', `team[${i}].name`, 120, true) ?? '', role: f.text(o, 'role', `team[${i}].role`, 120, true) ?? '' };
  });
  if (Array.isArray(b.team) && team.length === 0) f.problems.push('team: name at least one member');
  const goals = f.list(b, 'goals', 'goals', 20).map((g, i) => {
    if (typeof g !== 'string' || !g.trim()) f.problems.push(`goals[${i}] must be the goal, in the person’s words`);
    else if (g.length > 500) f.problems.push(`goals[${i}] must be at most 500 characters`);
    return typeof g === 'string' ? g.trim() : '';
  });
  const acts = activities(f, b);
  const eol = endOfLife(f, b.endOfLife);
  if (eol && chosen && !chosen.endOfLife) f.problems.push('endOfLife belongs only on an end of life plan');
  if (f.problems.length) throw new CoordinationInputError(f.problems);
  return {
    patientId: patientId!,
    template: template!,
    ...(title ? { title } : {}),
    ...(whatMattersToMe ? { whatMattersToMe } : {}),
    ...(contingency ? { contingency } : {}),
    reviewOn: reviewOn!,
    team,
    goals,
    activities: acts,
    ...(eol ? { endOfLife: eol } : {}),
  };
}

/** Checks a change to a plan; only the fields sent change (400, nothing written). */
export function parseCarePlanChange(body: unknown): CarePlanChange {
  const b = objectOf(body);
  if (!b) throw new CoordinationInputError(['the request body must be a JSON object with version and the fields that change']);
  const f = new Fields();
  const version = f.text(b, 'version', 'version', 20, true);
  const title = f.text(b, 'title', 'title', 200);
  const whatMattersToMe = f.text(b, 'whatMattersToMe', 'whatMattersToMe', 2000);
  const contingency = f.text(b, 'contingency', 'contingency', 2000);
  const reviewOn = f.date(b, 'reviewOn', 'reviewOn');
  const acts = b.activities === undefined ? undefined : activities(f, b);
  const eol = endOfLife(f, b.endOfLife);
  if (f.problems.length) throw new CoordinationInputError(f.problems);
  return {
    version: version!,
    ...(title ? { title } : {}),
    ...(whatMattersToMe !== undefined ? { whatMattersToMe } : {}),
    ...(contingency !== undefined ? { contingency } : {}),
    ...(reviewOn ? { reviewOn } : {}),
    ...(acts ? { activities: acts } : {}),
    ...(eol ? { endOfLife: eol } : {}),
  };
}

/** Checks a goal the person or their team adds, in the person's own words. */
export function parseGoal(body: unknown): string {
  const b = objectOf(body) ?? {};
  const f = new Fields();
  const text = f.text(b, 'description', 'description', 500, true);
  if (f.problems.length) throw new CoordinationInputError(f.problems);
  return text!;
}
