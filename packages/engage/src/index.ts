/**
 * @footprint/engage: the public's part of Footprint. Public content in plain English and easy read
 * (content/), get in touch (enquiries/, mail/), consultations and responses (consultations/),
 * moderation and redaction of free text (moderation/), published results with small-number
 * suppression and the report (results/), "we asked, you said, we did" (outcomes/), and staff
 * analytics (analytics/). Each part exports from its own index; this file re-exports them.
 */
export { engageMigrationSets } from './migrations';
export { CONTROL_CHARACTERS, HONEYPOT_FIELD, isHoneypotFilled, normaliseText, TEXT_LIMITS } from './abuse';
export { EngageConflictError, EngageInputError, EngageNotFoundError } from './errors';
export * from './consultations/types';
export * from './consultations/about-you';
export * from './outcomes/types';
export { OutcomeStore, validateOutcomes } from './outcomes/store';
// Parts add their exports below, one line each (helpers: keep to your own line).
export * from './content'; // content
export * from './enquiries'; // enquiries
export * from './consultations/index'; // consultations
// moderation:
export * from './moderation';
// results:
export * from './results';
export * from './analytics'; // analytics
