import type { MilestoneData, PriorityData, ProgrammeData, RiskData } from '../kinds';

/** A priority with its programmes, milestones and risks, as the seed writes them. */
export interface SeedPriority {
  key: string;
  data: PriorityData;
  programmes: Array<{ key: string; data: ProgrammeData; milestones: MilestoneData[]; risks: RiskData[] }>;
}

/**
 * Cheshire and Merseyside's priorities and, under them, ILLUSTRATIVE programmes, milestones and
 * risks: the plan's areas of work follow its ambitions, but the programmes' names, leads, dates,
 * statuses and risk scores are made up for the demonstration (marked `illustrative`). Lead
 * organisations are the demo record's, by ODS code: QYG the partnership, RQ6 and RBS trusts, ZC1
 * and ZM1 the community and mental health providers, ZL105 Liverpool City Council.
 */
const programme = (data: Omit<ProgrammeData, 'illustrative' | 'places'> & { places?: string[] }): ProgrammeData => ({ places: [], ...data, illustrative: true });
const milestone = (name: string, due: string, status: MilestoneData['status'], completed?: string): MilestoneData => ({ name, due, status, ...(completed ? { completed } : {}), illustrative: true });
const risk = (title: string, likelihood: number, impact: number, owner: string, mitigation: string): RiskData => ({ title, likelihood, impact, owner, mitigation, status: 'open', illustrative: true });

const MID_MERSEY = ['E06000006', 'E08000011', 'E08000013', 'E06000007'];
const CHESHIRE_AND_WIRRAL = ['E06000049', 'E06000050', 'E08000015'];

export const CHESHIRE_AND_MERSEYSIDE_PRIORITIES: readonly SeedPriority[] = [
  {
    key: 'cancer-cvd',
    data: { name: 'Cancer, heart disease and stroke', type: 'clinical', description: 'Finding cancer and cardiovascular disease earlier and treating them sooner, in the communities where fewest people live long.' },
    programmes: [
      {
        key: 'early-diagnosis',
        data: programme({ name: 'Early cancer diagnosis', leadOrganisation: 'RQ6', seniorResponsibleOwner: 'Medical director, Royal Liverpool University Hospital', description: 'Community diagnostic centres and targeted lung health checks.' }),
        milestones: [milestone('Community diagnostic centre open in Liverpool', '2025-09-30', 'complete', '2025-09-12'), milestone('Targeted lung health checks offered in Knowsley and Halton', '2026-06-30', 'delayed'), milestone('Three in four cancers found at stage 1 or 2', '2028-03-31', 'on-track')],
        risks: [risk('Too few radiographers and radiologists to staff the diagnostic centres', 4, 4, 'Director of workforce, the partnership', 'Shared recruitment across trusts; reporting networked across the footprint.')],
      },
      {
        key: 'blood-pressure',
        data: programme({ name: 'Blood pressure optimisation', leadOrganisation: 'QYG', seniorResponsibleOwner: 'Director of population health, the partnership', description: 'Finding and treating high blood pressure through practices, pharmacies and community checks.' }),
        milestones: [milestone('Blood pressure checks in every community pharmacy', '2026-03-31', 'complete', '2026-02-20'), milestone('Practices in the most deprived fifth reach 70% treated to target', '2027-03-31', 'at-risk')],
        risks: [risk('Practices lack capacity to recall people for review', 3, 3, 'Primary care lead, the partnership', 'Recall searches run centrally; pharmacies take on reviews.')],
      },
    ],
  },
  {
    key: 'mental-health',
    data: { name: 'Mental health', type: 'clinical', description: 'Consistently high-quality mental health services, funded to the Mental Health Investment Standard.' },
    programmes: [
      {
        key: 'crisis-care',
        data: programme({ name: 'Mental health crisis care and physical health checks', leadOrganisation: 'ZM1', seniorResponsibleOwner: 'Chief executive, the mental health provider' }),
        milestones: [milestone('24/7 crisis line for all ages', '2025-12-31', 'complete', '2025-11-30'), milestone('Six physical health checks for 60% of people with serious mental illness', '2026-09-30', 'at-risk'), milestone('Crisis cafés open in every place', '2027-06-30', 'not-started')],
        risks: [risk('Spending falls short of the Mental Health Investment Standard', 2, 5, 'Chief finance officer, the partnership', 'Investment ring-fenced in each place’s budget and reported to the board quarterly.')],
      },
    ],
  },
  {
    key: 'urgent-care',
    data: { name: 'Urgent care closer to home', type: 'clinical', description: 'More services close to home, so fewer people need to go to A&E.' },
    programmes: [
      {
        key: 'same-day-care',
        data: programme({ name: 'Same-day urgent care in Mid Mersey', leadOrganisation: 'ZC1', seniorResponsibleOwner: 'Director of operations, the community provider', places: MID_MERSEY }),
        milestones: [milestone('Urgent treatment centre open in St Helens', '2026-03-31', 'complete', '2026-03-02'), milestone('Two-hour urgent community response in all four places', '2026-10-31', 'on-track'), milestone('Virtual ward beds for frailty', '2027-03-31', 'on-track')],
        risks: [risk('Winter demand exceeds the community response’s capacity', 4, 3, 'Director of operations, the community provider', 'Surge plan agreed with the acute trusts; staff shared across places.')],
      },
    ],
  },
  {
    key: 'women-children',
    data: { name: 'Women and children', type: 'clinical', description: 'Consistently high quality and safe care for women and children.' },
    programmes: [
      {
        key: 'children',
        data: programme({ name: 'Children and young people’s services', leadOrganisation: 'RBS', seniorResponsibleOwner: 'Chief executive, Alder Hey Children’s Hospital' }),
        milestones: [milestone('Every maternity unit meets the ten safety actions', '2026-03-31', 'delayed'), milestone('Children’s asthma reviews in every primary care network', '2027-01-31', 'on-track')],
        risks: [risk('Midwife vacancies delay the safety actions', 3, 4, 'Chief nurse, the partnership', 'International recruitment; continuity-of-carer teams phased.')],
      },
    ],
  },
  {
    key: 'learning-disabilities',
    data: { name: 'Learning disabilities and autism', type: 'clinical', description: 'More people with learning disabilities supported to live in the community.' },
    programmes: [
      {
        key: 'community-living',
        data: programme({ name: 'Homes in the community', leadOrganisation: 'ZL105', seniorResponsibleOwner: 'Director of adult social care, Liverpool City Council', places: ['E08000012'] }),
        milestones: [milestone('Supported housing scheme of 40 homes agreed', '2026-06-30', 'complete', '2026-05-14'), milestone('Half of people in long-stay hospital beds discharged home', '2027-03-31', 'not-started')],
        risks: [risk('Too few suitable homes for people leaving hospital', 4, 4, 'Director of adult social care, Liverpool City Council', 'Joint housing plan with the councils; capital bids to NHS England.')],
      },
    ],
  },
  {
    key: 'integrated-care',
    data: { name: 'Care at or close to home', type: 'clinical', description: 'Teams of professionals working together to provide care at or close to home.' },
    programmes: [
      {
        key: 'neighbourhood-teams',
        data: programme({ name: 'Integrated neighbourhood teams in Cheshire and Wirral', leadOrganisation: 'ZC1', seniorResponsibleOwner: 'Place director, Cheshire and Wirral', places: CHESHIRE_AND_WIRRAL }),
        milestones: [milestone('Neighbourhood team in every primary care network', '2026-09-30', 'on-track'), milestone('Shared care plans for people with frailty', '2027-03-31', 'not-started')],
        risks: [],
      },
    ],
  },
  {
    key: 'digital',
    data: { name: 'Digital and data', type: 'enabling', description: 'One shared care record and the population health data the plan is measured with.' },
    programmes: [
      {
        key: 'shared-record',
        data: programme({ name: 'Shared care record', leadOrganisation: 'QYG', seniorResponsibleOwner: 'Chief digital officer, the partnership' }),
        milestones: [milestone('Every trust and practice sharing records', '2025-12-31', 'complete', '2025-12-01'), milestone('Councils’ social care records shared', '2026-11-30', 'delayed')],
        risks: [risk('A supplier cannot connect on time', 2, 3, 'Chief digital officer, the partnership', 'Contract milestones; a fallback interface through the shared record’s import.')],
      },
    ],
  },
  {
    key: 'workforce',
    data: { name: 'Workforce', type: 'enabling', description: 'One workforce for the footprint: shared recruitment, training and staff passports.' },
    programmes: [],
  },
];

/** Risks to the whole plan (not to one programme), also illustrative. */
export const CHESHIRE_AND_MERSEYSIDE_PLAN_RISKS: readonly RiskData[] = [
  risk('The system does not live within its financial plan', 3, 5, 'Chief finance officer, the partnership', 'Recovery plan agreed with every partner; the board reviews spending monthly.'),
  risk('Inequalities widen if improvements reach the least deprived places first', 3, 4, 'Director of population health, the partnership', 'Every programme reports its progress in the most deprived fifth first.'),
];
