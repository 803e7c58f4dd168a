import { ABOUT_YOU_KEYS, ABOUT_YOU_QUESTIONS, type AboutYouKey } from '../consultations/about-you';
import type { Question } from '../consultations/types';
import { EngageInputError } from '../errors';
import type { SubmittedResponse } from './load';
import type { AboutYouBreakdown, AnswersByGroup, GroupCount, OptionByGroup, QuestionByGroup } from './types';

export const NOT_ANSWERED = 'not-answered';

/** Checks an "about you" key from a query. */
export function aboutYouKey(value: unknown): AboutYouKey {
  if (value === undefined || value === '') return 'ageBand';
  if (typeof value === 'string' && (ABOUT_YOU_KEYS as readonly string[]).includes(value)) return value as AboutYouKey;
  throw new EngageInputError([`group: must be one of ${ABOUT_YOU_KEYS.join(', ')}`]);
}

/** The groups of one "about you" question: its options in order (places by the names given), answers given that are not among them, then "Not answered". */
function groupsOf(key: AboutYouKey, responses: SubmittedResponse[], placeNames: Record<string, string>): GroupCount[] {
  const question = ABOUT_YOU_QUESTIONS.find((q) => q.key === key)!;
  const labels = new Map<string, string>(key === 'place' ? [...Object.entries(placeNames), ...question.options] : question.options);
  for (const r of responses) {
    const value = r.aboutYou[key];
    if (value && !labels.has(value)) labels.set(value, value);
  }
  labels.set(NOT_ANSWERED, 'Not answered');
  const counts = new Map<string, number>();
  for (const r of responses) {
    const value = r.aboutYou[key] || NOT_ANSWERED;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...labels].map(([id, label]) => ({ id, label, count: counts.get(id) ?? 0 }));
}

/** Who responded, by every "about you" question. */
export function whoResponded(responses: SubmittedResponse[], placeNames: Record<string, string> = {}): AboutYouBreakdown[] {
  return ABOUT_YOU_QUESTIONS.map((q) => ({ key: q.key, title: q.title, groups: groupsOf(q.key, responses, placeNames) }));
}

/** The options a closed question is counted by: choices, or each point of a rating scale. */
function optionsOf(question: Question): Array<{ id: string; label: string }> | undefined {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      return question.options;
    case 'rating-scale':
      return Array.from({ length: question.max - question.min + 1 }, (_, i) => {
        const n = question.min + i;
        return { id: String(n), label: n === question.min ? `${n} (${question.minLabel})` : n === question.max ? `${n} (${question.maxLabel})` : String(n) };
      });
    case 'short-text':
    case 'long-text':
    case 'ranking':
    case 'matrix':
      return undefined;
  }
}

/** The option ids one answer chose. */
const chosen = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)]);

/**
 * Each single choice, multiple choice and rating question's answers counted within each group of
 * one "about you" question (respondents, so a multiple-choice respondent counts once per option).
 */
export function answersByGroup(questions: Question[], responses: SubmittedResponse[], key: AboutYouKey, placeNames: Record<string, string> = {}): AnswersByGroup {
  const groups = groupsOf(key, responses, placeNames);
  const byQuestion: QuestionByGroup[] = [];
  for (const question of questions) {
    const options = optionsOf(question);
    if (!options) continue;
    const rows: OptionByGroup[] = options.map((o) => ({ id: o.id, label: o.label, total: 0, byGroup: Object.fromEntries(groups.map((g) => [g.id, 0])) }));
    for (const r of responses) {
      const group = r.aboutYou[key] || NOT_ANSWERED;
      for (const id of chosen(r.answers[question.id])) {
        const row = rows.find((o) => o.id === id);
        if (!row) continue;
        row.total++;
        row.byGroup[group] = (row.byGroup[group] ?? 0) + 1;
      }
    }
    byQuestion.push({ id: question.id, title: question.title, type: question.type, options: rows });
  }
  return { key, title: ABOUT_YOU_QUESTIONS.find((q) => q.key === key)!.title, groups, questions: byQuestion };
}
