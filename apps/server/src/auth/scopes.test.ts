import { describe, expect, it } from 'vitest';
import { grantScopes, parseScope, permits, permitsSystem } from './scopes';

describe('SMART scopes', () => {
  it('parses v2 and v1 scopes and rejects malformed ones', () => {
    expect([...(parseScope('system/Patient.rs')?.permissions ?? [])]).toEqual(['r', 's']);
    expect([...(parseScope('system/*.read')?.permissions ?? [])].sort()).toEqual(['r', 's']);
    expect([...(parseScope('user/*.*')?.permissions ?? [])]).toHaveLength(5);
    expect(parseScope('system/Patient.sr')).toBeUndefined();
    expect(parseScope('system/Patient.rr')).toBeUndefined();
    expect(parseScope('openid')).toBeUndefined();
    expect(parseScope('admin/Patient.r')).toBeUndefined();
  });

  it('grants the intersection of requested and allowed scopes', () => {
    expect(grantScopes(['system/Patient.rs'], ['system/*.cruds'])).toEqual(['system/Patient.rs']);
    expect(grantScopes(['system/*.cruds'], ['system/Patient.rs'])).toEqual(['system/Patient.rs']);
    expect(grantScopes(['system/Patient.cd'], ['system/Patient.rs'])).toEqual([]);
    expect(grantScopes(['user/Patient.r'], ['system/*.cruds'])).toEqual([]);
    expect(grantScopes(['system/Observation.rs'], ['system/Patient.rs'])).toEqual([]);
    expect(grantScopes(undefined, ['system/Patient.rs', 'system/Observation.r'])).toEqual(['system/Patient.rs', 'system/Observation.r']);
  });

  it('checks an interaction against granted scopes', () => {
    expect(permits(['system/Patient.rs'], 'Patient', 'r')).toBe(true);
    expect(permits(['system/Patient.rs'], 'Patient', 'c')).toBe(false);
    expect(permits(['system/Patient.rs'], 'Observation', 'r')).toBe(false);
    expect(permits(['system/*.cruds'], 'Observation', 'd')).toBe(true);
    expect(permitsSystem(['user/*.cruds'], 'Observation', 'r')).toBe(false);
    expect(permitsSystem(['system/*.rs'], 'Observation', 'r')).toBe(true);
  });
});
