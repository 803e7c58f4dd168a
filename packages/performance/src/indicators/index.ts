export { INDICATORS, findIndicator, listIndicators } from './catalogue';
export { IndicatorValueStore, type IndicatorValueQuery } from './store';
export {
  INDICATOR_CSV_COLUMNS,
  IndicatorCsvError,
  describeCsvProblem,
  importIndicatorCsv,
  indicatorValuesCsv,
  parseIndicatorCsv,
  type IndicatorCsvColumn,
  type IndicatorCsvProblem,
  type IndicatorImportResult,
  type ParsedIndicatorCsv,
} from './csv';
export { SYNTHETIC_MONTHS, SYNTHETIC_NOTE, SYNTHETIC_REFERENCE_DATE, syntheticIndicatorIds, syntheticNationalSeries, syntheticPeriods, type SyntheticArea, type SyntheticInput } from './synthetic';
export { targetsFor, type AmbitionTarget } from './targets';
export { MIN_SPC_POINTS, areasOf, indicatorSpc, type IndicatorAreaView, type IndicatorDetailView, type IndicatorSpcView, type IndicatorSummaryView } from './series-spc';
