import { SectionNav } from '../../components/SectionNav';

/** The partnership area's pages, in the order people usually look at them. */
export const PARTNERSHIP_PAGES = [
  { path: '/partnership/organisations', label: 'Organisations', description: 'Every member organisation, with its role in the partnership and since when: search by name or code.' },
  { path: '/partnership/governance', label: 'Governance', description: 'The partnership board, assembly, forums and networks: their members, meetings, decisions and the action log.' },
  { path: '/partnership/plan', label: 'The plan', description: 'Priorities, programmes, milestones and risks, and the ambitions the partnership has promised, by triple-aim gap.' },
  { path: '/partnership/footprints', label: 'Footprints and history', description: 'Every footprint of England from STP to ICB: names, statuses, mergers, places and delivery systems on any date.' },
  { path: '/partnership/changes', label: 'Changes', description: 'Who changed what in the register and the plan, and when.' },
] as const;

/** The navigation between the partnership area's pages, shown at the top of each of them. */
export function PartnershipNav() {
  return <SectionNav label="Partnership" home="/partnership" pages={PARTNERSHIP_PAGES} testId="partnership-nav" />;
}
