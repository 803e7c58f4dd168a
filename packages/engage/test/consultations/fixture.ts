import type { ConsultationDefinition } from '../../src';

/** A consultation with every question type, the third shown only to those who chose "yes" in the first. */
export function everyTypeDefinition(overrides: Partial<ConsultationDefinition> = {}): ConsultationDefinition {
  return {
    title: 'Urgent care near you',
    summary: 'How should urgent care work in Cheshire and Merseyside?',
    background: [{ heading: 'Why we are asking', body: 'First paragraph.\n\nSecond paragraph.' }],
    easyRead: [{ heading: 'What this is about', body: 'We want to hear from you.' }],
    opensOn: '2026-11-01',
    closesOn: '2027-03-12',
    audience: { places: ['E08000012'], groups: ['Carers'] },
    askAboutYou: true,
    questions: [
      { id: 'q1', type: 'single-choice', title: 'Have you used an urgent treatment centre?', required: true, options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] },
      { id: 'q2', type: 'rating-scale', title: 'How easy is it to get urgent care?', required: true, min: 1, max: 5, minLabel: 'Very hard', maxLabel: 'Very easy' },
      { id: 'q3', type: 'long-text', title: 'Tell us about your visit', required: true, showIf: { question: 'q1', anyOf: ['yes'] } },
      { id: 'q4', type: 'multiple-choice', title: 'Which services have you used?', required: false, maxChoices: 2, options: [{ id: 'gp', label: 'GP' }, { id: '111', label: 'NHS 111' }, { id: 'ae', label: 'A&E' }] },
      { id: 'q5', type: 'ranking', title: 'Rank what matters most', required: true, options: [{ id: 'wait', label: 'Short waits' }, { id: 'near', label: 'Close to home' }, { id: 'open', label: 'Open late' }] },
      { id: 'q6', type: 'matrix', title: 'How good are these?', required: true, rows: [{ id: 'gp', label: 'GP' }, { id: 'ae', label: 'A&E' }], columns: [{ id: 'poor', label: 'Poor' }, { id: 'ok', label: 'OK' }, { id: 'good', label: 'Good' }] },
      { id: 'q7', type: 'short-text', title: 'Anything else?', required: false, maxLength: 100 },
    ],
    ...overrides,
  };
}

/** Answers to everyTypeDefinition that pass. */
export const GOOD_ANSWERS = { q1: 'yes', q2: 4, q3: 'It was quick.', q4: ['111', 'gp'], q5: ['near', 'wait', 'open'], q6: { gp: 'good', ae: 'ok' }, q7: 'No' };

/** The places the tests' footprint has. */
export const PLACES = [
  { code: 'E08000012', name: 'Liverpool' },
  { code: 'E06000049', name: 'Cheshire East' },
];
