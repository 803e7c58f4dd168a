import { createHash } from 'node:crypto';
import { SUPPRESSION_WORDS, type PublishedCount } from './suppression';
import type { ConsultationResults, OptionFigure, QuestionResult } from './types';

/** The consultation report's sections, in order (the HTML's and the PDF's headings). */
export const CONSULTATION_REPORT_SECTIONS = ['What people told us', 'What the partnership will change', 'Themes not covered by the questions', 'How we ran the consultation'] as const;

/** One question's summary of responses in sentences, and its figures as a table. */
export interface QuestionSummary {
  id: string;
  title: string;
  sentences: string[];
  table: { caption: string; columns: string[]; rows: string[][] } | null;
  comments: Array<{ responsePublicId: string; text: string }>;
}

export interface ConsultationReport {
  title: string;
  consultationId: string;
  summary: string;
  questions: QuestionSummary[];
  outcomes: Array<{ weAsked: string; youSaid: string; weDid: string }>;
  themesNotCovered: string;
  method: string[];
  /** The day the report speaks as of (the consultation's close): its PDF's creation date, so the same results give the same bytes. */
  asOf: string;
  /** SHA-256 of the report's content. */
  digest: string;
}

/** A published count in words and figures ("about 45", "fewer than 8", "none"). */
export const countWords = (c: PublishedCount) => (c === '*' ? 'fewer than 8' : c === 0 ? 'none' : `about ${c.toLocaleString('en-GB')}`);
export const showCount = (c: PublishedCount) => (c === '*' ? '*' : c.toLocaleString('en-GB'));
export const showPercent = (p: number | '*') => (p === '*' ? '*' : `${p}%`);

const longDate = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The options with a published count, largest first. */
const ranked = (options: readonly OptionFigure[]) => options.filter((o): o is OptionFigure & { count: number } => o.count !== '*' && o.count > 0).sort((a, b) => b.count - a.count);

function topSentence(options: readonly OptionFigure[], verb: string): string {
  const top = ranked(options).slice(0, 2);
  if (top.length === 0) return 'Too few people answered for the figures to be shown.';
  return `${verb}: ${top.map((o) => `${o.label} (${showPercent(o.percent)})`).join(', then ')}.`;
}

const figureTable = (caption: string, first: string, options: readonly OptionFigure[]) => ({ caption, columns: [first, 'Responses', 'Per cent'], rows: options.map((o) => [o.label, showCount(o.count), showPercent(o.percent)]) });

/** A question's result in sentences and a table. */
export function summariseQuestion(q: QuestionResult): QuestionSummary {
  const answered = q.answered === 0 ? 'No one answered this question.' : `${q.answered === '*' ? 'Fewer than 8' : `About ${q.answered.toLocaleString('en-GB')}`} people answered this question.`;
  const base = { id: q.id, title: q.title, comments: [] as QuestionSummary['comments'] };
  if (q.answered === 0) return { ...base, sentences: [answered], table: null };
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice':
      return { ...base, sentences: [answered, topSentence(q.options, 'Chosen most often'), ...(q.type === 'multiple-choice' ? ['People could choose more than one answer, so the percentages can add up to more than 100.'] : [])], table: figureTable(q.title, 'Answer', q.options) };
    case 'rating-scale':
      return { ...base, sentences: [answered, q.mean === null ? 'Too few people answered for an average to be shown.' : `The average rating was ${q.mean} (from ${q.options[0]!.label} to ${q.options[q.options.length - 1]!.label}).`, topSentence(q.options, 'Given most often')], table: figureTable(q.title, 'Rating', q.options) };
    case 'ranking': {
      const order = q.meanRank.filter((r) => r.meanRank !== null).sort((a, b) => a.meanRank! - b.meanRank!);
      return {
        ...base,
        sentences: [answered, topSentence(q.firstChoice, 'Put first most often'), order.length ? `Ranked highest on average: ${order[0]!.label} (average position ${order[0]!.meanRank}).` : 'Too few people answered for average positions to be shown.'],
        table: { caption: `${q.title}: first choices and average position (1 is most important)`, columns: ['Option', 'Put first', 'Per cent', 'Average position'], rows: q.firstChoice.map((o, i) => [o.label, showCount(o.count), showPercent(o.percent), q.meanRank[i]!.meanRank === null ? '*' : String(q.meanRank[i]!.meanRank)]) },
      };
    }
    case 'matrix':
      return {
        ...base,
        sentences: [answered, ...q.rows.map((r) => `${r.label}: ${topSentence(r.columns, 'most chose').replace(/^most chose: /, 'most chose ')}`)],
        table: { caption: q.title, columns: ['', ...(q.rows[0]?.columns.map((c) => c.label) ?? [])], rows: q.rows.map((r) => [r.label, ...r.columns.map((c) => `${showCount(c.count)} (${showPercent(c.percent)})`)]) },
      };
    case 'short-text':
    case 'long-text':
      return {
        ...base,
        sentences: [answered, q.comments.length === 0 ? 'No comments were approved for publication.' : `${q.comments.length} ${q.comments.length === 1 ? 'comment' : 'comments'} that people allowed us to publish ${q.comments.length === 1 ? 'is' : 'are'} shown below, after moderation.`],
        table: null,
        comments: q.comments.map((c) => ({ responsePublicId: c.responsePublicId, text: c.text })),
      };
  }
}

/** The report of a consultation's published results: each question's summary, what will change, themes not covered and the method. */
export function buildConsultationReport(results: ConsultationResults): ConsultationReport {
  const { consultation: c, moderation: m } = results;
  const channels = results.channels.map((ch) => `${ch.channel === 'web' ? 'the website' : ch.channel === 'api' ? 'partner organisations’ systems (the public API)' : 'paper forms'} (${showCount(ch.count)})`).join(', ');
  const method = [
    `The consultation was open from ${longDate(c.opensOn)} to ${longDate(c.closesOn)}${c.audience.groups.length ? `, for ${c.audience.groups.join(', ')}` : ''}.`,
    `We received ${countWords(results.total)} responses${channels ? `, through ${channels}` : ''}.`,
    SUPPRESSION_WORDS,
    `People chose whether their written answers could be published. Before publication a moderator read each one, with personal data (NHS numbers, email addresses, phone numbers, postcodes, dates of birth and names) flagged by Footprint, and replaced anything identifying or offensive with a note saying why. ${m.approved} ${m.approved === 1 ? 'answer was' : 'answers were'} approved (with ${m.redactions} ${m.redactions === 1 ? 'redaction' : 'redactions'}) and ${m.rejected} not published.`,
    'The "about you" questions were optional; we use them to see who has and has not been heard.',
  ];
  const body = {
    title: c.title,
    consultationId: c.id,
    summary: c.summary,
    questions: results.questions.map(summariseQuestion),
    outcomes: results.outcomes.map((o) => ({ weAsked: o.weAsked, youSaid: o.youSaid, weDid: o.weDid })),
    themesNotCovered: results.themesNotCovered,
    method,
    asOf: c.closesOn,
  };
  return { ...body, digest: createHash('sha256').update(JSON.stringify(body)).digest('hex') };
}
