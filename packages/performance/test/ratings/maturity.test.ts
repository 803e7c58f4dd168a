import { describe, expect, it } from 'vitest';
import { ILLUSTRATIVE_MATURITY_CONFIGURATION, MaturityEngine, parseMaturitySelfAssessment, RatingInputError, type MaturityConfiguration } from '../../src';

const CONFIG: MaturityConfiguration = {
  illustrative: false,
  note: '',
  tests: [
    { id: 'leadership', name: 'System leadership', criteria: [{ id: 'l1', text: 'A board meets', stage: 'developing' }, { id: 'l2', text: 'Decisions together', stage: 'maturing' }, { id: 'l3', text: 'Mutual accountability', stage: 'thriving' }] },
    { id: 'plan', name: 'A single plan', criteria: [{ id: 'p1', text: 'One plan', stage: 'developing' }, { id: 'p2', text: 'Measured', stage: 'maturing' }] },
    { id: 'finance', name: 'Financial performance against a system control total', criteria: [{ id: 'f1', text: 'Control total accepted', stage: 'developing' }] },
  ],
};

const met = { answer: 'met' as const };
const notMet = { answer: 'not-met' as const };

describe('the ICS maturity self-assessment engine', () => {
  const engine = new MaturityEngine(CONFIG);

  it('gives each test the highest stage whose criteria and those below are all met, and the system its weakest test', () => {
    const result = engine.rate({ footprintCode: 'E54000008', assessedOn: '2026-11-30', answers: { l1: met, l2: met, l3: met, p1: met, p2: notMet, f1: { answer: 'met', evidence: 'Agreed at the board, May 2026' } } });
    expect(result.domains.map((d) => [d.id, d.rating])).toEqual([['leadership', 'thriving'], ['plan', 'developing'], ['finance', 'thriving']]);
    expect(result.rating).toEqual({ value: 'developing', rank: 3, label: 'Developing' });
    expect(result.summary).toBe('Self-assessed developing on 2026-11-30: the system is as mature as its weakest test (a single plan).');
    expect(result.domains[1].text).toBe('A single plan: developing; maturing needs p2.');
    expect(result.domains[0].text).toBe('System leadership: thriving, every criterion met.');
    expect(result.domains[2].items[0].text).toBe('Control total accepted (developing): met. Evidence: Agreed at the board, May 2026');
    expect(result.computed).toBe(true);
  });

  it('does not skip a stage: a thriving criterion met above an unmet maturing one counts for nothing', () => {
    const result = engine.rate({ footprintCode: 'E54000008', assessedOn: '2026-11-30', answers: { l1: met, l2: notMet, l3: met, p1: met, p2: met, f1: met } });
    expect(result.domains[0].rating).toBe('developing');
    expect(result.rating?.value).toBe('developing');
  });

  it('counts unanswered criteria as not met and says so; nothing met is emerging', () => {
    const result = engine.rate({ footprintCode: 'E54000008', assessedOn: '2026-11-30', answers: { l1: met } });
    expect(result.rating?.value).toBe('emerging');
    expect(result.notes).toEqual(['5 criteria were not answered and count as not met.']);
    expect(result.domains[1].items[0].text).toBe('One plan (developing): not answered, counted as not met.');
  });

  it('refuses answers to unknown criteria', () => {
    expect(() => engine.rate({ footprintCode: 'x', assessedOn: '2026-11-30', answers: { nope: met } })).toThrow(RatingInputError);
  });

  it('has illustrative criteria for the three published tests', () => {
    expect(ILLUSTRATIVE_MATURITY_CONFIGURATION.tests.map((t) => t.name)).toEqual(['System leadership', 'A single plan', 'Financial performance against a system control total']);
    expect(new MaturityEngine().rate({ footprintCode: 'x', assessedOn: '2026-01-01', answers: {} }).notes[0]).toMatch(/^Illustrative criteria/);
  });
});

describe('parsing a self-assessment', () => {
  it('names every bad field', () => {
    const error = (() => {
      try {
        parseMaturitySelfAssessment({ assessedOn: '2026-02-30', answers: { 'plan-agreed': { answer: 'yes' }, unknown: met } }, 'E54000008');
      } catch (e) {
        return e as RatingInputError;
      }
    })();
    expect(error).toBeInstanceOf(RatingInputError);
    expect(error!.problems[0]).toBe('assessedOn: a date YYYY-MM-DD');
    expect(error!.problems[1]).toBe('answers.plan-agreed.answer: must be met or not-met');
    expect(error!.problems[2]).toMatch(/^answers\.unknown: no such criterion/);
  });
  it('keeps answers and trimmed evidence', () => {
    expect(parseMaturitySelfAssessment({ assessedOn: '2026-02-28', answers: { 'plan-agreed': { answer: 'met', evidence: ' Signed off ' } } }, 'E54000008')).toEqual({ footprintCode: 'E54000008', assessedOn: '2026-02-28', answers: { 'plan-agreed': { answer: 'met', evidence: 'Signed off' } } });
  });
});
