import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-rules';
import { parseRole, ROLE_DESCRIPTIONS } from './role-input';

describe('reading a role as an administrator types it', () => {
  it('accepts the role name, with hyphens or any case', () => {
    expect(parseRole('gp_clinician')).toBe('gp_clinician');
    expect(parseRole(' Hospital-Clinician ')).toBe('hospital_clinician');
  });

  it('accepts an RBAC or Footprint code that belongs to one role only', () => {
    expect(parseRole('R8008')).toBe('administrator');
    expect(parseRole('r0001')).toBe('privacy_officer');
    expect(parseRole('voluntary-sector-worker')).toBe('voluntary_worker');
  });

  it('refuses a code shared by two roles, and names both', () => {
    expect(() => parseRole('R8000')).toThrow('R8000 is the code of gp_clinician and hospital_clinician: give the role by name.');
  });

  it('refuses an unknown role and lists the roles with their codes', () => {
    expect(() => parseRole('surgeon')).toThrow(/"surgeon" is not a role\. Roles: gp_clinician \(R8000\), .*administrator \(R8008\)/);
  });

  it('describes every role with its label and code', () => {
    expect(ROLE_DESCRIPTIONS.find((r) => r.role === 'privacy_officer')).toEqual({
      role: 'privacy_officer',
      label: 'Privacy officer',
      code: 'R0001',
      system: 'https://fhir.nhs.uk/CodeSystem/national-rbac-job-role',
    });
  });
});

describe('the rules for a new password', () => {
  const account = { username: 'asha.patel', current: 'abcd-efgh-jkmn-pqrs' };
  it('accepts a long password unlike the username and the temporary one', () => {
    expect(passwordProblems('kettle orbit meadow', account)).toEqual([]);
  });
  it('names each rule broken', () => {
    expect(passwordProblems('short', account)).toEqual(['Your new password must be at least 12 characters long']);
    expect(passwordProblems('abcd-efgh-jkmn-pqrs', account)).toEqual(['Your new password must be different from your current (temporary) password']);
    expect(passwordProblems('I am ASHA.PATEL really', account)).toEqual(['Your new password must not contain your username']);
  });
});
