import { z } from 'zod';
import { TEXT_LIMITS } from '../abuse';
import { EngageInputError } from '../errors';
import type { ConsultationDefinition, Question } from './types';

const words = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalWords = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens (at most 40)');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'must be a real date');
const option = z.object({ id: key, label: words(200) }).strict();
const options = (min: number) => z.array(option).min(min, `must have at least ${min} options`).max(30, 'must have at most 30 options');
const section = z.object({ heading: words(200), body: words(20_000) }).strict();
const condition = z.object({ question: key, anyOf: z.array(z.string().min(1, 'must not be empty')).min(1, 'must name at least one answer') }).strict();

const base = {
  id: key,
  title: words(500),
  hint: optionalWords(1000).optional(),
  required: z.boolean({ message: 'must be true or false' }),
  showIf: condition.optional(),
};
const textLength = (limit: number) => z.number().int('must be a whole number').min(1, 'must be at least 1').max(limit, `must be at most ${limit}`).optional();

const questionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ ...base, type: z.literal('short-text'), maxLength: textLength(TEXT_LIMITS.shortAnswer) }).strict(),
    z.object({ ...base, type: z.literal('long-text'), maxLength: textLength(TEXT_LIMITS.longAnswer) }).strict(),
    z.object({ ...base, type: z.literal('single-choice'), options: options(2) }).strict(),
    z.object({ ...base, type: z.literal('multiple-choice'), options: options(2), maxChoices: z.number().int('must be a whole number').min(1, 'must be at least 1').optional() }).strict(),
    z
      .object({
        ...base,
        type: z.literal('rating-scale'),
        min: z.number().int('must be a whole number').min(0, 'must be 0 or more'),
        max: z.number().int('must be a whole number').max(10, 'must be 10 or less'),
        minLabel: words(100),
        maxLabel: words(100),
      })
      .strict(),
    z.object({ ...base, type: z.literal('ranking'), options: options(2).max(10, 'must have at most 10 options') }).strict(),
    z.object({ ...base, type: z.literal('matrix'), rows: options(1), columns: options(2).max(10, 'must have at most 10 columns') }).strict(),
  ],
  { message: 'must be one of short-text, long-text, single-choice, multiple-choice, rating-scale, ranking or matrix' },
);

const definitionSchema = z
  .object({
    title: words(200),
    summary: words(2000),
    background: z.array(section).max(30, 'must have at most 30 sections'),
    easyRead: z.array(section).max(30, 'must have at most 30 sections'),
    opensOn: isoDate,
    closesOn: isoDate,
    audience: z.object({ places: z.array(z.string().regex(/^E\d{8}$/, 'must be an ONS code (E and eight digits)')).max(100), groups: z.array(words(100)).max(20, 'must name at most 20 groups') }).strict(),
    questions: z.array(questionSchema).min(1, 'must have at least one question').max(100, 'must have at most 100 questions'),
    askAboutYou: z.boolean({ message: 'must be true or false' }),
  })
  .strict();

/** A problem with a path and what is wrong: `questions[2].options[1].label: must not be empty`. */
export const pathText = (path: ReadonlyArray<PropertyKey>): string => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');

const unique = (ids: string[]): string | undefined => ids.find((id, i) => ids.indexOf(id) !== i);

/** The answers a display condition may name for this question: option ids, or the rating's numbers as text. */
export function conditionValues(question: Question): string[] | undefined {
  if (question.type === 'single-choice' || question.type === 'multiple-choice') return question.options.map((o) => o.id);
  if (question.type === 'rating-scale') return Array.from({ length: question.max - question.min + 1 }, (_, i) => String(question.min + i));
  return undefined;
}

function crossChecks(d: ConsultationDefinition, places: readonly string[] | undefined): string[] {
  const problems: string[] = [];
  if (d.closesOn < d.opensOn) problems.push('closesOn: must be on or after opensOn');
  if (places) d.audience.places.forEach((p, i) => !places.includes(p) && problems.push(`audience.places[${i}]: ${p} is not one of the footprint's places`));
  if (unique(d.audience.places)) problems.push('audience.places: must not name a place twice');
  const twice = unique(d.questions.map((q) => q.id));
  if (twice) problems.push(`questions: the id ${twice} is used twice`);
  d.questions.forEach((q, n) => {
    const at = `questions[${n}]`;
    const lists: Array<[string, { id: string }[]]> =
      q.type === 'matrix' ? [['rows', q.rows], ['columns', q.columns]] : 'options' in q ? [['options', q.options]] : [];
    for (const [name, list] of lists) {
      const repeated = unique(list.map((o) => o.id));
      if (repeated) problems.push(`${at}.${name}: the id ${repeated} is used twice`);
    }
    if (q.type === 'rating-scale' && q.min >= q.max) problems.push(`${at}.max: must be more than min (${q.min})`);
    if (q.type === 'multiple-choice' && q.maxChoices !== undefined && q.maxChoices > q.options.length) problems.push(`${at}.maxChoices: must be at most the number of options (${q.options.length})`);
    if (!q.showIf) return;
    const earlier = d.questions.slice(0, n).find((e) => e.id === q.showIf!.question);
    if (!earlier) {
      problems.push(`${at}.showIf.question: must be an earlier question (${q.showIf.question} is not before question ${n + 1})`);
      return;
    }
    const allowed = conditionValues(earlier);
    if (!allowed) {
      problems.push(`${at}.showIf.question: must be a single choice, multiple choice or rating scale question (${earlier.id} is ${earlier.type})`);
      return;
    }
    q.showIf.anyOf.forEach((v, i) => !allowed.includes(v) && problems.push(`${at}.showIf.anyOf[${i}]: ${v} is not an answer to ${earlier.id}`));
  });
  return problems;
}

/**
 * Checks a consultation's definition as staff send it: every field's type and size, question ids
 * and option ids unique, rating scales with min below max, and display conditions that name only
 * an EARLIER single choice, multiple choice or rating scale question and answers it has. With
 * `places`, the audience's places must be the footprint's. EngageInputError names each field.
 */
export function validateDefinition(input: unknown, places?: readonly string[]): ConsultationDefinition {
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) throw new EngageInputError(parsed.error.issues.map((i) => `${pathText(i.path) || 'definition'}: ${i.message}`));
  const definition = parsed.data as ConsultationDefinition;
  const problems = crossChecks(definition, places);
  if (problems.length) throw new EngageInputError(problems);
  return definition;
}

/** Whether two parts of a definition are the same, whatever the order of their keys (PostgreSQL's jsonb reorders them). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([x], [y]) => x.localeCompare(y))) : v));
