import { LinkCards } from '../../components/LinkCards';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { PRIVACY_PAGES, PrivacyNav } from './PrivacyNav';

/** The privacy officer's area: the break-glass queue, the audit search and the unusual-access report. */
export function PrivacyPage() {
  usePageTitle('Privacy');
  const { user } = useSession();
  return (
    <>
      <PrivacyNav />
      <h1>Privacy</h1>
      <p className="nhsuk-lede-text">
        Oversee who sees people’s records{user?.organisation ? ` on behalf of ${user.organisation.name}` : ''}. Everything you open here is itself recorded in the audit.
      </p>
      <LinkCards pages={PRIVACY_PAGES} width="one-third" />
    </>
  );
}
