import { LinkCards } from '../components/LinkCards';
import { SECTIONS } from '../components/Header';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/SessionContext';

const DESCRIPTIONS: Record<string, string> = {
  '/footprint': 'The partnership’s places and organisations, its population by age and sex, and how deprived its neighbourhoods are.',
  '/partnership': 'Who the partnership is: its places and delivery systems on a map, its member organisations, governance and plan.',
  '/population': 'Disease register prevalence, people who may have undiagnosed conditions, inequalities and trends.',
  '/care-record': 'Find a person and see one summary of their care across every partner organisation.',
  '/worklist': 'People registered at your practice whom case finding suggests may have an undiagnosed condition.',
  '/feeds': 'What each partner organisation has sent to the shared record, when, and what failed validation.',
  '/accounts': 'Add staff, reset their passwords, change their roles and disable accounts.',
  '/duplicates': 'Records that may belong to one person, side by side, to confirm, reject, merge or unmerge.',
  '/privacy': 'Review break-glass, search the audit of who saw whose record, and check unusual access.',
};

/** A signed-in user's home: one card per part of Footprint their role may use. */
export function HomePage() {
  usePageTitle('Home');
  const { user, can } = useSession();
  if (!user) return null;
  const sections = SECTIONS.filter((s) => can(s.capability));
  return (
    <>
      <h1>Welcome, {user.displayName}</h1>
      <p className="nhsuk-lede-text">
        Your role: {user.roleLabel}
        {user.organisation ? `, ${user.organisation.name}` : ''}.
      </p>
      <LinkCards pages={sections.map((s) => ({ path: s.path, label: s.label, description: DESCRIPTIONS[s.path] }))} />
    </>
  );
}
