import { describe, expect, it } from 'vitest';
import { statusOfCall as statusOf } from './status';
import type { PurposeOfUse } from '../../src/access-context';
import { AccessPolicy } from '../../src/access/policy';
import { COORDINATION_TYPES, STAFF_ROLES, staffAccess, staffContext, type StaffRole } from '../../src/access/staff-policy';
import { sharingChoiceConsent, voluntarySharingConsent } from '../../src/access/consent/builders';

const practice = { code: 'A81001', reference: 'Organization/practice' };
/** `null` for someone not linked to any organisation. */
const member = (role: StaffRole, organisation: typeof practice | null = practice) => ({ id: `u-${role}`, displayName: role, role, ...(organisation ? { organisation } : {}) });
const policy = (role: StaffRole, purpose: PurposeOfUse = 'TREAT', organisation: typeof practice | null = practice) => new AccessPolicy(staffContext(member(role, organisation), purpose));

describe('the staff policy', () => {
  it('clinicians and social workers read and search the record for direct care', () => {
    for (const role of ['gp_clinician', 'hospital_clinician', 'social_worker'] as const) {
      const p = policy(role);
      expect(p.allows('r', 'Condition'), role).toBe(true);
      expect(p.allows('s', 'Patient'), role).toBe(true);
      expect(p.allows('c', 'Condition'), role).toBe(false);
      expect(p.allows('u', 'Patient'), role).toBe(false);
      expect(p.countOnly, role).toBe(false);
    }
  });

  it('clinicians and social workers may create and update what care coordination writes, and nothing else', () => {
    for (const role of ['gp_clinician', 'hospital_clinician', 'social_worker'] as const) {
      for (const type of ['CarePlan', 'CareTeam', 'Goal', 'ServiceRequest', 'Task', 'Communication', 'QuestionnaireResponse']) {
        expect(policy(role).allows('c', type), `${role} ${type}`).toBe(true);
        expect(policy(role).allows('u', type), `${role} ${type}`).toBe(true);
        expect(policy(role).allows('d', type), `${role} ${type}`).toBe(false);
      }
      for (const type of ['Observation', 'MedicationRequest', 'Patient', 'HealthcareService']) expect(policy(role).allows('c', type), `${role} ${type}`).toBe(false);
      // A Consent only as the person's agreement to share with a voluntary organisation (staff-content.ts).
      expect(policy(role).allows('c', 'Consent'), `${role} Consent`).toBe(true);
      expect(policy(role).allows('u', 'Consent'), `${role} Consent`).toBe(false);
      expect(statusOf(() => policy(role).requireCreateContent(sharingChoiceConsent('p1', 'all-partners')))).toBe(403);
      expect(statusOf(() => policy(role).requireCreateContent(voluntarySharingConsent('p1', ['Organization/charity'])))).toBeUndefined();
    }
    for (const role of ['analyst', 'partnership_lead', 'administrator', 'privacy_officer'] as const) expect(policy(role, 'TREAT').allows('c', 'CarePlan'), role).toBe(false);
  });

  it('voluntary-sector workers move on the tasks addressed to them and keep their own entries of the directory, and write nothing else', () => {
    const voluntary = policy('voluntary_worker', 'TREAT', { code: 'VOL01', reference: 'Organization/charity' });
    expect(voluntary.allows('u', 'Task')).toBe(true);
    for (const type of ['Task', 'ServiceRequest', 'CarePlan', 'Goal', 'Consent', 'Observation', 'QuestionnaireResponse']) expect(voluntary.allows('c', type), type).toBe(false);
    for (const type of ['HealthcareService', 'Location']) {
      expect(voluntary.allows('c', type), type).toBe(true);
      expect(voluntary.allows('u', type), type).toBe(true);
      expect(voluntary.allows('d', type), type).toBe(false);
    }
    for (const type of ['Organization', 'HealthcareService', 'Location', 'ServiceRequest', 'Task']) expect(voluntary.allows('r', type), type).toBe(true);
    for (const type of ['Condition', 'Observation', 'MedicationRequest', 'QuestionnaireResponse']) expect(voluntary.allows('r', type), type).toBe(false);
    const service = (providedBy: string) => ({ resourceType: 'HealthcareService' as const, providedBy: { reference: providedBy } });
    expect(statusOf(() => voluntary.requireCreateContent(service('Organization/charity')))).toBeUndefined();
    expect(statusOf(() => voluntary.requireCreateContent(service('Organization/another-charity')))).toBe(403);
    expect(statusOf(() => voluntary.requireCreateContent({ resourceType: 'Location', managingOrganization: { reference: 'Organization/another-charity' } }))).toBe(403);
  });

  it('grants them nothing for another purpose or without an organisation', () => {
    expect(policy('gp_clinician', 'HRESCH').allows('r', 'Patient')).toBe(false);
    expect(policy('social_worker', 'PUBHLTH').allows('s', 'Patient')).toBe(false);
    expect(policy('hospital_clinician', 'TREAT', null).allows('r', 'Patient')).toBe(false);
  });

  it('analysts and partnership leads have no identifiable record access', () => {
    for (const role of ['analyst', 'partnership_lead'] as const) {
      for (const purpose of ['TREAT', 'HOPERAT', 'PUBHLTH'] as const) {
        const p = policy(role, purpose);
        expect(p.types('r'), `${role} ${purpose}`).toEqual([]);
        expect(p.types('s'), `${role} ${purpose}`).toEqual([]);
      }
      expect(statusOf(() => policy(role).require('r', 'Patient'))).toBe(403);
    }
  });

  it('administrators may only count patients, for operations, and read nothing clinical', () => {
    const admin = policy('administrator', 'HOPERAT', null);
    expect(admin.allows('s', 'Patient')).toBe(true);
    expect(admin.allows('r', 'Patient')).toBe(false);
    expect(admin.allows('s', 'Condition')).toBe(false);
    expect(statusOf(() => admin.requireDisclosure('Patient', true))).toBeUndefined();
    expect(statusOf(() => admin.requireDisclosure('Patient', false))).toBe(403);
    expect(policy('administrator', 'TREAT').allows('s', 'Patient')).toBe(false);
  });

  it('applies the role whatever scopes a staff context claims', () => {
    const forged = { ...staffContext(member('analyst'), 'TREAT'), scopes: ['user/*.cruds'] };
    expect(new AccessPolicy(forged).allows('r', 'Patient')).toBe(false);
    const greedy = { ...staffContext(member('gp_clinician'), 'TREAT'), scopes: ['user/*.cruds'] };
    expect(new AccessPolicy(greedy).allows('r', 'Patient')).toBe(true);
    expect(new AccessPolicy(greedy).allows('d', 'Patient')).toBe(false);
    const unknown = { principal: { kind: 'user' as const, id: 'x', role: 'superuser' }, scopes: ['user/*.cruds'], purpose: 'TREAT' as const };
    expect(new AccessPolicy(unknown).allows('r', 'Patient')).toBe(false);
  });

  it('decides something for every role', () => {
    for (const role of STAFF_ROLES) expect(staffAccess(role, { reference: 'Organization/x' }).purposes.length >= 0).toBe(true);
    expect(staffContext(member('gp_clinician'), 'TREAT')).toMatchObject({ principal: { kind: 'user', role: 'gp_clinician' }, organisation: { reference: 'Organization/practice', odsCode: 'A81001' }, scopes: ['user/*.rs', ...COORDINATION_TYPES.map((t) => `user/${t}.cu`), 'user/Consent.c'] });
  });

  it('re-identification is for the practice itself, for direct care', () => {
    expect(statusOf(() => policy('gp_clinician').requireReidentification('Organization/practice'))).toBeUndefined();
    expect(statusOf(() => policy('gp_clinician').requireReidentification('Organization/elsewhere'))).toBe(403);
    expect(statusOf(() => policy('hospital_clinician', 'TREAT', { code: 'RBQ', reference: 'Organization/trust' }).requireReidentification('Organization/practice'))).toBe(403);
    expect(statusOf(() => policy('analyst').requireReidentification('Organization/practice'))).toBe(403);
  });
});
