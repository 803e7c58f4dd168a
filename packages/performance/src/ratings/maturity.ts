import { RatingInputError, type RatingDomainExplanation, type RatingEngine, type RatingItemExplanation, type RatingResult, type RatingValue } from './types';

/**
 * The ICS maturity self-assessment: stages emerging, developing, maturing and thriving, against
 * the three tests for becoming an integrated care system (NHS England, Next Steps on the Five Year
 * Forward View, 2017): system leadership, a single plan, and financial performance against a
 * system control total. Each test has criteria, each belonging to a stage above emerging; a test
 * reaches a stage when every criterion of that stage and of the stages below is met, and the
 * system's stage is that of its weakest test.
 */

export const MATURITY_STAGES = ['emerging', 'developing', 'maturing', 'thriving'] as const;
export type MaturityStage = (typeof MATURITY_STAGES)[number];

export const MATURITY_RATINGS: readonly RatingValue[] = MATURITY_STAGES.map((stage, i) => ({ value: stage, rank: 4 - i, label: stage[0].toUpperCase() + stage.slice(1) }));

export const MATURITY_ANSWERS = ['met', 'not-met'] as const;
export type MaturityAnswer = (typeof MATURITY_ANSWERS)[number];

export interface MaturityCriterion {
  id: string;
  text: string;
  /** The stage the criterion belongs to (emerging is where every system starts). */
  stage: Exclude<MaturityStage, 'emerging'>;
}

export interface MaturityTest {
  id: string;
  name: string;
  criteria: readonly MaturityCriterion[];
}

export interface MaturityConfiguration {
  illustrative: boolean;
  note: string;
  tests: readonly MaturityTest[];
}

/** One self-assessment: an answer per criterion, with optional evidence. */
export interface MaturitySelfAssessment {
  footprintCode: string;
  /** The date assessed, `YYYY-MM-DD`. */
  assessedOn: string;
  answers: Readonly<Record<string, { answer: MaturityAnswer; evidence?: string } | undefined>>;
}

/** Criteria written by Footprint around the three published tests; illustrative, not NHS England's wording. */
export const ILLUSTRATIVE_MATURITY_CONFIGURATION: MaturityConfiguration = {
  illustrative: true,
  note: 'Illustrative criteria written by Footprint around the three published tests; NHS England’s maturity index did not publish a criterion-level checklist.',
  tests: [
    {
      id: 'system-leadership',
      name: 'System leadership',
      criteria: [
        { id: 'leadership-board', text: 'A partnership board of the NHS bodies and local authorities meets regularly with an agreed chair.', stage: 'developing' },
        { id: 'leadership-terms', text: 'Terms of reference and decision rights are agreed by every partner’s board.', stage: 'developing' },
        { id: 'leadership-collective', text: 'Partners take decisions collectively for the footprint, recorded in a governance log.', stage: 'maturing' },
        { id: 'leadership-places', text: 'Places and provider collaboratives have delegated responsibilities.', stage: 'maturing' },
        { id: 'leadership-accountability', text: 'The system holds itself to account for performance, with mutual accountability between partners.', stage: 'thriving' },
      ],
    },
    {
      id: 'single-plan',
      name: 'A single plan',
      criteria: [
        { id: 'plan-agreed', text: 'One plan for the footprint is agreed by every partner.', stage: 'developing' },
        { id: 'plan-ambitions', text: 'The plan sets measurable ambitions against the three gaps, each with a baseline and a target.', stage: 'maturing' },
        { id: 'plan-measured', text: 'Progress against the ambitions is measured and reported to the board.', stage: 'maturing' },
        { id: 'plan-population', text: 'Plans are built on population health analysis and shared data across partners.', stage: 'thriving' },
      ],
    },
    {
      id: 'system-control-total',
      name: 'Financial performance against a system control total',
      criteria: [
        { id: 'finance-control-total', text: 'The partners have accepted a single system control total.', stage: 'developing' },
        { id: 'finance-on-plan', text: 'The system is on or ahead of its financial plan year to date.', stage: 'maturing' },
        { id: 'finance-risk-share', text: 'A risk-share agreement lets partners move money between them.', stage: 'maturing' },
        { id: 'finance-delivered', text: 'The system delivered its control total in the last full year.', stage: 'thriving' },
      ],
    },
  ],
};

export function maturityConfigurationProblems(configuration: MaturityConfiguration): string[] {
  const problems: string[] = [];
  if (!configuration.tests.length) problems.push('give at least one test');
  const seen = new Set<string>();
  for (const test of configuration.tests) {
    if (!test.criteria.length) problems.push(`test ${test.id}: give at least one criterion`);
    for (const criterion of test.criteria) {
      if (seen.has(criterion.id)) problems.push(`criterion ${criterion.id} appears twice`);
      seen.add(criterion.id);
      if (!MATURITY_STAGES.slice(1).includes(criterion.stage)) problems.push(`criterion ${criterion.id}: stage must be developing, maturing or thriving`);
    }
  }
  return problems;
}

/** Problems with a self-assessment's answers against a configuration (unknown criteria, bad answers). */
export function maturityAnswerProblems(configuration: MaturityConfiguration, answers: MaturitySelfAssessment['answers']): string[] {
  const known = new Set(configuration.tests.flatMap((t) => t.criteria.map((c) => c.id)));
  const problems: string[] = [];
  for (const [id, answer] of Object.entries(answers)) {
    if (!known.has(id)) problems.push(`answers.${id}: no such criterion (known: ${[...known].join(', ')})`);
    else if (!answer || !MATURITY_ANSWERS.includes(answer.answer)) problems.push(`answers.${id}.answer: must be met or not-met`);
  }
  return problems;
}

export class MaturityEngine implements RatingEngine<MaturitySelfAssessment, MaturityConfiguration> {
  readonly id = 'ics-maturity';
  readonly name = 'ICS maturity self-assessment';
  readonly source = 'NHS England, Next Steps on the NHS Five Year Forward View (March 2017) and the ICS maturity index: stages emerging, developing, maturing, thriving; the three tests of system leadership, a single plan and financial performance against a system control total.';

  constructor(readonly configuration: MaturityConfiguration = ILLUSTRATIVE_MATURITY_CONFIGURATION) {
    const problems = maturityConfigurationProblems(configuration);
    if (problems.length) throw new RatingInputError(problems);
  }

  rate(inputs: MaturitySelfAssessment): RatingResult {
    const problems = maturityAnswerProblems(this.configuration, inputs.answers);
    if (problems.length) throw new RatingInputError(problems);
    const notes = this.configuration.illustrative ? [this.configuration.note] : [];
    let unanswered = 0;
    const domains: RatingDomainExplanation[] = this.configuration.tests.map((test) => {
      const items: RatingItemExplanation[] = test.criteria.map((criterion) => {
        const given = inputs.answers[criterion.id];
        if (!given) unanswered++;
        const met = given?.answer === 'met';
        const evidence = given?.evidence ? ` Evidence: ${given.evidence}` : '';
        return {
          id: criterion.id,
          name: criterion.text,
          value: given?.answer ?? null,
          unit: null,
          period: null,
          score: met ? 1 : 0,
          weight: null,
          text: `${criterion.text} (${criterion.stage}): ${given ? (met ? 'met' : 'not met') : 'not answered, counted as not met'}.${evidence}`,
        };
      });
      // The highest stage whose criteria, and those of every stage below, are all met.
      let reached = 0;
      for (let s = 1; s < MATURITY_STAGES.length; s++) {
        const ofStage = test.criteria.filter((c) => c.stage === MATURITY_STAGES[s]);
        if (ofStage.every((c) => inputs.answers[c.id]?.answer === 'met')) reached = s;
        else break;
      }
      const stage = MATURITY_STAGES[reached];
      const next = MATURITY_STAGES[reached + 1];
      const blocking = next ? test.criteria.filter((c) => c.stage === next && inputs.answers[c.id]?.answer !== 'met') : [];
      const text = `${test.name}: ${stage}` + (next ? `; ${next} needs ${blocking.map((c) => c.id).join(', ')}.` : ', every criterion met.');
      return { id: test.id, name: test.name, score: reached, weight: null, rating: stage, text, items };
    });
    const weakest = Math.min(...domains.map((d) => d.score ?? 0));
    const rating = MATURITY_RATINGS[weakest];
    const limiting = domains.filter((d) => d.score === weakest).map((d) => d.name.toLowerCase());
    if (unanswered) notes.push(`${unanswered} criteria were not answered and count as not met.`);
    return {
      engine: { id: this.id, name: this.name },
      subject: inputs.footprintCode,
      computed: true,
      rating,
      score: null,
      summary: `Self-assessed ${rating.value} on ${inputs.assessedOn}: the system is as mature as its weakest test (${limiting.join(', ')}).`,
      domains,
      notes,
    };
  }
}
