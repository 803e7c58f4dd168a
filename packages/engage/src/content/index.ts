/** Public content: pages, news and questions with every published version kept, and the plan as the public reads it. See docs/engagement.md §1. */
export * from './types';
export { ContentStore, changedContentFields } from './store';
export { CONTENT_LIMITS, validateDraft, validateNewContent, validatePublication } from './validate';
export { PUBLIC_DISCLOSURE, SUPPRESSION_WORDS, controlIndicatorValues, isDisclosive, publicSeries, type PublicValue } from './disclosure';
export { planChangesOf, PUBLIC_INDICATORS, publicAmbition, publicPlan, type PublicPlanChange, type PublicAmbitionSummary, type PublicAmbitionView, type PublicIndicatorView, type PublicOutcome, type PublicPlanView } from './public-plan';
