/** Get in touch: enquiries from the public, the staff inbox's actions and history, and the retention job. */
export * from './types';
export { EnquiryInputError, validateEnquiry, type FieldProblem as EnquiryFieldProblem } from './validate';
export { newEnquiryReference, parseEnquiryReference } from './reference';
export { EnquiryStore, type ReplyRecorded } from './store';
export { seedDemoEnquiries } from './demo';
export { DEFAULT_RETENTION_DAYS, describeRetention, parseRetentionDays, retentionDaysFromEnvironment, retentionRuns, runRetention, type RetentionRemoved, type RetentionReport, type RetentionRun } from './retention';
export * from '../mail';
