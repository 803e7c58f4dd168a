/**
 * What a person may be referred for: the needs the directory's services meet, as a Footprint
 * CodeSystem (`HealthcareService.type`). The list follows the common reasons for referral in NHS
 * England's social prescribing guidance (Social prescribing and community-based support: summary
 * guide, 2020) and the National Academy for Social Prescribing's themes.
 */
export const NEED_SYSTEM = 'https://fhir.footprint.example/CodeSystem/social-prescribing-need';
/** Directory entries carry this category, so the directory is one search. */
export const DIRECTORY_CATEGORY = { system: 'https://fhir.footprint.example/CodeSystem/service-directory', code: 'social-prescribing', display: 'Voluntary, community and social enterprise service' } as const;

export const NEEDS = {
  'loneliness': 'Loneliness and social isolation',
  'physical-activity': 'Physical activity',
  'mental-wellbeing': 'Mental wellbeing',
  'money-and-debt': 'Money, debt and benefits',
  'housing': 'Housing',
  'work-and-learning': 'Work, learning and volunteering',
  'carers': 'Support for carers',
  'food': 'Food and nutrition',
  'arts-and-creativity': 'Arts and creativity',
  'nature': 'Nature and green spaces',
  'long-term-conditions': 'Living well with a long-term condition',
  'bereavement': 'Bereavement',
} as const;
export type Need = keyof typeof NEEDS;
export const isNeed = (v: unknown): v is Need => typeof v === 'string' && Object.hasOwn(NEEDS, v);

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export const DAY_NAMES: Record<Day, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
