/** Moderation before publication: the personal-data detector, redaction and the moderation store. */
export { detectPersonalData, PERSONAL_DATA_KINDS, PERSONAL_DATA_LABELS, type DetectOptions, type PersonalDataKind, type PersonalDataSpan } from './detect';
export { redactedText } from './redact';
export { ModerationStore } from './store';
export * from './types';
