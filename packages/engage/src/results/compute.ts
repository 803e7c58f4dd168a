import { ABOUT_YOU_QUESTIONS, type AboutYouKey } from '../consultations/about-you';
import type { AnswerValue, ConsultationDefinition, Question, QuestionOption } from '../consultations/types';
import type { PublishedComment } from '../moderation/types';
import { publishedCount, publishedMean, publishedPercent } from './suppression';
import type { GroupResult, OptionFigure, QuestionResult } from './types';

/** What the computation needs of one submitted response. */
export interface ResponseForResults {
  answers: Record<string, AnswerValue>;
  aboutYou: Partial<Record<AboutYouKey, string>>;
  channel: string;
}

/** Published counts for each option, as percentages of the published number who answered. */
function figures(options: readonly QuestionOption[], counts: ReadonlyMap<string, number>, answered: number): OptionFigure[] {
  const base = publishedCount(answered);
  return options.map((o) => {
    const count = publishedCount(counts.get(o.id) ?? 0);
    return { id: o.id, label: o.label, count, percent: publishedPercent(count, base) };
  });
}

function tally(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

const isText = (v: AnswerValue | undefined): v is string => typeof v === 'string' && v.trim().length > 0;
const isList = (v: AnswerValue | undefined): v is string[] => Array.isArray(v) && v.length > 0;
const isMatrix = (v: AnswerValue | undefined): v is Record<string, string> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One question's published result from the submitted answers (and, for free text, the approved comments). */
export function questionResult(q: Question, answers: ReadonlyArray<AnswerValue | undefined>, comments: readonly PublishedComment[]): QuestionResult {
  const base = { id: q.id, title: q.title };
  switch (q.type) {
    case 'short-text':
    case 'long-text': {
      const given = answers.filter(isText);
      return { ...base, type: q.type, answered: publishedCount(given.length), comments: comments.filter((c) => c.questionId === q.id) };
    }
    case 'single-choice': {
      const given = answers.filter((a): a is string => typeof a === 'string' && q.options.some((o) => o.id === a));
      return { ...base, type: q.type, answered: publishedCount(given.length), options: figures(q.options, tally(given), given.length) };
    }
    case 'multiple-choice': {
      const given = answers.filter(isList);
      return { ...base, type: q.type, answered: publishedCount(given.length), options: figures(q.options, tally(given.flatMap((a) => [...new Set(a)])), given.length) };
    }
    case 'rating-scale': {
      const given = answers.filter((a): a is number => typeof a === 'number' && Number.isInteger(a) && a >= q.min && a <= q.max);
      const scale = Array.from({ length: q.max - q.min + 1 }, (_, i) => {
        const value = q.min + i;
        return { id: String(value), label: value === q.min ? `${value} (${q.minLabel})` : value === q.max ? `${value} (${q.maxLabel})` : String(value) };
      });
      return { ...base, type: q.type, answered: publishedCount(given.length), options: figures(scale, tally(given.map(String)), given.length), mean: publishedMean(given), minLabel: q.minLabel, maxLabel: q.maxLabel };
    }
    case 'ranking': {
      const given = answers.filter(isList);
      return {
        ...base,
        type: q.type,
        answered: publishedCount(given.length),
        firstChoice: figures(q.options, tally(given.map((a) => a[0]!)), given.length),
        meanRank: q.options.map((o) => ({ id: o.id, label: o.label, meanRank: publishedMean(given.map((a) => a.indexOf(o.id) + 1).filter((p) => p > 0)) })),
      };
    }
    case 'matrix': {
      const given = answers.filter(isMatrix);
      return {
        ...base,
        type: q.type,
        answered: publishedCount(given.length),
        rows: q.rows.map((row) => {
          const chosen = given.map((a) => a[row.id]).filter((c): c is string => typeof c === 'string' && q.columns.some((col) => col.id === c));
          return { id: row.id, label: row.label, answered: publishedCount(chosen.length), columns: figures(q.columns, tally(chosen), chosen.length) };
        }),
      };
    }
  }
}

/** Who responded, by each "about you" question, with the same suppression; "Not answered" for those who skipped it. */
export function groupResults(responses: readonly ResponseForResults[], placeNames: Readonly<Record<string, string>>): GroupResult[] {
  return ABOUT_YOU_QUESTIONS.map((question) => {
    const given = responses.map((r) => r.aboutYou[question.key]).filter((v): v is string => typeof v === 'string' && v.length > 0);
    const counts = tally(given);
    const known = question.key === 'place' ? [...Object.entries(placeNames), ...question.options] : question.options;
    const options = known.map(([id, label]) => ({ id, label }));
    for (const id of counts.keys()) if (!options.some((o) => o.id === id)) options.push({ id, label: id });
    counts.set('not-answered', responses.length - given.length);
    return { key: question.key, title: question.title, answered: publishedCount(given.length), options: figures([...options, { id: 'not-answered', label: 'Not answered' }], counts, responses.length) };
  });
}

/** Every question's result and who responded, for a definition and its submitted responses. */
export function computeResults(definition: ConsultationDefinition, responses: readonly ResponseForResults[], comments: readonly PublishedComment[], placeNames: Readonly<Record<string, string>> = {}) {
  return {
    total: publishedCount(responses.length),
    channels: [...tally(responses.map((r) => r.channel))].sort(([a], [b]) => a.localeCompare(b)).map(([channel, n]) => ({ channel, count: publishedCount(n) })),
    questions: definition.questions.map((q) => questionResult(q, responses.map((r) => r.answers[q.id]), comments)),
    byGroup: definition.askAboutYou ? groupResults(responses, placeNames) : [],
  };
}
