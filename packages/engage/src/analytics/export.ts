import { writeCsv } from '@footprint/partnership';
import { ABOUT_YOU_QUESTIONS } from '../consultations/about-you';
import type { AnswerValue, Question } from '../consultations/types';
import type { SubmittedResponse } from './load';

const labelOf = (options: Array<{ id: string; label: string }>, id: string) => options.find((o) => o.id === id)?.label ?? id;

/** The columns one question takes (a matrix: one per row), each with a header and how to read its cell from an answer. */
function columnsOf(question: Question): Array<{ header: string; cell(answer: AnswerValue | undefined): string }> {
  const header = `${question.id}: ${question.title}`;
  const text = (a: AnswerValue | undefined) => (a === undefined ? '' : String(a));
  switch (question.type) {
    case 'short-text':
    case 'long-text':
    case 'rating-scale':
      return [{ header, cell: text }];
    case 'single-choice':
      return [{ header, cell: (a) => (typeof a === 'string' ? labelOf(question.options, a) : '') }];
    case 'multiple-choice':
      return [{ header, cell: (a) => (Array.isArray(a) ? a.map((id) => labelOf(question.options, id)).join('; ') : '') }];
    case 'ranking':
      return [{ header: `${header} (most important first)`, cell: (a) => (Array.isArray(a) ? a.map((id) => labelOf(question.options, id)).join(' > ') : '') }];
    case 'matrix':
      return question.rows.map((row) => ({
        header: `${header}: ${row.label}`,
        cell: (a) => (a && typeof a === 'object' && !Array.isArray(a) && typeof a[row.id] === 'string' ? labelOf(question.columns, a[row.id]) : ''),
      }));
  }
}

/**
 * The responses as CSV: one row per submitted response, named by its public id (never the
 * respondent's reference); one column per question (a matrix, one per row) with the words of the
 * options chosen; one per "about you" question; the themes its free text was tagged with; and the
 * respondent's name and email only when they consented to be contacted (otherwise empty).
 * Written by the partnership's CSV writer (csv-stringify), which neutralises cells a spreadsheet
 * would run as formulas.
 */
export function responsesCsv(questions: Question[], responses: SubmittedResponse[], themesOf: (responseId: number) => string[], placeNames: Record<string, string> = {}): string {
  const columns = questions.flatMap((q) => columnsOf(q).map((c) => ({ ...c, id: q.id })));
  const header = ['response', 'submitted_at', 'channel', 'free_text_may_be_published', ...columns.map((c) => c.header), ...ABOUT_YOU_QUESTIONS.map((q) => `about_you_${q.key}`), 'themes', 'contact_consented', 'contact_name', 'contact_email'];
  const rows = responses.map((r) => {
    const consented = r.contact?.consentToContact === true;
    const cells = [
      r.publicId,
      r.submittedAt,
      r.channel,
      r.publishFreeText ? 'yes' : 'no',
      ...columns.map((c) => c.cell(r.answers[c.id])),
      ...ABOUT_YOU_QUESTIONS.map((q) => {
        const value = r.aboutYou[q.key];
        return value === undefined ? '' : q.key === 'place' ? (placeNames[value] ?? labelOf(q.options.map(([id, label]) => ({ id, label })), value)) : labelOf(q.options.map(([id, label]) => ({ id, label })), value);
      }),
      themesOf(r.id).join('; '),
      consented ? 'yes' : 'no',
      consented ? (r.contact?.name ?? '') : '',
      consented ? (r.contact?.email ?? '') : '',
    ];
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
  return writeCsv(header, rows);
}
