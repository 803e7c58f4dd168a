import type { AboutYouKey } from '../consultations/about-you';
import type { QuestionType } from '../consultations/types';
import type { PublishedComment } from '../moderation/types';
import type { Outcome } from '../outcomes/types';
import type { PublishedCount } from './suppression';

/** One option's published count and its percentage of those who answered. */
export interface OptionFigure {
  id: string;
  label: string;
  count: PublishedCount;
  percent: number | '*';
}

interface QuestionResultBase {
  id: string;
  title: string;
  type: QuestionType;
  /** How many answered the question (published). */
  answered: PublishedCount;
}
export interface ChoiceResult extends QuestionResultBase {
  type: 'single-choice' | 'multiple-choice';
  options: OptionFigure[];
}
export interface RatingResult extends QuestionResultBase {
  type: 'rating-scale';
  options: OptionFigure[];
  /** Mean rating, when more than 7 answered. */
  mean: number | null;
  minLabel: string;
  maxLabel: string;
}
export interface RankingResult extends QuestionResultBase {
  type: 'ranking';
  /** How many put each option first. */
  firstChoice: OptionFigure[];
  /** Each option's mean position (1 is most important), when more than 7 answered. */
  meanRank: Array<{ id: string; label: string; meanRank: number | null }>;
}
export interface MatrixResult extends QuestionResultBase {
  type: 'matrix';
  rows: Array<{ id: string; label: string; answered: PublishedCount; columns: OptionFigure[] }>;
}
export interface TextResult extends QuestionResultBase {
  type: 'short-text' | 'long-text';
  /** The approved comments, redacted, each under its response's public id. */
  comments: PublishedComment[];
}
export type QuestionResult = ChoiceResult | RatingResult | RankingResult | MatrixResult | TextResult;

/** One "about you" question's counts: who responded by group. */
export interface GroupResult {
  key: AboutYouKey;
  title: string;
  answered: PublishedCount;
  options: OptionFigure[];
}

/** A consultation's results after disclosure control and redaction: what the public sees, and what staff preview. */
export interface ConsultationResults {
  consultation: { id: string; title: string; summary: string; opensOn: string; closesOn: string; audience: { places: string[]; groups: string[] } };
  /** When staff published the results (null in a staff preview before publication). */
  publishedAt: string | null;
  /** Submitted responses (published). */
  total: PublishedCount;
  /** Submitted responses by channel (published): web, api, paper. */
  channels: Array<{ channel: string; count: PublishedCount }>;
  questions: QuestionResult[];
  /** Who responded, by the optional questions about them (empty when they were not asked). */
  byGroup: GroupResult[];
  /** "We asked, you said, we did". */
  outcomes: Outcome[];
  /** Themes the questions did not cover, as staff wrote them (plain text, blank-line paragraphs). */
  themesNotCovered: string;
  moderation: { approved: number; rejected: number; pending: number; redactions: number };
  suppression: string;
}
