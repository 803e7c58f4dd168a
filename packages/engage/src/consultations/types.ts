import type { AboutYouKey } from './about-you';

/**
 * A consultation as staff define it and the public answer it. The definition (questions with
 * their display conditions) is stored as JSON on the consultation (consultations/migrations.ts);
 * once a consultation has a submitted response its questions are frozen.
 */

/** The seven question types, as Citizen Space and Decidim offer them. */
export const QUESTION_TYPES = ['short-text', 'long-text', 'single-choice', 'multiple-choice', 'rating-scale', 'ranking', 'matrix'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** An option of a choice, ranking or matrix question: a stable id (used in answers) and the words shown. */
export interface QuestionOption {
  id: string;
  label: string;
}

/**
 * Show a question only when an earlier question's answer is one of these: an option id for single
 * and multiple choice (any selected), the number as a string for a rating scale.
 */
export interface DisplayCondition {
  question: string;
  anyOf: string[];
}

interface QuestionBase {
  /** Stable within the consultation: `q1`, `q2`… (answers are keyed by it). */
  id: string;
  title: string;
  hint?: string;
  required: boolean;
  showIf?: DisplayCondition;
}

export interface ShortTextQuestion extends QuestionBase {
  type: 'short-text';
  maxLength?: number;
}
export interface LongTextQuestion extends QuestionBase {
  type: 'long-text';
  maxLength?: number;
}
export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single-choice';
  options: QuestionOption[];
}
export interface MultipleChoiceQuestion extends QuestionBase {
  type: 'multiple-choice';
  options: QuestionOption[];
  maxChoices?: number;
}
export interface RatingScaleQuestion extends QuestionBase {
  type: 'rating-scale';
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
}
export interface RankingQuestion extends QuestionBase {
  type: 'ranking';
  options: QuestionOption[];
}
/** One choice of column for each row (for example, each service rated from "very poor" to "very good"). */
export interface MatrixQuestion extends QuestionBase {
  type: 'matrix';
  rows: QuestionOption[];
  columns: QuestionOption[];
}

export type Question = ShortTextQuestion | LongTextQuestion | SingleChoiceQuestion | MultipleChoiceQuestion | RatingScaleQuestion | RankingQuestion | MatrixQuestion;

/**
 * One answer, by question type: text for short and long text, an option id for single choice,
 * option ids for multiple choice, a whole number for a rating scale, every option id in order
 * (first is most important) for ranking, and a column id per row id for a matrix.
 */
export type AnswerValue = string | string[] | number | Record<string, string>;
/** A response's answers, keyed by question id. Questions not answered (or not shown) are absent. */
export type Answers = Record<string, AnswerValue>;

/** The free-text question types: the only answers that may be published, after moderation. */
export const FREE_TEXT_TYPES: readonly QuestionType[] = ['short-text', 'long-text'];

/** A titled section of background or easy-read text. Plain text: paragraphs separated by blank lines, never HTML. */
export interface ContentSection {
  heading: string;
  body: string;
}

/** Who a consultation is for: places (local authority ONS codes) and groups in words ("carers", "young people"). Empty means everyone. */
export interface Audience {
  places: string[];
  groups: string[];
}

/** `draft` until staff publish it; then upcoming, open or closed by its dates (computed on reading, never stored). */
export type ConsultationState = 'draft' | 'upcoming' | 'open' | 'closed';

export interface ConsultationDefinition {
  title: string;
  summary: string;
  background: ContentSection[];
  easyRead: ContentSection[];
  /** First and last day responses are taken (inclusive, UK dates as YYYY-MM-DD). */
  opensOn: string;
  closesOn: string;
  audience: Audience;
  questions: Question[];
  /** Ask the optional "about you" questions (about-you.ts). */
  askAboutYou: boolean;
}

export interface Consultation extends ConsultationDefinition {
  id: string;
  footprintCode: string;
  state: ConsultationState;
  /** Published for the public to see (a draft is not). */
  publishedAt: string | null;
  /** When staff published the results (null: not yet). */
  resultsPublishedAt: string | null;
  /** Increases with every saved change; the history keeps each version. */
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Submitted responses so far: once above 0 the questions are frozen. */
  responseCount: number;
}

/** How a respondent said they may be contacted, if at all. */
export interface RespondentContact {
  name?: string;
  email?: string;
  /** Agreed to be contacted about this consultation. */
  consentToContact: boolean;
}

export interface ConsultationResponse {
  /** Internal row id: never shown to anyone outside staff tools. */
  id: number;
  consultationId: string;
  /** Shown beside published free text (`R-4KQ7PX`): cannot be turned back into the reference. */
  publicId: string;
  /** Given to the respondent as their receipt (`FP-C-2026-000123`): never published. */
  reference: string;
  status: 'draft' | 'submitted';
  answers: Answers;
  aboutYou: Partial<Record<AboutYouKey, string>>;
  contact: RespondentContact | null;
  /** The respondent allowed their free-text answers to be published (after moderation). */
  publishFreeText: boolean;
  startedAt: string;
  submittedAt: string | null;
}

/** A consultation in the staff list (GET /api/engage/consultations): its state, dates and how many have responded. */
export interface ConsultationSummary {
  id: string;
  title: string;
  state: ConsultationState;
  opensOn: string;
  closesOn: string;
  responseCount: number;
  publishedAt: string | null;
  resultsPublishedAt: string | null;
  updatedAt: string;
}
