/**
 * The optional questions about the respondent, asked after the consultation's own so the analysis
 * can show who has and has not been heard: age band, place, and the Equality Act 2010's protected
 * characteristics (s.4: age, disability, gender reassignment, marriage and civil partnership,
 * pregnancy and maternity, race, religion or belief, sex, sexual orientation), plus being a carer,
 * which NHS engagement teams also ask. Every one offers "Prefer not to say"; none is ever required.
 * Categories follow the 2021 Census for England (ethnicity as its five high-level groups).
 */

export const ABOUT_YOU_KEYS = ['ageBand', 'place', 'sex', 'genderReassignment', 'disability', 'ethnicity', 'religion', 'sexualOrientation', 'maritalStatus', 'pregnancy', 'carer'] as const;
export type AboutYouKey = (typeof ABOUT_YOU_KEYS)[number];

export interface AboutYouQuestion {
  key: AboutYouKey;
  title: string;
  /** Options as [id, label]. `place` takes its options from the footprint's places at run time. */
  options: Array<[string, string]>;
}

const PREFER_NOT = ['prefer-not-to-say', 'Prefer not to say'] as [string, string];

export const ABOUT_YOU_QUESTIONS: readonly AboutYouQuestion[] = [
  { key: 'ageBand', title: 'How old are you?', options: [['under-16', 'Under 16'], ['16-24', '16 to 24'], ['25-34', '25 to 34'], ['35-44', '35 to 44'], ['45-54', '45 to 54'], ['55-64', '55 to 64'], ['65-74', '65 to 74'], ['75-plus', '75 or over'], PREFER_NOT] },
  { key: 'place', title: 'Where do you live?', options: [['elsewhere', 'Somewhere else'], PREFER_NOT] },
  { key: 'sex', title: 'What is your sex?', options: [['female', 'Female'], ['male', 'Male'], PREFER_NOT] },
  { key: 'genderReassignment', title: 'Is the gender you identify with the same as your sex registered at birth?', options: [['yes', 'Yes'], ['no', 'No'], PREFER_NOT] },
  { key: 'disability', title: 'Do you have a physical or mental health condition or illness lasting or expected to last 12 months or more?', options: [['yes', 'Yes'], ['no', 'No'], PREFER_NOT] },
  { key: 'ethnicity', title: 'What is your ethnic group?', options: [['asian', 'Asian or Asian British'], ['black', 'Black, Black British, Caribbean or African'], ['mixed', 'Mixed or multiple ethnic groups'], ['white', 'White'], ['other', 'Another ethnic group'], PREFER_NOT] },
  { key: 'religion', title: 'What is your religion?', options: [['none', 'No religion'], ['christian', 'Christian'], ['buddhist', 'Buddhist'], ['hindu', 'Hindu'], ['jewish', 'Jewish'], ['muslim', 'Muslim'], ['sikh', 'Sikh'], ['other', 'Any other religion'], PREFER_NOT] },
  { key: 'sexualOrientation', title: 'Which of the following best describes your sexual orientation?', options: [['straight', 'Straight or heterosexual'], ['gay-lesbian', 'Gay or lesbian'], ['bisexual', 'Bisexual'], ['other', 'Another sexual orientation'], PREFER_NOT] },
  { key: 'maritalStatus', title: 'Are you married or in a civil partnership?', options: [['yes', 'Yes'], ['no', 'No'], PREFER_NOT] },
  { key: 'pregnancy', title: 'Are you pregnant, or have you given birth in the last 26 weeks?', options: [['yes', 'Yes'], ['no', 'No'], PREFER_NOT] },
  { key: 'carer', title: 'Do you look after, or give any help or support to, anyone because of long-term physical or mental ill health, disability or problems related to old age?', options: [['yes', 'Yes'], ['no', 'No'], PREFER_NOT] },
];
