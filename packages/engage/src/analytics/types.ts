import type { AboutYouKey } from '../consultations/about-you';
import type { QuestionType } from '../consultations/types';

/** Staff analytics of one consultation: who responded when, answers by group, themes in the free text. */

/** Submitted responses on one day (in England), and the running total. */
export interface DailyResponses {
  date: string;
  count: number;
  cumulative: number;
}

/** One group of respondents (an option of an "about you" question, or "Not answered"). */
export interface GroupCount {
  id: string;
  label: string;
  count: number;
}

/** How many respondents gave each answer to one "about you" question: who has and has not been heard. */
export interface AboutYouBreakdown {
  key: AboutYouKey;
  title: string;
  groups: GroupCount[];
}

/** One option of a choice or rating question, counted within each group of respondents. */
export interface OptionByGroup {
  id: string;
  label: string;
  total: number;
  /** Respondents in each group (by group id) who chose it. */
  byGroup: Record<string, number>;
}

/** A closed question's answers broken down by the groups of one "about you" question. */
export interface QuestionByGroup {
  id: string;
  title: string;
  type: QuestionType;
  options: OptionByGroup[];
}

export interface AnswersByGroup {
  key: AboutYouKey;
  title: string;
  groups: GroupCount[];
  questions: QuestionByGroup[];
}

/** A theme staff drew from the free text, with how many answers carry it. */
export interface Theme {
  id: number;
  name: string;
  description: string;
  answers: number;
  createdAt: string;
  createdBy: string;
}

/** One free-text answer, for tagging. Named by the response's public id, never its reference. */
export interface FreeTextAnswer {
  responseId: number;
  publicId: string;
  questionId: string;
  questionTitle: string;
  text: string;
  submittedAt: string;
  themes: number[];
}

/** Everything the analytics page shows at once. */
export interface ConsultationAnalytics {
  consultation: { id: string; title: string; opensOn: string; closesOn: string };
  submitted: number;
  drafts: number;
  overTime: DailyResponses[];
  whoResponded: AboutYouBreakdown[];
  byGroup: AnswersByGroup;
  themes: Theme[];
  freeTextQuestions: Array<{ id: string; title: string; answers: number }>;
}
