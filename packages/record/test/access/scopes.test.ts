import { describe, expect, it } from 'vitest';
import { statusOfCall as statusOf } from './status';
import type { AccessContext } from '../../src/access-context';
import { AccessPolicy } from '../../src/access/policy';
import { allows, formatScope, grantScopes, parseScope, parseScopes, splitScopes } from '../../src/access/scopes';

const permits = (scopes: string[], type: string, interaction: 'c' | 'r' | 'u' | 'd' | 's') => allows(parseScopes(scopes), interaction, type);
const client = (scopes: string[]): AccessContext => ({ principal: { kind: 'client', id: 'c' }, scopes, purpose: 'TREAT' });

describe('SMART scopes', () => {
  it('parses v2 and v1 scopes and rejects malformed ones', () => {
    expect([...(parseScope('system/Patient.rs')?.interactions ?? [])]).toEqual(['r', 's']);
    expect([...(parseScope('system/*.read')?.interactions ?? [])].sort()).toEqual(['r', 's']);
    expect([...(parseScope('user/*.*')?.interactions ?? [])]).toHaveLength(5);
    expect(parseScope('system/Patient.sr')).toBeUndefined();
    expect(parseScope('system/Patient.rr')).toBeUndefined();
    expect(parseScope('openid')).toBeUndefined();
    expect(parseScope('admin/Patient.r')).toBeUndefined();
    expect(parseScope('system/Patient?.rs')).toBeUndefined();
  });

  it('writes scopes in their v2 form and splits scope strings', () => {
    expect(formatScope(parseScope('system/*.write')!)).toBe('system/*.cud');
    expect(formatScope(parseScope('user/Observation.read')!)).toBe('user/Observation.rs');
    expect(splitScopes('  system/Patient.rs   openid ')).toEqual(['system/Patient.rs', 'openid']);
    expect(splitScopes(undefined)).toEqual([]);
  });

  it('grants the intersection of requested and allowed scopes', () => {
    expect(grantScopes(['system/Patient.rs'], ['system/*.cruds'])).toEqual(['system/Patient.rs']);
    expect(grantScopes(['system/*.cruds'], ['system/Patient.rs'])).toEqual(['system/Patient.rs']);
    expect(grantScopes(['system/Patient.cd'], ['system/Patient.rs'])).toEqual([]);
    expect(grantScopes(['user/Patient.r'], ['system/*.cruds'])).toEqual([]);
    expect(grantScopes(['system/Observation.rs'], ['system/Patient.rs'])).toEqual([]);
    expect(grantScopes(undefined, ['system/Patient.rs', 'system/Observation.r'])).toEqual(['system/Patient.rs', 'system/Observation.r']);
    expect(grantScopes(['openid'], ['openid', 'system/*.rs'])).toEqual(['openid']);
  });

  it('checks an interaction against granted scopes', () => {
    expect(permits(['system/Patient.rs'], 'Patient', 'r')).toBe(true);
    expect(permits(['system/Patient.rs'], 'Patient', 'c')).toBe(false);
    expect(permits(['system/Patient.rs'], 'Observation', 'r')).toBe(false);
    expect(permits(['system/*.cruds'], 'Observation', 'd')).toBe(true);
  });

  it('bulk export needs system-level read scopes, decided by the policy', () => {
    expect(statusOf(() => new AccessPolicy(client(['user/*.cruds'])).exportTypes(['Observation']))).toBe(403);
    expect(new AccessPolicy(client(['system/*.rs'])).exportTypes(['Observation'])).toEqual(['Observation']);
    expect(new AccessPolicy(client(['system/*.rs'])).exportTypes(undefined)).toBeUndefined();
    expect(new AccessPolicy(client(['system/Patient.rs', 'user/Observation.rs'])).exportTypes(undefined)).toEqual(['Patient']);
    expect(statusOf(() => new AccessPolicy(client(['user/*.rs'])).exportTypes(undefined))).toBe(403);
  });

  it('system history needs a wildcard search scope', () => {
    expect(statusOf(() => new AccessPolicy(client(['system/Patient.rs'])).requireSystemHistory())).toBe(403);
    expect(statusOf(() => new AccessPolicy(client(['system/*.s'])).requireSystemHistory())).toBeUndefined();
  });
});
