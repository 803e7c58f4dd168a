import { ConsultationStore, ResponseStore, type ConsultationDefinition, type ResponseInput } from '@footprint/engage';
import { runningFootprint } from '@footprint/partnership';
import type { Platform } from '../../platform';
import { footprintPlaces } from './consultations';

/** The demo's open consultation (urgent and emergency care), taking responses around the demo's today. */
export const DEMO_OPEN_CONSULTATION_ID = 'urgent-care-near-you';
/** The demo's closed consultation (mental health support), with about 120 synthetic submitted responses. */
export const DEMO_CLOSED_CONSULTATION_ID = 'mental-health-support-2026';

const SEEDED_BY = 'Footprint demo';

const OPEN: ConsultationDefinition = {
  title: 'Urgent care near you',
  summary: 'We want to make it easier to get urgent care when you need it, closer to home. Tell us how you use urgent care today and what matters most to you.',
  background: [
    { heading: 'Why we are asking', body: 'More people are using A&E for problems that could be treated sooner and closer to home, at an urgent treatment centre, a pharmacy or through NHS 111.\n\nWe are looking at how urgent care is organised across Cheshire and Merseyside, and we want to hear from the people who use it.' },
    { heading: 'What we are proposing', body: 'We propose the same offer in every place: an urgent treatment centre open from 8am to 10pm, booked appointments through NHS 111, and pharmacies treating minor illnesses.\n\nNo decision has been made. We will read every response before we decide.' },
  ],
  easyRead: [
    { heading: 'What this is about', body: 'Sometimes you need to see a doctor or nurse quickly.\n\nWe want to make this easier, near where you live.' },
    { heading: 'What we want to know', body: 'Tell us where you go for urgent care.\n\nTell us what matters most to you.' },
  ],
  opensOn: '2026-11-16',
  closesOn: '2027-02-12',
  audience: { places: [], groups: ['Everyone who lives or works in Cheshire and Merseyside'] },
  askAboutYou: true,
  questions: [
    { id: 'q1', type: 'single-choice', title: 'Have you or someone you care for needed urgent care in the last year?', required: true, options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }, { id: 'not-sure', label: 'Not sure' }] },
    { id: 'q2', type: 'multiple-choice', title: 'Which services did you use?', required: false, showIf: { question: 'q1', anyOf: ['yes'] }, options: [{ id: 'ae', label: 'A&E' }, { id: 'utc', label: 'An urgent treatment centre' }, { id: '111', label: 'NHS 111' }, { id: 'pharmacy', label: 'A pharmacy' }, { id: 'gp', label: 'My GP practice' }] },
    { id: 'q3', type: 'rating-scale', title: 'How easy was it to get the care you needed?', required: false, showIf: { question: 'q1', anyOf: ['yes'] }, min: 1, max: 5, minLabel: 'Very hard', maxLabel: 'Very easy' },
    { id: 'q4', type: 'ranking', title: 'Put these in order of how much they matter to you', required: true, options: [{ id: 'wait', label: 'Being seen quickly' }, { id: 'near', label: 'Being close to home' }, { id: 'hours', label: 'Being open in the evening' }, { id: 'booked', label: 'Being able to book a time' }] },
    { id: 'q5', type: 'matrix', title: 'How much do you agree with each part of the proposal?', required: true, rows: [{ id: 'utc-hours', label: 'Urgent treatment centres open 8am to 10pm' }, { id: 'booked-111', label: 'Booked appointments through NHS 111' }, { id: 'pharmacy', label: 'Pharmacies treating minor illnesses' }], columns: [{ id: 'agree', label: 'Agree' }, { id: 'neither', label: 'Neither' }, { id: 'disagree', label: 'Disagree' }] },
    { id: 'q6', type: 'long-text', title: 'What else should we think about?', hint: 'Please do not include your name or other personal details.', required: false },
    { id: 'q7', type: 'short-text', title: 'If you could change one thing about urgent care, what would it be?', required: false, maxLength: 300 },
  ],
};

const CLOSED: ConsultationDefinition = {
  title: 'Mental health support 2026',
  summary: 'How should we support people with their mental health, sooner and in their own community? We asked people who use services, their families and carers, and staff.',
  background: [
    { heading: 'Why we asked', body: 'Too many people wait too long for mental health support, and too many reach crisis before they get help.\n\nThe partnership set an ambition in 2021 to improve access to mental health services for children, young people and adults.' },
    { heading: 'What we proposed', body: 'Mental health hubs in every place, open to anyone without a referral, with crisis cafés open in the evenings and at weekends.' },
  ],
  easyRead: [{ heading: 'What this was about', body: 'Some people feel low or worried for a long time.\n\nWe want them to get help sooner, near where they live.' }],
  opensOn: '2026-04-06',
  closesOn: '2026-06-28',
  audience: { places: [], groups: ['People who use mental health services', 'Families and carers', 'Staff'] },
  askAboutYou: true,
  questions: [
    { id: 'q1', type: 'single-choice', title: 'Do you support the proposal for mental health hubs in every place?', required: true, options: [{ id: 'support', label: 'Support' }, { id: 'neutral', label: 'Neither support nor oppose' }, { id: 'oppose', label: 'Oppose' }] },
    { id: 'q2', type: 'long-text', title: 'Why do you oppose it?', required: false, showIf: { question: 'q1', anyOf: ['oppose'] } },
    { id: 'q3', type: 'multiple-choice', title: 'Which would help you most?', required: false, options: [{ id: 'hub', label: 'A hub I can walk into' }, { id: 'cafe', label: 'A crisis café in the evening' }, { id: 'online', label: 'Online support' }, { id: 'phone', label: 'A phone line' }] },
    { id: 'q4', type: 'rating-scale', title: 'How well do mental health services meet your needs today?', required: true, min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Completely' },
    { id: 'q5', type: 'ranking', title: 'Which matters most?', required: false, options: [{ id: 'wait', label: 'Short waits' }, { id: 'near', label: 'Near home' }, { id: 'same', label: 'Seeing the same person' }] },
    { id: 'q6', type: 'matrix', title: 'How would you rate these services?', required: false, rows: [{ id: 'talking', label: 'Talking therapies' }, { id: 'crisis', label: 'Crisis support' }, { id: 'cyp', label: "Children and young people's services" }], columns: [{ id: 'good', label: 'Good' }, { id: 'ok', label: 'OK' }, { id: 'poor', label: 'Poor' }, { id: 'dont-know', label: "Don't know" }] },
    { id: 'q7', type: 'long-text', title: 'Is there anything else you would like to tell us?', required: false },
  ],
};

/** A small seeded random number generator (mulberry32), so the demo's responses are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ANYTHING_ELSE = [
  'The crisis café in Birkenhead helped me when nothing else was open.',
  'Waiting eighteen months for talking therapy made everything worse.',
  'Please make sure young people can get help at school.',
  'My son was seen quickly once we got a referral, but getting one took months.',
  'Evening opening matters because I work shifts.',
  'Staff were kind, but I had to tell my story again every time.',
  'Transport to appointments is hard without a car.',
  'More support for carers, please. We are exhausted.',
  'Online support is fine for some, but not for my mum.',
  'Peer support workers made the difference for me.',
];
const WHY_OPPOSE = ['Hubs will take staff away from existing services.', 'I worry the hubs will be too far away for people in rural Cheshire.', 'Money should go to shorter waits first.'];
/** Free text with personal data in it, for moderation to find (synthetic: the NHS number passes Modulus 11 but belongs to no one). */
const PERSONAL = [
  'My NHS number is 943 476 5919 and I have been waiting since March. Please look into it.',
  'You can email me at jo.bloggs@example.com if you want to hear more about my experience.',
  'Call me on 07700 900123, I would like to talk about what happened to my daughter.',
  'I live at CH41 5LH and the nearest hub would be two buses away.',
];

function closedResponse(i: number, random: () => number, places: string[]): ResponseInput {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const stance = random() < 0.62 ? 'support' : random() < 0.6 ? 'neutral' : 'oppose';
  const answers: Record<string, unknown> = { q1: stance, q4: 1 + Math.floor(random() * 5) };
  if (stance === 'oppose' && random() < 0.8) answers.q2 = pick(WHY_OPPOSE);
  const helps = ['hub', 'cafe', 'online', 'phone'].filter(() => random() < 0.45);
  if (helps.length) answers.q3 = helps;
  if (random() < 0.7) answers.q5 = [...['wait', 'near', 'same']].sort(() => random() - 0.5);
  if (random() < 0.8) answers.q6 = Object.fromEntries(['talking', 'crisis', 'cyp'].map((row) => [row, pick(['good', 'ok', 'poor', 'poor', 'dont-know'])]));
  if (i % 30 === 7) answers.q7 = PERSONAL[Math.floor(i / 30) % PERSONAL.length];
  else if (random() < 0.4) answers.q7 = pick(ANYTHING_ELSE);
  const aboutYou: Record<string, string> = {};
  if (random() < 0.85) {
    aboutYou.ageBand = pick(['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-plus', 'prefer-not-to-say']);
    aboutYou.place = random() < 0.92 ? pick(places.length ? places : ['elsewhere']) : 'elsewhere';
    aboutYou.sex = pick(['female', 'female', 'male', 'prefer-not-to-say']);
    aboutYou.disability = pick(['yes', 'no', 'no', 'prefer-not-to-say']);
    aboutYou.ethnicity = random() < 0.85 ? 'white' : pick(['asian', 'black', 'mixed', 'other']);
    aboutYou.carer = pick(['yes', 'no', 'no']);
    if (random() < 0.5) aboutYou.religion = pick(['none', 'christian', 'christian', 'muslim', 'jewish', 'prefer-not-to-say']);
  }
  // Most allow publication; the personal-data ones all do, so moderation has something to find.
  return { answers, aboutYou, publishFreeText: i % 30 === 7 || random() < 0.65 };
}

/**
 * The demo's engagement consultations for the running footprint (Cheshire and Merseyside in the
 * demo): one open (urgent care) and one closed months ago (mental health support) with 120
 * deterministic synthetic submitted responses across the "about you" groups, a few with personal
 * data in their free text. Idempotent: a consultation already there is left as it is.
 */
export async function seedConsultations(platform: Pick<Platform, 'record' | 'sql'>): Promise<void> {
  const footprint = await runningFootprint(platform.record);
  if (!footprint) return;
  const places = (await footprintPlaces(platform, footprint.onsCode)).map((p) => p.code);
  const { rows } = await platform.sql.query<{ id: string }>('SELECT id FROM engage_consultation WHERE id = ANY($1)', [[DEMO_OPEN_CONSULTATION_ID, DEMO_CLOSED_CONSULTATION_ID]]);
  const present = new Set(rows.map((r) => r.id));

  if (!present.has(DEMO_OPEN_CONSULTATION_ID)) {
    const store = new ConsultationStore(platform.sql, { now: () => new Date('2026-11-09T10:00:00Z'), places: async () => [] });
    const c = await store.create(footprint.onsCode, OPEN, SEEDED_BY);
    await store.publish(c.id, SEEDED_BY);
  }
  if (!present.has(DEMO_CLOSED_CONSULTATION_ID)) {
    let now = new Date('2026-03-23T10:00:00Z');
    const store = new ConsultationStore(platform.sql, { now: () => now, places: async () => places.map((code) => ({ code, name: code })) });
    const responses = new ResponseStore(store);
    const c = await store.create(footprint.onsCode, CLOSED, SEEDED_BY);
    await store.publish(c.id, SEEDED_BY);
    const random = seeded(13);
    const opens = Date.parse('2026-04-06T08:00:00Z');
    const span = Date.parse('2026-06-28T20:00:00Z') - opens;
    // Responses come in over the twelve weeks, more at the start and just before the close.
    const moments = Array.from({ length: 120 }, () => {
      const u = random();
      return opens + span * (u < 0.5 ? u * u * 1.2 : 1 - (1 - u) * (1 - u) * 0.8);
    }).sort((a, b) => a - b);
    for (const [i, at] of moments.entries()) {
      now = new Date(at);
      await responses.submit(c.id, closedResponse(i, random, places), { channel: i % 12 === 0 ? 'paper' : 'web' });
    }
  }
}
