/**
 * The public site's components, rendered on the server (apps/server/src/public/pages) to static
 * HTML so they read without JavaScript. Rendering only: each takes its data as props. Each part
 * exports its pages from its own file below (helpers: one line each).
 */
export { PublicDocument, PUBLIC_SECTIONS, type PublicPageFrame } from './PublicDocument';
export * from './content'; // content
export * from './enquiries'; // enquiries
export * from './consultations/index'; // consultations
// results:
export { OutcomesList, ResultsNotPublished, ResultsPage } from './results/ResultsPage';
