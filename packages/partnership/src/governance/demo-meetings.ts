import { ILLUSTRATIVE } from './demo-bodies';

/**
 * The demo's meetings, 2017 to 2026, with their agendas, papers (links), minutes, decisions and
 * actions: some done, some open, some overdue. ILLUSTRATIVE throughout (see demo-bodies.ts).
 * Papers link to the partnership's and NHS England's public sites, not to real papers.
 */
export interface OwnerSpec {
  kind?: string;
  index?: number;
  role?: string;
}
export interface ActionSpec {
  description: string;
  owner: OwnerSpec;
  due: string;
  status: 'open' | 'in-progress' | 'done' | 'cancelled';
  completedOn?: string;
  note?: string;
}
export interface MeetingSpec {
  body: string;
  date: string;
  status: 'planned' | 'held' | 'cancelled';
  public: boolean;
  online?: boolean;
  location?: string;
  minutes?: string;
  /** Title, presenter (a role), purpose, papers. */
  agenda: Array<{ title: string; presenter?: string; purpose?: 'decision' | 'discussion' | 'assurance' | 'information'; papers?: Array<{ title: string; type: string; link: string }> }>;
  /** Decisions, each under an agenda item (1-based), with the actions it gave rise to. */
  decisions?: Array<{ reference: string; text: string; status: 'approved' | 'deferred' | 'rejected' | 'noted'; item: number; actions?: ActionSpec[] }>;
  /** Actions from the meeting itself. */
  actions?: ActionSpec[];
}

const SITE = 'https://www.cheshireandmerseyside.nhs.uk/';
const minutes = (...points: string[]) => [...points, ILLUSTRATIVE].join('\n\n');
const opening = { title: 'Welcome, apologies and declarations of interest', presenter: 'Chair' };
const lastMinutes = { title: 'Minutes of the last meeting and the action log', presenter: 'Chair', purpose: 'decision' as const };

export const DEMO_MEETINGS: MeetingSpec[] = [
  {
    body: 'gov-board', date: '2017-06-29', status: 'held', public: true, location: 'Liverpool Town Hall',
    minutes: minutes('The board received the first update on the Sustainability and Transformation Plan and agreed its governance.', 'Members asked for a single view of progress across the three local delivery systems.'),
    agenda: [opening, { title: 'Sustainability and Transformation Plan: delivery update', presenter: 'Chief Executive', purpose: 'assurance', papers: [{ title: 'STP delivery update, June 2017', type: 'report', link: 'https://www.england.nhs.uk/five-year-forward-view/' }] }, { title: 'Governance arrangements and terms of reference', presenter: 'Independent Chair', purpose: 'decision', papers: [{ title: 'Partnership Board terms of reference', type: 'terms-of-reference', link: SITE }] }],
    decisions: [{ reference: 'PB-2017-01', text: 'Approved the Partnership Board’s terms of reference.', status: 'approved', item: 3, actions: [{ description: 'Publish the approved terms of reference on the partnership’s website.', owner: { kind: 'partnership', role: 'Director of Communications and Engagement' }, due: '2017-07-31', status: 'done', completedOn: '2017-07-20', note: 'Published with the board papers.' }] }],
    actions: [{ description: 'Bring one view of progress across the three delivery systems to the next meeting.', owner: { kind: 'partnership', role: 'Director of Strategy and Partnerships' }, due: '2017-09-28', status: 'done', completedOn: '2017-09-21', note: 'Dashboard presented in September.' }],
  },
  {
    body: 'gov-board', date: '2019-03-28', status: 'held', public: true, location: 'Chester Town Hall',
    minutes: minutes('The board discussed the NHS Long Term Plan and how the partnership will respond.', 'It agreed to write a five-year strategy with the nine places.'),
    agenda: [opening, lastMinutes, { title: 'The NHS Long Term Plan: our response', presenter: 'Director of Strategy and Partnerships', purpose: 'decision', papers: [{ title: 'Responding to the Long Term Plan: approach and timetable', type: 'report', link: 'https://www.longtermplan.nhs.uk/' }] }],
    decisions: [{ reference: 'PB-2019-04', text: 'Agreed to prepare a five-year strategy responding to the Long Term Plan, with each place, by November 2019.', status: 'approved', item: 3, actions: [{ description: 'Draft the five-year strategy with the nine places.', owner: { kind: 'partnership', role: 'Director of Strategy and Partnerships' }, due: '2019-09-30', status: 'done', completedOn: '2019-10-15', note: 'Draft shared with places; final version approved in November.' }] }],
  },
  {
    body: 'gov-board', date: '2022-07-28', status: 'held', public: true, online: true,
    minutes: minutes('The board noted the establishment of the Integrated Care Board on 1 July 2022 and the transfer of the CCGs’ functions.'),
    agenda: [opening, { title: 'Establishment of the Integrated Care Board', presenter: 'Chief Executive', purpose: 'information', papers: [{ title: 'From CCGs to the Integrated Care Board', type: 'briefing', link: SITE }] }],
    decisions: [{ reference: 'PB-2022-07', text: 'Noted the establishment of the Integrated Care Board on 1 July 2022.', status: 'noted', item: 2 }],
  },
  {
    body: 'gov-board', date: '2025-09-25', status: 'held', public: true, location: 'Warrington Town Hall',
    minutes: minutes('The board approved the winter plan and discussed urgent and emergency care performance.', 'The workforce plan was deferred to allow the councils to contribute.'),
    agenda: [opening, lastMinutes, { title: 'Winter plan 2025/26', presenter: 'Chief Operating Officer', purpose: 'decision', papers: [{ title: 'Winter plan 2025/26', type: 'report', link: SITE }] }, { title: 'Shared workforce plan', presenter: 'Director of People', purpose: 'decision', papers: [{ title: 'Shared workforce plan: draft', type: 'report', link: SITE }] }],
    decisions: [
      { reference: 'PB-2025-18', text: 'Approved the winter plan 2025/26.', status: 'approved', item: 3, actions: [{ description: 'Report progress on the urgent and emergency care improvement plan.', owner: { kind: 'acute_trust', index: 0, role: 'Chief Operating Officer' }, due: '2025-12-31', status: 'open' }] },
      { reference: 'PB-2025-19', text: 'Deferred the shared workforce plan so that councils can contribute to it.', status: 'deferred', item: 4, actions: [{ description: 'Agree a shared workforce plan with health and social care partners.', owner: { kind: 'partnership', role: 'Director of People' }, due: '2026-03-31', status: 'in-progress' }] },
    ],
  },
  {
    body: 'gov-board', date: '2026-09-24', status: 'held', public: true, location: 'Wallasey Town Hall',
    minutes: minutes('The board received the annual report, reviewed the digital inclusion programme and agreed to refresh the joint forward plan.'),
    agenda: [opening, lastMinutes, { title: 'Annual report 2025/26', presenter: 'Chief Executive', purpose: 'decision', papers: [{ title: 'Annual report 2025/26', type: 'report', link: SITE }] }, { title: 'Digital inclusion programme', presenter: 'Director of Public Health', purpose: 'assurance' }, { title: 'Joint forward plan refresh', presenter: 'Director of Strategy and Partnerships', purpose: 'discussion', papers: [{ title: 'Joint forward plan: refresh timetable', type: 'briefing', link: SITE }] }],
    decisions: [{ reference: 'PB-2026-21', text: 'Approved the annual report 2025/26 for publication.', status: 'approved', item: 3, actions: [{ description: 'Publish the annual report 2025/26.', owner: { kind: 'partnership', role: 'Director of Communications and Engagement' }, due: '2026-10-31', status: 'done', completedOn: '2026-10-09', note: 'Published on the website.' }] }],
    actions: [
      { description: 'Review the digital inclusion programme’s risks with the places.', owner: { kind: 'local_authority', index: 0, role: 'Director of Public Health' }, due: '2026-11-30', status: 'open' },
      { description: 'Bring the refreshed joint forward plan for approval.', owner: { kind: 'partnership', role: 'Director of Strategy and Partnerships' }, due: '2027-02-25', status: 'open' },
    ],
  },
  { body: 'gov-board', date: '2026-12-17', status: 'planned', public: true, location: 'Liverpool Town Hall', agenda: [opening, lastMinutes, { title: 'Winter pressures update', presenter: 'Chief Operating Officer', purpose: 'assurance' }] },
  {
    body: 'gov-assembly', date: '2022-12-08', status: 'held', public: true, location: 'Knowsley, Huyton Suite',
    minutes: minutes('The assembly held its first meeting and approved the interim integrated care strategy.', 'Questions from the public were answered in writing.'),
    agenda: [opening, { title: 'Interim integrated care strategy', presenter: 'Chair', purpose: 'decision', papers: [{ title: 'Interim integrated care strategy', type: 'report', link: SITE }] }],
    decisions: [{ reference: 'HCP-2022-01', text: 'Approved the interim integrated care strategy.', status: 'approved', item: 2, actions: [{ description: 'Engage each place on the full strategy.', owner: { kind: 'voluntary', index: 0, role: 'Chief Officer' }, due: '2023-06-30', status: 'done', completedOn: '2023-06-12', note: 'Nine place events held.' }] }],
  },
  {
    body: 'gov-assembly', date: '2024-06-20', status: 'held', public: true, location: 'St Helens Town Hall',
    minutes: minutes('The assembly reviewed progress on the strategy’s ambitions and the Marmot community programme.'),
    agenda: [opening, lastMinutes, { title: 'Progress on the integrated care strategy', presenter: 'Chair', purpose: 'assurance' }],
    actions: [{ description: 'Set out how each place will report on the strategy’s ambitions.', owner: { kind: 'local_authority', index: 6, role: 'Chief Executive' }, due: '2024-12-31', status: 'cancelled', completedOn: '2024-11-14', note: 'Superseded by the joint forward plan reporting.' }],
  },
  { body: 'gov-assembly', date: '2026-12-10', status: 'planned', public: true, location: 'Chester Town Hall', agenda: [opening, lastMinutes, { title: 'The integrated care strategy in 2027', presenter: 'Chair', purpose: 'discussion' }] },
  {
    body: 'gov-commissioning', date: '2018-05-17', status: 'held', public: false, location: 'Warrington, the ICB offices',
    minutes: minutes('The forum agreed its terms of reference and its first work programme.'),
    agenda: [opening, { title: 'Terms of reference and work programme', presenter: 'Director of Strategy and Partnerships', purpose: 'decision' }],
    decisions: [{ reference: 'CCF-2018-01', text: 'Agreed to commission stroke services once for the footprint.', status: 'approved', item: 2 }],
  },
  {
    body: 'gov-commissioning', date: '2023-03-16', status: 'held', public: false, online: true,
    minutes: minutes('The forum considered how specialised services delegated from NHS England will be commissioned.'),
    agenda: [opening, lastMinutes, { title: 'Delegated specialised services', presenter: 'Chief Finance Officer', purpose: 'decision', papers: [{ title: 'Specialised services: commissioning approach', type: 'business-case', link: SITE }] }],
    decisions: [{ reference: 'CCF-2023-03', text: 'Approved the collaborative commissioning approach for delegated specialised services.', status: 'approved', item: 3, actions: [{ description: 'Align the specialised services contracts with the collaborative approach.', owner: { kind: 'partnership', role: 'Chief Finance Officer' }, due: '2026-06-30', status: 'open' }] }],
  },
  { body: 'gov-clinical', date: '2017-09-14', status: 'held', public: false, location: 'Liverpool, the partnership offices', minutes: minutes('The group agreed the clinical case for change for stroke and urgent care.'), agenda: [opening, { title: 'The clinical case for change', presenter: 'Medical Director', purpose: 'decision' }], decisions: [{ reference: 'CLG-2017-02', text: 'Endorsed the clinical case for change for stroke services.', status: 'approved', item: 2 }] },
  { body: 'gov-clinical', date: '2020-04-02', status: 'cancelled', public: false, online: true, agenda: [opening], },
  {
    body: 'gov-clinical', date: '2021-05-13', status: 'held', public: false, online: true,
    minutes: minutes('The group reviewed the restoration of elective care after COVID-19.'),
    agenda: [opening, lastMinutes, { title: 'Restoring elective care', presenter: 'Medical Director', purpose: 'discussion' }],
    actions: [{ description: 'Agree one clinical prioritisation approach for waiting lists.', owner: { kind: 'acute_trust', index: 1, role: 'Medical Director' }, due: '2021-07-31', status: 'done', completedOn: '2021-07-08', note: 'Adopted by all trusts.' }],
  },
  {
    body: 'gov-cancer', date: '2019-10-10', status: 'held', public: false, location: 'Liverpool, the cancer centre',
    minutes: minutes('The network reviewed the 62-day standard and rapid diagnostic centres.'),
    agenda: [opening, { title: 'Rapid diagnostic centres', presenter: 'Cancer Programme Director', purpose: 'decision', papers: [{ title: 'Rapid diagnostic centres: proposal', type: 'business-case', link: SITE }] }],
    decisions: [{ reference: 'CN-2019-05', text: 'Supported the proposal for two rapid diagnostic centres.', status: 'approved', item: 2 }],
  },
  {
    body: 'gov-cancer', date: '2026-05-14', status: 'held', public: false, online: true,
    minutes: minutes('The network reviewed early diagnosis and the lung health check programme.'),
    agenda: [opening, lastMinutes, { title: 'Early diagnosis', presenter: 'Lead Cancer Clinician', purpose: 'assurance' }],
    actions: [{ description: 'Extend lung health checks to the remaining places.', owner: { kind: 'acute_trust', index: 0, role: 'Lead Cancer Clinician' }, due: '2027-03-31', status: 'in-progress' }],
  },
  {
    body: 'gov-cardiovascular', date: '2021-11-18', status: 'held', public: false, online: true,
    minutes: minutes('The network agreed to find people with undiagnosed high blood pressure through community pharmacies.'),
    agenda: [opening, { title: 'Finding high blood pressure', presenter: 'Cardiovascular Clinical Lead', purpose: 'decision' }],
    actions: [{ description: 'Report the number of blood pressure checks in community pharmacies.', owner: { kind: 'local_authority', index: 2, role: 'Director of Public Health' }, due: '2026-08-31', status: 'open' }],
  },
  { body: 'gov-cardiovascular', date: '2026-12-03', status: 'planned', public: false, online: true, agenda: [opening, lastMinutes, { title: 'Atrial fibrillation detection', presenter: 'Consultant Cardiologist', purpose: 'discussion' }] },
];
