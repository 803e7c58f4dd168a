import { CONTROL_CHARACTERS, normaliseText, TEXT_LIMITS } from '../abuse';
import { ABOUT_YOU_QUESTIONS, type AboutYouKey, type AboutYouQuestion } from './about-you';
import type { Answers, AnswerValue, ConsultationDefinition, Question, RespondentContact } from './types';

/** One thing wrong with what a respondent sent: the field (`answers.q3`, `contact.email`) and what to do, in words for the public. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Whether a question is shown, given the answers to the questions before it (no condition: always). */
export function isShown(question: Question, answers: Answers): boolean {
  if (!question.showIf) return true;
  const given = answers[question.showIf.question];
  if (given === undefined) return false;
  const values = Array.isArray(given) ? given : [String(given)];
  return question.showIf.anyOf.some((v) => values.includes(v));
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

function checkText(value: unknown, limit: number): { value?: string; problem?: string } {
  if (typeof value !== 'string') return { problem: 'must be text' };
  const text = normaliseText(value);
  if (CONTROL_CHARACTERS.test(text)) return { problem: 'must not contain control characters' };
  if (text.length > limit) return { problem: `must be ${limit} characters or fewer (this is ${text.length})` };
  return { value: text };
}

function checkOne(q: Question, value: unknown): { value?: AnswerValue; problem?: string } {
  switch (q.type) {
    case 'short-text':
      return checkText(value, Math.min(q.maxLength ?? TEXT_LIMITS.shortAnswer, TEXT_LIMITS.shortAnswer));
    case 'long-text':
      return checkText(value, Math.min(q.maxLength ?? TEXT_LIMITS.longAnswer, TEXT_LIMITS.longAnswer));
    case 'single-choice':
      return typeof value === 'string' && q.options.some((o) => o.id === value) ? { value } : { problem: `must be one of ${q.options.map((o) => o.id).join(', ')}` };
    case 'multiple-choice': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return { problem: 'must be a list of option ids' };
      const bad = value.find((v) => !q.options.some((o) => o.id === v));
      if (bad !== undefined) return { problem: `${String(bad)} is not an option (choose from ${q.options.map((o) => o.id).join(', ')})` };
      if (new Set(value).size !== value.length) return { problem: 'must not choose an option twice' };
      if (q.maxChoices !== undefined && value.length > q.maxChoices) return { problem: `choose at most ${q.maxChoices}` };
      return { value: q.options.map((o) => o.id).filter((id) => value.includes(id)) };
    }
    case 'rating-scale': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      return typeof n === 'number' && Number.isInteger(n) && n >= q.min && n <= q.max ? { value: n } : { problem: `must be a whole number from ${q.min} to ${q.max}` };
    }
    case 'ranking': {
      const ids = q.options.map((o) => o.id);
      const ok = Array.isArray(value) && value.length === ids.length && new Set(value).size === ids.length && value.every((v) => typeof v === 'string' && ids.includes(v));
      return ok ? { value: value as string[] } : { problem: `must rank every option once, each with a different number (${ids.join(', ')})` };
    }
    case 'matrix': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: 'must give a column id for each row id' };
      const entries = Object.entries(value as Record<string, unknown>);
      const badRow = entries.find(([row]) => !q.rows.some((r) => r.id === row));
      if (badRow) return { problem: `${badRow[0]} is not a row of this question` };
      const badColumn = entries.find(([, col]) => typeof col !== 'string' || !q.columns.some((c) => c.id === col));
      if (badColumn) return { problem: `${badColumn[0]}: must be one of ${q.columns.map((c) => c.id).join(', ')}` };
      if (q.required && entries.length < q.rows.length) return { problem: `answer every row (${q.rows.filter((r) => !(r.id in (value as object))).map((r) => r.label).join(', ')} not answered)` };
      return { value: Object.fromEntries(q.rows.filter((r) => r.id in (value as object)).map((r) => [r.id, (value as Record<string, string>)[r.id]])) };
    }
  }
}

/**
 * Checks answers against the definition, question by question in order: answers to questions
 * not shown (by their display conditions on the answers kept so far) are dropped; a required
 * shown question must be answered unless `partial` (a saved draft); each answer must suit its
 * type (text within TEXT_LIMITS and without control characters, option ids that exist, a ranking
 * of every option, a matrix with every row when required). Answers naming no question are refused.
 */
export function checkAnswers(definition: ConsultationDefinition, input: unknown, options: { partial?: boolean } = {}): { answers: Answers; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const answers: Answers = {};
  if (input === undefined || input === null) input = {};
  if (typeof input !== 'object' || Array.isArray(input)) return { answers, problems: [{ field: 'answers', message: 'must be an object of answers keyed by question id' }] };
  const given = input as Record<string, unknown>;
  for (const id of Object.keys(given)) if (!definition.questions.some((q) => q.id === id)) problems.push({ field: `answers.${id}`, message: 'is not a question of this consultation' });
  for (const q of definition.questions) {
    if (!isShown(q, answers)) continue;
    const value = given[q.id];
    if (isEmpty(value) || (typeof value === 'string' && (q.type === 'short-text' || q.type === 'long-text') && normaliseText(value).trim() === '')) {
      if (q.required && !options.partial) problems.push({ field: `answers.${q.id}`, message: `answer "${q.title}"` });
      continue;
    }
    const checked = checkOne(q.type === 'matrix' && options.partial ? { ...q, required: false } : q, value);
    if (checked.problem) problems.push({ field: `answers.${q.id}`, message: checked.problem });
    else answers[q.id] = checked.value!;
  }
  return { answers, problems };
}

/** The "about you" questions with `place` offering the footprint's places (then "Somewhere else", "Prefer not to say"). */
export function aboutYouQuestions(places: ReadonlyArray<{ code: string; name: string }>): AboutYouQuestion[] {
  return ABOUT_YOU_QUESTIONS.map((q) => (q.key === 'place' ? { ...q, options: [...places.map((p) => [p.code, p.name] as [string, string]), ...q.options] } : q));
}

/** Checks the optional "about you" answers: known keys, known options; empty ones are dropped. */
export function checkAboutYou(input: unknown, places: ReadonlyArray<{ code: string; name: string }>): { aboutYou: Partial<Record<AboutYouKey, string>>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const aboutYou: Partial<Record<AboutYouKey, string>> = {};
  if (input === undefined || input === null) return { aboutYou, problems };
  if (typeof input !== 'object' || Array.isArray(input)) return { aboutYou, problems: [{ field: 'aboutYou', message: 'must be an object of answers keyed by question' }] };
  const questions = aboutYouQuestions(places);
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const q = questions.find((x) => x.key === key);
    if (!q) problems.push({ field: `aboutYou.${key}`, message: `is not a question about you (ask ${questions.map((x) => x.key).join(', ')})` });
    else if (isEmpty(value)) continue;
    else if (typeof value !== 'string' || !q.options.some(([id]) => id === value)) problems.push({ field: `aboutYou.${key}`, message: `must be one of ${q.options.map(([id]) => id).join(', ')}` });
    else aboutYou[q.key] = value;
  }
  return { aboutYou, problems };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks contact details: none (anonymous), or an email address (and optionally a name) with
 * consent to be contacted. Details without consent are refused rather than kept unasked.
 */
export function checkContact(input: unknown): { contact: RespondentContact | null; problems: FieldProblem[] } {
  if (input === undefined || input === null) return { contact: null, problems: [] };
  if (typeof input !== 'object' || Array.isArray(input)) return { contact: null, problems: [{ field: 'contact', message: 'must be an object with name, email and consentToContact' }] };
  const { name, email, consentToContact, ...rest } = input as Record<string, unknown>;
  const problems: FieldProblem[] = Object.keys(rest).map((k) => ({ field: `contact.${k}`, message: 'is not a contact detail (give name, email and consentToContact)' }));
  const text = (field: string, value: unknown, limit: number): string | undefined => {
    if (isEmpty(value)) return undefined;
    const checked = checkText(value, limit);
    if (checked.problem) problems.push({ field, message: checked.problem });
    return checked.value?.trim();
  };
  const n = text('contact.name', name, TEXT_LIMITS.name);
  const e = text('contact.email', email, TEXT_LIMITS.email);
  if (e !== undefined && !EMAIL.test(e)) problems.push({ field: 'contact.email', message: 'must be an email address, like name@example.com' });
  if (consentToContact !== undefined && typeof consentToContact !== 'boolean') problems.push({ field: 'contact.consentToContact', message: 'must be true or false' });
  if (problems.length) return { contact: null, problems };
  if (consentToContact !== true) {
    if (n !== undefined || e !== undefined) return { contact: null, problems: [{ field: 'contact.consentToContact', message: 'agree to be contacted, or leave your name and email address empty to respond anonymously' }] };
    return { contact: null, problems: [] };
  }
  if (e === undefined) return { contact: null, problems: [{ field: 'contact.email', message: 'give an email address so we can contact you' }] };
  return { contact: { ...(n !== undefined ? { name: n } : {}), email: e, consentToContact: true }, problems: [] };
}
