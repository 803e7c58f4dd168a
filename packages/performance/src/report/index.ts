/** The board report (docs/performance.md §7): built from gathered inputs, rendered as a page (the web app) and as a PDF. */
export type * from './types';
export { buildBoardReport, reportDigest, REPORT_METHODS, DEFAULT_TOP_RISKS } from './build';
export { CHANGED_RULE, changedIndicator, indicatorSeries } from './changed';
export { gatherBoardReportInputs, latestReportPeriod, reportPeriodOrLatest, type BoardReportSources } from './gather';
export { ratingsAsAt, readingsAsAt, type ReportRatingSources } from './ratings';
export { BoardReportInputError, checkReportPeriod, periodBounds, longDate as reportLongDate, monthName as reportMonthName, type PeriodBounds } from './period';
export { renderBoardReportPdf, REPORT_SECTIONS } from './pdf';
export { ASSURANCE_WORDS as TARGET_ASSURANCE_WORDS, MILESTONE_STATUS_WORDS, formatValue as formatReportValue } from './words';
