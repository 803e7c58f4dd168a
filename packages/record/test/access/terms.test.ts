import { describe, expect, it } from 'vitest';
import type { AccessContext } from '../../src/access-context';
import { AccessPolicy } from '../../src/access/policy';
import { evaluateTerm } from '../../src/access/term-evaluate';
import { compileTerm } from '../../src/access/term-sql';
import { ALL, NONE, and, compartment, not, or, recordedBy, relationship, sensitive, types, unattached, type AccessRow } from '../../src/access/terms';
import { SqlParams } from '../../src/db/sql-params';

const row = (resource_type: string, patient_id: string | null): AccessRow => ({ resource_type, patient_id });
const patient = (id: string): AccessContext => ({ principal: { kind: 'patient', id, nhsNumber: '9990000018' }, scopes: ['patient/*.rs'], purpose: 'TREAT' });

describe('access terms', () => {
  it('the evaluator decides each kind for one row', () => {
    expect(evaluateTerm(ALL, row('Patient', 'p1'))).toBe(true);
    expect(evaluateTerm(NONE, row('Patient', 'p1'))).toBe(false);
    expect(evaluateTerm(types(['Patient', 'Condition']), row('Condition', null))).toBe(true);
    expect(evaluateTerm(types(['Patient']), row('Condition', null))).toBe(false);
    expect(evaluateTerm(compartment('p1'), row('Observation', 'p1'))).toBe(true);
    expect(evaluateTerm(compartment('p1'), row('Observation', 'p2'))).toBe(false);
    expect(evaluateTerm(compartment('p1'), row('Observation', null))).toBe(false);
    expect(evaluateTerm(unattached(), row('Practitioner', null))).toBe(true);
    expect(evaluateTerm(not(compartment('p1')), row('Observation', null))).toBe(true);
    expect(evaluateTerm(and(types(['Observation']), compartment('p1')), row('Observation', 'p1'))).toBe(true);
    expect(evaluateTerm(or(types(['Practitioner']), compartment('p1')), row('Observation', 'p2'))).toBe(false);
  });

  it('constructors simplify: all and none absorb, double negation cancels, empty types are none', () => {
    expect(and(ALL, compartment('p'))).toEqual(compartment('p'));
    expect(and(NONE, compartment('p'))).toBe(NONE);
    expect(or(ALL, compartment('p'))).toBe(ALL);
    expect(or(NONE)).toBe(NONE);
    expect(and()).toBe(ALL);
    expect(not(not(unattached()))).toEqual(unattached());
    expect(types([])).toBe(NONE);
  });

  it('the SQL compiler writes parameterised predicates, never spliced values', () => {
    const params = new SqlParams();
    const sql = compileTerm(and(types(["Patient'; DROP TABLE resource; --"]), or(compartment('p1'), unattached())), 'r', params);
    expect(sql).toBe('(r.resource_type = ANY($1::text[]) AND (r.patient_id = $2 OR r.patient_id IS NULL))');
    expect(params.values).toEqual([["Patient'; DROP TABLE resource; --"], 'p1']);
    expect(sql).not.toContain('DROP');
  });

  it('a negated term that reads a nullable column is made null-safe', () => {
    const params = new SqlParams();
    expect(compileTerm(not(compartment('p1')), 'h', params)).toBe('NOT COALESCE(h.patient_id = $1, FALSE)');
    expect(compileTerm(not(types(['Patient'])), 'h', new SqlParams())).toBe('NOT h.resource_type = ANY($1::text[])');
    expect(compileTerm(ALL, 'h', new SqlParams())).toBe('TRUE');
    expect(compileTerm(NONE, 'h', new SqlParams())).toBe('FALSE');
  });

  it("a patient's policy is their compartment plus shared reference data, in SQL and in memory alike", () => {
    const policy = new AccessPolicy(patient('zoe'));
    expect(policy.permitsRow({ patient_id: 'zoe' }, 'Observation', 'r')).toBe(true);
    expect(policy.permitsRow({ patient_id: 'raj' }, 'Observation', 'r')).toBe(false);
    expect(policy.permitsRow({ patient_id: null }, 'Practitioner', 'r')).toBe(true);
    expect(policy.permitsRow({ patient_id: null }, 'Observation', 'r')).toBe(false);
    const params = new SqlParams();
    const sql = policy.predicate('r', 's', params);
    expect(sql).toBe('(r.patient_id = $1 OR (r.patient_id IS NULL AND NOT r.resource_type = ANY($2::text[])))');
    expect(params.values[0]).toBe('zoe');
    expect(params.values[1]).toContain('Observation');
  });

  it('a client is bounded by the types its scopes grant for the interaction', () => {
    const policy = new AccessPolicy({ principal: { kind: 'client', id: 'c' }, scopes: ['system/Patient.rs', 'system/Condition.r'], purpose: 'TREAT' });
    const params = new SqlParams();
    expect(policy.predicate('r', 's', params)).toBe('(r.resource_type = ANY($1::text[]) AND NOT r.sensitive)');
    expect(params.values).toEqual([['Patient']]);
    expect(policy.predicate('r', 'c', new SqlParams())).toBe('FALSE');
    expect(policy.permitsRow({ patient_id: 'x', sensitive: false }, 'Condition', 'r')).toBe(true);
    expect(policy.permitsRow({ patient_id: 'x', sensitive: true }, 'Condition', 'r')).toBe(false);
    expect(policy.permitsRow({ patient_id: 'x', sensitive: false }, 'Condition', 's')).toBe(false);
    // A sensitivity the row does not carry is unknown, and unknown denies.
    expect(policy.permitsRow({ patient_id: 'x' }, 'Condition', 'r')).toBe(false);
  });

  it('the care relationship and sensitivity terms need what they read in the row to allow in memory, and deny without', () => {
    const now = '2026-06-01T00:00:00Z';
    const staffTerm = and(relationship('Organization/p', { encounterSince: '2025-06-01T00:00:00Z', now }), or(not(sensitive()), recordedBy('Organization/p')));
    const gp = { permitsRow: (r: Omit<AccessRow, 'resource_type'>, type: string, _interaction: 'r') => evaluateTerm(staffTerm, { ...r, resource_type: type }) };
    const row = { patient_id: 'x', sensitive: false, organisation: 'Organization/t' };
    expect(gp.permitsRow(row, 'Observation', 'r')).toBe(false);
    expect(gp.permitsRow({ ...row, relationships: [] }, 'Observation', 'r')).toBe(false);
    const registered = { organisation: 'Organization/p', basis: 'registered-gp', effective: null, ends: null };
    expect(gp.permitsRow({ ...row, relationships: [registered] }, 'Observation', 'r')).toBe(true);
    expect(gp.permitsRow({ ...row, sensitive: true, relationships: [registered] }, 'Observation', 'r')).toBe(false);
    expect(gp.permitsRow({ ...row, sensitive: true, organisation: 'Organization/p', relationships: [registered] }, 'Observation', 'r')).toBe(true);
    const lastYear = { organisation: 'Organization/p', basis: 'encounter', effective: '2025-07-01T00:00:00Z', ends: null };
    const longAgo = { ...lastYear, effective: '2025-05-01T00:00:00Z' };
    expect(gp.permitsRow({ ...row, relationships: [lastYear] }, 'Observation', 'r')).toBe(true);
    expect(gp.permitsRow({ ...row, relationships: [longAgo] }, 'Observation', 'r')).toBe(false);
    const ended = { organisation: 'Organization/p', basis: 'episode-of-care', effective: null, ends: '2026-01-01T00:00:00Z' };
    expect(gp.permitsRow({ ...row, relationships: [ended] }, 'Observation', 'r')).toBe(false);
    // The whole staff policy also asks the person's sharing choice and any break-glass grant,
    // which only SQL can decide: in memory it never allows a person's row, whatever the row carries.
    const policy = new AccessPolicy(
      { principal: { kind: 'user', id: 'u', role: 'gp_clinician' }, organisation: { reference: 'Organization/p' }, scopes: ['user/*.rs'], purpose: 'TREAT' },
      new Date(now),
    );
    expect(policy.permitsRow({ ...row, relationships: [registered] }, 'Observation', 'r')).toBe(false);
    expect(policy.permitsRow({ patient_id: null, sensitive: false, organisation: null }, 'Organization', 'r')).toBe(true);
  });
});
