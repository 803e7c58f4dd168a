export { INDICATORS, findIndicator, listIndicators } from './catalogue';
export { IndicatorValueStore, type IndicatorValueQuery } from './store';
