/** Published results (small-number suppression, approved comments, who responded) and the consultation report. */
export { computeResults, groupResults, questionResult, type ResponseForResults } from './compute';
export { publishedCount, publishedMean, publishedPercent, SUPPRESSION_RULES, SUPPRESSION_WORDS as RESULTS_SUPPRESSION_WORDS, type PublishedCount } from './suppression';
export { ResultsStore } from './store';
export { buildConsultationReport, CONSULTATION_REPORT_SECTIONS, countWords, showCount, showPercent, summariseQuestion, type ConsultationReport, type QuestionSummary } from './report';
export { renderConsultationReportHtml } from './report-html';
export { renderConsultationReportPdf } from './report-pdf';
export type * from './types';
