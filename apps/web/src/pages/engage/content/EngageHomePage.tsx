import { LinkCards } from '../../../components/LinkCards';
import { usePageTitle } from '../../../components/usePageTitle';

const PAGES = [
  { path: '/engage/content', label: 'Content', description: 'Write and publish the public pages, news and questions; see every published version.' },
  { path: '/engage/enquiries', label: 'Enquiries inbox', description: 'Messages from the public: assign them to a team, reply and close them.' },
  { path: '/engage/consultations', label: 'Consultations', description: 'Create consultations, follow responses and publish results and what changed.' },
  { path: '/engage/moderation', label: 'Moderation', description: 'Check free-text answers for personal details before they are published.' },
];

/** The staff engagement area's front page: where each part of working with the public is done. */
export function EngageHomePage() {
  usePageTitle('Engagement');
  return (
    <>
      <h1>Engagement</h1>
      <p className="nhsuk-lede-text">
        The partnership’s work with the public. What you publish here appears on the <a href="/public">public pages</a>, which anyone can read without signing in.
      </p>
      <LinkCards pages={PAGES} testId="engage-areas" />
    </>
  );
}
