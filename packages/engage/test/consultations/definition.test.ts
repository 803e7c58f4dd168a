import { describe, expect, it } from 'vitest';
import { checkAboutYou, checkAnswers, checkContact, EngageInputError, responseFromForm, validateDefinition } from '../../src';
import { everyTypeDefinition, GOOD_ANSWERS, PLACES } from './fixture';

function problemsOf(input: unknown, places?: string[]): string[] {
  try {
    validateDefinition(input, places);
  } catch (error) {
    expect(error).toBeInstanceOf(EngageInputError);
    return (error as EngageInputError).problems;
  }
  return [];
}

describe('a consultation definition', () => {
  it('takes every question type', () => {
    expect(validateDefinition(everyTypeDefinition()).questions.map((q) => q.type)).toEqual(['single-choice', 'rating-scale', 'long-text', 'multiple-choice', 'ranking', 'matrix', 'short-text']);
  });

  it('names the field of each problem', () => {
    const d = everyTypeDefinition();
    (d.questions[0] as { options: { id: string; label: string }[] }).options[1].label = '  ';
    expect(problemsOf({ ...d, questions: [d.questions[1], d.questions[1], d.questions[0]] })).toEqual(['questions[2].options[1].label: must not be empty']);
    expect(problemsOf({ ...everyTypeDefinition(), title: '' })).toEqual(['title: must not be empty']);
    expect(problemsOf({ ...everyTypeDefinition(), opensOn: '2027-02-30' })).toEqual(['opensOn: must be a real date']);
    expect(problemsOf({ ...everyTypeDefinition(), questions: [{ id: 'q1', type: 'essay', title: 'x', required: true }] })[0]).toMatch(/^questions\[0\]\.type: must be one of short-text/);
    expect(problemsOf({ ...everyTypeDefinition(), extra: 1 })[0]).toMatch(/^definition: /);
  });

  it('refuses repeated ids, rating min not below max, too many choices, dates reversed and places not the footprint’s', () => {
    const d = everyTypeDefinition();
    const q = d.questions;
    expect(
      problemsOf(
        {
          ...d,
          closesOn: '2026-10-01',
          questions: [{ ...q[0], options: [{ id: 'yes', label: 'Yes' }, { id: 'yes', label: 'Also yes' }] }, { ...q[1], min: 5, max: 5 }, { ...q[3], id: 'q1', maxChoices: 4 }],
        },
        ['E06000049'],
      ),
    ).toEqual([
      'closesOn: must be on or after opensOn',
      "audience.places[0]: E08000012 is not one of the footprint's places",
      'questions: the id q1 is used twice',
      'questions[0].options: the id yes is used twice',
      'questions[1].max: must be more than min (5)',
      'questions[2].maxChoices: must be at most the number of options (3)',
    ]);
  });

  it('lets display conditions name only earlier choice or rating questions, and answers they have', () => {
    const q = everyTypeDefinition().questions;
    const later = { ...q[0], showIf: { question: 'q2', anyOf: ['3'] } };
    expect(problemsOf({ ...everyTypeDefinition(), questions: [later, q[1]] })).toEqual(['questions[0].showIf.question: must be an earlier question (q2 is not before question 1)']);
    expect(problemsOf({ ...everyTypeDefinition(), questions: [q[6], { ...q[1], showIf: { question: 'q7', anyOf: ['No'] } }] })).toEqual(['questions[1].showIf.question: must be a single choice, multiple choice or rating scale question (q7 is short-text)']);
    expect(problemsOf({ ...everyTypeDefinition(), questions: [q[0], { ...q[2], showIf: { question: 'q1', anyOf: ['yes', 'maybe'] } }] })).toEqual(['questions[1].showIf.anyOf[1]: maybe is not an answer to q1']);
    expect(problemsOf({ ...everyTypeDefinition(), questions: [q[1], { ...q[2], showIf: { question: 'q2', anyOf: ['6'] } }] })).toEqual(['questions[1].showIf.anyOf[0]: 6 is not an answer to q2']);
    expect(problemsOf({ ...everyTypeDefinition(), questions: [q[1], { ...q[2], showIf: { question: 'q2', anyOf: ['1', '2'] } }] })).toEqual([]);
  });
});

describe('answers checked against the definition', () => {
  const d = everyTypeDefinition();
  const problems = (answers: unknown, partial = false) => checkAnswers(d, answers, { partial }).problems.map((p) => `${p.field}: ${p.message}`);

  it('keeps good answers of every type', () => {
    expect(checkAnswers(d, GOOD_ANSWERS)).toEqual({ answers: { ...GOOD_ANSWERS, q4: ['gp', '111'] }, problems: [] });
  });

  it('asks for a required question only when it is shown, and drops answers to hidden questions', () => {
    const { answers, problems: p } = checkAnswers(d, { ...GOOD_ANSWERS, q1: 'no', q3: 'answered anyway' });
    expect(p).toEqual([]);
    expect(answers.q3).toBeUndefined();
    expect(problems({ ...GOOD_ANSWERS, q3: '   ' })).toEqual(['answers.q3: answer "Tell us about your visit"']);
    expect(problems({ q1: 'yes' }, true)).toEqual([]);
  });

  it('refuses answers that do not suit their type', () => {
    expect(problems({ ...GOOD_ANSWERS, q1: 'maybe', q2: 6, q4: ['gp', 'ae', '111'], q5: ['near', 'wait', 'wait'], q6: { gp: 'good' }, q7: 'x'.repeat(101), q9: 'x' })).toEqual([
      'answers.q9: is not a question of this consultation',
      'answers.q1: must be one of yes, no',
      'answers.q2: must be a whole number from 1 to 5',
      'answers.q4: choose at most 2',
      'answers.q5: must rank every option once, each with a different number (wait, near, open)',
      'answers.q6: answer every row (A&E not answered)',
      'answers.q7: must be 100 characters or fewer (this is 101)',
    ]);
    expect(problems({ ...GOOD_ANSWERS, q3: 'bell\u0007' })).toEqual(['answers.q3: must not contain control characters']);
    expect(problems({ ...GOOD_ANSWERS, q6: { gp: 'good', ae: 'great' } })).toEqual(['answers.q6: ae: must be one of poor, ok, good']);
    expect(problems({ ...GOOD_ANSWERS, q5: ['near', 'wait'] })).toHaveLength(1);
    expect(problems('text')).toEqual(['answers: must be an object of answers keyed by question id']);
  });

  it('keeps text as typed, line endings made \\n', () => {
    const text = '<script>alert(1)</script>\r\n\'; DROP TABLE engage_response; --';
    expect(checkAnswers(d, { ...GOOD_ANSWERS, q3: text }).answers.q3).toBe('<script>alert(1)</script>\n\'; DROP TABLE engage_response; --');
  });

  it('checks about you against the footprint’s places, and contact details against consent', () => {
    expect(checkAboutYou({ place: 'E08000012', ageBand: '25-34', sex: '' }, PLACES)).toEqual({ aboutYou: { place: 'E08000012', ageBand: '25-34' }, problems: [] });
    expect(checkAboutYou({ place: 'E09000001', shoeSize: '9' }, PLACES).problems.map((p) => p.field)).toEqual(['aboutYou.place', 'aboutYou.shoeSize']);
    expect(checkContact({ email: 'a@example.com', consentToContact: true })).toEqual({ contact: { email: 'a@example.com', consentToContact: true }, problems: [] });
    expect(checkContact({ email: 'a@example.com', consentToContact: false }).problems[0].field).toBe('contact.consentToContact');
    expect(checkContact({ email: 'not an email', consentToContact: true }).problems[0]).toEqual({ field: 'contact.email', message: 'must be an email address, like name@example.com' });
    expect(checkContact(undefined)).toEqual({ contact: null, problems: [] });
  });

  it('reads the plain HTML form', () => {
    const input = responseFromForm(d, {
      'answers.q1': 'yes',
      'answers.q2': '4',
      'answers.q3': 'It was quick.',
      'answers.q4': ['111', 'gp'],
      'answers.q5.wait': '2',
      'answers.q5.near': '1',
      'answers.q5.open': '3',
      'answers.q6.gp': 'good',
      'answers.q6.ae': 'ok',
      'answers.q7': 'No',
      'aboutYou.place': 'E08000012',
      'aboutYou.sex': '',
      publishFreeText: 'yes',
    });
    expect(input).toEqual({ answers: { ...GOOD_ANSWERS, q2: '4' }, aboutYou: { place: 'E08000012' }, publishFreeText: true });
    expect(checkAnswers(d, input.answers).problems).toEqual([]);
    const tied = responseFromForm(d, { 'answers.q5.wait': '1', 'answers.q5.near': '1', 'answers.q5.open': '2' });
    expect(checkAnswers(d, tied.answers, { partial: true }).problems.map((p) => p.field)).toEqual(['answers.q5']);
  });
});
