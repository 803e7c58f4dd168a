/** The privacy officer's area of the web API: the audit search and the unusual-access report (the break-glass reviews are routes/privacy.ts). */
export { privacyAuditRoutes } from './routes';
export type * from './audit-views';
