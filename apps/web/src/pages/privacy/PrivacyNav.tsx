import { SectionNav } from '../../components/SectionNav';

/** The privacy officer's area: its pages, in the order the officer works through them. */
export const PRIVACY_PAGES = [
  { path: '/privacy/reviews', label: 'Break-glass reviews', description: 'Each time someone in your organisation broke glass to see a record: review whether it was appropriate.' },
  { path: '/privacy/audit', label: 'Search the audit', description: 'Who looked at whose record, when and why: search by person, member of staff, organisation, dates and purpose.' },
  { path: '/privacy/unusual-access', label: 'Unusual access', description: 'Staff who opened many records in a short time, records of colleagues, and records of people who share their surname.' },
] as const;

/** The navigation between the privacy area's pages, shown at the top of each of them. */
export function PrivacyNav() {
  return <SectionNav label="Privacy" home="/privacy" pages={PRIVACY_PAGES} testId="privacy-nav" />;
}
