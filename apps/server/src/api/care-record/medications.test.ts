import type { MedicationRequest } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { CURRENT_WITHIN_DAYS, groupMedications } from './medications';
import type { OrganisationRef } from './organisations';

const SNOMED = 'http://snomed.info/sct';
const BUDESONIDE = { coding: [{ system: SNOMED, code: '35912411000001100', display: 'Budesonide 200micrograms/dose dry powder inhaler' }] };
const AMLODIPINE = { coding: [{ system: SNOMED, code: '42206011000001104', display: 'Amlodipine 5mg tablets' }] };
const AMOXICILLIN = { coding: [{ system: SNOMED, code: '39732311000001104', display: 'Amoxicillin 500mg capsules' }] };
const RAMIPRIL = { coding: [{ system: 'https://dmd.nhs.uk', code: '42206511000001102', display: 'Ramipril 2.5mg capsules' }] };
const TODAY = new Date('2026-03-31T12:00:00Z');

const PRACTICE: OrganisationRef = { code: 'Z10001', name: 'Elm Road Surgery' };
const OTHER_PRACTICE: OrganisationRef = { code: 'Z10002', name: 'Oak Lane Medical Practice' };

let next = 0;
function issue(medication: MedicationRequest['medicationCodeableConcept'], authoredOn: string | undefined, status: MedicationRequest['status'], requester = 'Z10001', dosage?: string): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: `mr-${++next}`,
    status,
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: medication,
    ...(authoredOn ? { authoredOn } : {}),
    requester: { reference: `Organization/${requester}` },
    ...(dosage ? { dosageInstruction: [{ text: dosage }] } : {}),
  };
}

const prescriber = (request: MedicationRequest) => (request.requester?.reference === 'Organization/Z10002' ? OTHER_PRACTICE : PRACTICE);

describe('grouping a person’s prescriptions into one row per medicine', () => {
  it('shows six yearly budesonide repeats as one current medicine with six issues and the last issue date', () => {
    const issues = ['2020-04-14', '2021-04-14', '2022-04-14', '2023-04-14', '2024-04-13', '2025-04-13'].map((day, i, all) =>
      issue(BUDESONIDE, day, i === all.length - 1 ? 'active' : 'completed'),
    );
    const { current, past } = groupMedications(issues.reverse(), prescriber, TODAY);
    expect(past).toEqual([]);
    expect(current).toEqual([
      {
        key: `${SNOMED}|35912411000001100`,
        display: 'Budesonide 200micrograms/dose dry powder inhaler',
        code: '35912411000001100',
        dosage: null,
        status: 'active',
        issues: 6,
        firstIssued: '2020-04-14',
        lastIssued: '2025-04-13',
        prescriber: PRACTICE,
      },
    ]);
  });

  it('keeps past medicines apart: stopped, cancelled, or completed more than six months ago', () => {
    const { current, past } = groupMedications(
      [
        issue(AMLODIPINE, '2023-01-10', 'completed'),
        issue(AMLODIPINE, '2024-01-10', 'completed'),
        issue(RAMIPRIL, '2026-03-01', 'stopped'),
        issue(BUDESONIDE, '2026-02-01', 'cancelled'),
      ],
      prescriber,
      TODAY,
    );
    expect(current).toEqual([]);
    expect(past.map((m) => [m.display, m.issues, m.status, m.lastIssued])).toEqual([
      ['Ramipril 2.5mg capsules', 1, 'stopped', '2026-03-01'],
      ['Budesonide 200micrograms/dose dry powder inhaler', 1, 'cancelled', '2026-02-01'],
      ['Amlodipine 5mg tablets', 2, 'completed', '2024-01-10'],
    ]);
  });

  it(`counts a completed course issued within ${CURRENT_WITHIN_DAYS} days as current, and an active repeat however old its last issue`, () => {
    const recent = new Date(TODAY.getTime() - (CURRENT_WITHIN_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    const lapsed = new Date(TODAY.getTime() - (CURRENT_WITHIN_DAYS + 1) * 86_400_000).toISOString().slice(0, 10);
    const { current, past } = groupMedications(
      [issue(AMOXICILLIN, recent, 'completed'), issue(RAMIPRIL, lapsed, 'completed'), issue(BUDESONIDE, '2024-06-01', 'active'), issue(AMLODIPINE, '2024-06-01', 'on-hold')],
      prescriber,
      TODAY,
    );
    expect(current.map((m) => m.display)).toEqual(['Amlodipine 5mg tablets', 'Amoxicillin 500mg capsules', 'Budesonide 200micrograms/dose dry powder inhaler']);
    expect(past.map((m) => m.display)).toEqual(['Ramipril 2.5mg capsules']);
  });

  it('takes the dosage, status and prescriber organisation from the latest issue', () => {
    const { current } = groupMedications(
      [issue(BUDESONIDE, '2026-01-05', 'active', 'Z10002', 'Two puffs twice a day'), issue(BUDESONIDE, '2025-01-05', 'completed', 'Z10001', 'One puff twice a day')],
      prescriber,
      TODAY,
    );
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ dosage: 'Two puffs twice a day', status: 'active', prescriber: OTHER_PRACTICE, issues: 2, firstIssued: '2025-01-05' });
  });

  it('groups uncoded medicines by their text, leaves out issues entered in error, and counts undated issues', () => {
    const { current, past } = groupMedications(
      [
        issue({ text: 'Paracetamol 500mg tablets' }, '2026-03-20', 'completed'),
        issue({ text: ' paracetamol 500MG tablets' }, '2026-02-20', 'completed'),
        issue(AMOXICILLIN, '2026-03-25', 'entered-in-error'),
        issue(AMLODIPINE, undefined, 'active'),
        issue(AMLODIPINE, '2026-01-01', 'active'),
      ],
      prescriber,
      TODAY,
    );
    expect(past).toEqual([]);
    expect(current.map((m) => [m.display, m.issues, m.code, m.lastIssued])).toEqual([
      ['Amlodipine 5mg tablets', 2, '42206011000001104', '2026-01-01'],
      ['Paracetamol 500mg tablets', 2, null, '2026-03-20'],
    ]);
  });

  it('has nothing to show for a person with no prescriptions', () => {
    expect(groupMedications([], prescriber, TODAY)).toEqual({ current: [], past: [] });
  });
});
