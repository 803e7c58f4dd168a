import type { GovernanceBody } from './kinds';

/**
 * The demo's governance bodies for Cheshire and Merseyside (E54000008): the partnership board,
 * the Health and Care Partnership assembly, the collaborative commissioning forum, and clinical
 * and professional networks. ILLUSTRATIVE: the bodies are those the partnership's documents
 * describe, but dates, membership, terms of reference and everything said at meetings are made up
 * for the demo. No real person is named; members are organisations and role titles.
 */
export const ILLUSTRATIVE = 'Illustrative demo data: not the partnership’s actual records.';

/** Who sits on a body: an organisation of a kind (the n-th of that kind in the register), a role, or both. */
export interface MemberSpec {
  kind?: string;
  index?: number;
  role: string;
  membership: 'voting' | 'attending';
  since?: string;
  until?: string;
}

export interface BodySpec {
  id: string;
  body: GovernanceBody;
  terms: { text: string; approvedOn: string; reviewDue?: string };
  members: MemberSpec[];
}

const tor = (purpose: string, quorum: string, extra: string) =>
  [
    `Purpose. ${purpose}`,
    `Membership. The members listed are voting members unless shown as in attendance. Members may send a named deputy of suitable seniority.`,
    `Quorum. ${quorum}`,
    `Decisions. The body seeks consensus. Where consensus cannot be reached, decisions are taken by a simple majority of voting members present; statutory organisations remain accountable for their own decisions.`,
    extra,
    ILLUSTRATIVE,
  ].join('\n\n');

export const DEMO_BODIES: BodySpec[] = [
  {
    id: 'gov-board',
    body: { name: 'Partnership Board', type: 'partnership-board', purpose: 'Leads the partnership: agrees its strategy and plan, oversees delivery against the ambitions, and holds partners to the commitments they have made to one another.', chair: 'Independent Chair', established: '2016-11-01', meetingFrequency: 'bi-monthly', note: ILLUSTRATIVE },
    terms: { text: tor('To lead the Cheshire and Merseyside partnership, agree its strategy and plan and oversee their delivery.', 'Half of the voting members, including at least one NHS provider and one local authority.', 'Reporting. The board publishes its papers and minutes for meetings held in public.'), approvedOn: '2017-06-29', reviewDue: '2027-06-30' },
    members: [
      { role: 'Independent Chair', membership: 'voting' },
      { kind: 'partnership', role: 'Chief Executive', membership: 'voting' },
      { kind: 'partnership', role: 'Director of Finance', membership: 'attending' },
      { kind: 'acute_trust', index: 0, role: 'Chief Executive', membership: 'voting' },
      { kind: 'acute_trust', index: 1, role: 'Chief Executive', membership: 'voting' },
      { kind: 'acute_trust', index: 2, role: 'Chief Executive', membership: 'voting', until: '2023-03-31' },
      { kind: 'mental_health_provider', role: 'Chief Executive', membership: 'voting' },
      { kind: 'community_provider', role: 'Chief Executive', membership: 'voting' },
      { kind: 'local_authority', index: 4, role: 'Chief Executive', membership: 'voting' },
      { kind: 'local_authority', index: 8, role: 'Chief Executive', membership: 'voting' },
      { kind: 'local_authority', index: 0, role: 'Director of Public Health', membership: 'attending' },
      { kind: 'voluntary', index: 0, role: 'Chief Officer', membership: 'attending', since: '2019-04-01' },
    ],
  },
  {
    id: 'gov-assembly',
    body: { name: 'Health and Care Partnership Assembly', type: 'partnership-assembly', purpose: 'Brings together the NHS, the nine councils and the voluntary, community and social enterprise sector to agree the integrated care strategy and hear from communities.', chair: 'Chair of the Health and Care Partnership', established: '2022-07-01', meetingFrequency: 'twice-yearly', note: ILLUSTRATIVE },
    terms: { text: tor('To agree and keep under review the integrated care strategy for the people of Cheshire and Merseyside.', 'A third of the members, including members from at least five of the nine places.', 'Openness. The assembly meets in public and takes questions from the public in writing before each meeting.'), approvedOn: '2022-12-08' },
    members: [
      { kind: 'partnership', role: 'Chair', membership: 'voting' },
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((index) => ({ kind: 'local_authority', index, role: 'Chair of the Health and Wellbeing Board', membership: 'voting' as const })),
      { kind: 'acute_trust', index: 0, role: 'Chair', membership: 'voting' },
      { kind: 'mental_health_provider', role: 'Chair', membership: 'voting' },
      { kind: 'voluntary', index: 0, role: 'Chief Officer', membership: 'voting' },
      { kind: 'voluntary', index: 1, role: 'Chief Officer', membership: 'voting' },
      { role: 'Healthwatch representative', membership: 'attending' },
    ],
  },
  {
    id: 'gov-commissioning',
    body: { name: 'Collaborative Commissioning Forum', type: 'commissioning-forum', purpose: 'Where commissioners agree what they commission once, together, for the whole footprint, and align their contracts and budgets where it improves care.', chair: 'Director of Strategy and Partnerships', established: '2018-04-01', meetingFrequency: 'monthly', note: ILLUSTRATIVE },
    terms: { text: tor('To commission together the services best commissioned once for Cheshire and Merseyside.', 'Half of the members, including the chair or vice-chair.', 'Delegation. The forum recommends; each commissioner takes its decisions through its own governance.'), approvedOn: '2018-05-17' },
    members: [
      { kind: 'partnership', role: 'Director of Strategy and Partnerships', membership: 'voting' },
      { kind: 'commissioner', index: 0, role: 'Accountable Officer', membership: 'voting', until: '2022-06-30' },
      { kind: 'commissioner', index: 1, role: 'Accountable Officer', membership: 'voting', until: '2022-06-30' },
      { kind: 'local_authority', index: 1, role: 'Director of Adult Social Services', membership: 'voting' },
      { kind: 'local_authority', index: 5, role: 'Director of Children’s Services', membership: 'voting' },
      { kind: 'partnership', role: 'Chief Finance Officer', membership: 'attending' },
    ],
  },
  {
    id: 'gov-clinical',
    body: { name: 'Clinical Leadership Group', type: 'clinical-network', purpose: 'The partnership’s clinical and professional voice: advises the board on the clinical case for change and assures the quality and safety of service changes.', chair: 'Medical Director', established: '2017-01-01', meetingFrequency: 'monthly', note: ILLUSTRATIVE },
    terms: { text: tor('To give clinical and professional leadership to the partnership’s plan.', 'Six members, including a doctor, a nurse and an allied health professional.', 'Advice. The group advises; it does not commission or provide services.'), approvedOn: '2017-03-09' },
    members: [
      { kind: 'partnership', role: 'Medical Director', membership: 'voting' },
      { kind: 'partnership', role: 'Director of Nursing and Care', membership: 'voting' },
      { kind: 'acute_trust', index: 0, role: 'Medical Director', membership: 'voting' },
      { kind: 'acute_trust', index: 1, role: 'Medical Director', membership: 'voting' },
      { kind: 'mental_health_provider', role: 'Medical Director', membership: 'voting' },
      { kind: 'pcn', index: 0, role: 'Clinical Director', membership: 'voting' },
      { role: 'Lead Allied Health Professional', membership: 'voting' },
    ],
  },
  {
    id: 'gov-cancer',
    body: { name: 'Cancer Network', type: 'clinical-network', purpose: 'Clinicians and managers across the footprint working to diagnose cancer earlier, meet the waiting time standards and reduce variation in treatment and outcomes.', chair: 'Cancer Programme Clinical Lead', established: '2017-04-01', meetingFrequency: 'quarterly', note: ILLUSTRATIVE },
    terms: { text: tor('To improve cancer outcomes and experience for everyone in Cheshire and Merseyside.', 'Five members, including two trusts.', 'Reporting. The network reports quarterly to the Partnership Board.'), approvedOn: '2017-06-08' },
    members: [
      { kind: 'partnership', role: 'Cancer Programme Director', membership: 'voting' },
      { kind: 'acute_trust', index: 0, role: 'Lead Cancer Clinician', membership: 'voting' },
      { kind: 'acute_trust', index: 1, role: 'Lead Cancer Clinician', membership: 'voting' },
      { kind: 'acute_trust', index: 3, role: 'Lead Cancer Nurse', membership: 'voting' },
      { kind: 'local_authority', index: 4, role: 'Consultant in Public Health', membership: 'attending' },
      { role: 'Patient representative', membership: 'attending' },
    ],
  },
  {
    id: 'gov-cardiovascular',
    body: { name: 'Cardiovascular Network', type: 'clinical-network', purpose: 'Prevents heart attacks and strokes: finds and treats high blood pressure, atrial fibrillation and high cholesterol, and joins up cardiac and stroke services.', chair: 'Cardiovascular Clinical Lead', established: '2019-04-01', meetingFrequency: 'quarterly', note: ILLUSTRATIVE },
    terms: { text: tor('To reduce deaths from heart attacks and strokes in Cheshire and Merseyside.', 'Four members, including primary care.', 'Reporting. The network reports twice a year to the Clinical Leadership Group.'), approvedOn: '2019-05-16' },
    members: [
      { kind: 'partnership', role: 'Cardiovascular Clinical Lead', membership: 'voting' },
      { kind: 'acute_trust', index: 2, role: 'Consultant Cardiologist', membership: 'voting' },
      { kind: 'pcn', index: 1, role: 'Clinical Director', membership: 'voting' },
      { kind: 'local_authority', index: 2, role: 'Director of Public Health', membership: 'voting' },
      { kind: 'voluntary', index: 1, role: 'Chief Officer', membership: 'attending' },
    ],
  },
];
