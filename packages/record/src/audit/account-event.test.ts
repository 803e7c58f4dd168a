import { describe, expect, it } from 'vitest';
import { systemContext } from '../access-context';
import { buildAccountEvent } from './account-event';

describe('the AuditEvent of an account change', () => {
  const administrator = {
    principal: { kind: 'user' as const, id: 'u-admin', display: 'Chris Evans', role: 'administrator' },
    organisation: { reference: 'Organization/icb', odsCode: 'QYG' },
    scopes: [],
    purpose: 'SYSADMIN' as const,
    request: { id: 'req-1', sourceIp: '10.0.0.1' },
  };

  it('codes a new role as DICOM Security Roles Changed, with who changed what, and no names of the actor', () => {
    const event = buildAccountEvent(administrator, { change: 'set-role', account: { id: 'u-1', username: 'asha.patel' }, details: { role: 'privacy_officer (R0001)' } }, '2026-12-01T00:00:00.000Z');
    expect(event).toMatchObject({
      type: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110113' },
      subtype: [{ code: '110136', display: 'Security Roles Changed' }, { system: 'https://footprint.nhs.uk/CodeSystem/account-change', code: 'set-role' }],
      action: 'U',
      outcome: '0',
      agent: [
        { who: { identifier: { value: 'u-admin' } }, requestor: true, role: [{ text: 'administrator' }], network: { address: '10.0.0.1' } },
        { who: { reference: 'Organization/icb' }, requestor: false },
      ],
      entity: [{ what: { identifier: { value: 'u-1' } }, role: { code: '11' }, name: 'asha.patel', detail: [{ type: 'role', valueString: 'privacy_officer (R0001)' }] }],
    });
    expect(JSON.stringify(event)).not.toContain('Chris Evans');
  });

  it('codes a new account as created, and a refused sign-in as a failed User Authentication login', () => {
    const cli = systemContext('SYSADMIN', 'footprint-cli:ops');
    expect(buildAccountEvent(cli, { change: 'add', account: { id: 'u-2', username: 'sam' } }, '2026-12-01T00:00:00.000Z')).toMatchObject({
      action: 'C',
      subtype: [{ code: '110137' }, { code: 'add' }],
      agent: [{ who: { identifier: { system: 'https://footprint.nhs.uk/Id/principal/system', value: 'footprint-cli:ops' } } }],
    });
    expect(buildAccountEvent(cli, { change: 'sign-in-refused', account: { id: 'u-2', username: 'sam' }, outcome: '4', outcomeDesc: 'wrong password' }, '2026-12-01T00:00:00.000Z')).toMatchObject({
      type: { code: '110114' },
      subtype: [{ code: '110122' }, { code: 'sign-in-refused' }],
      action: 'E',
      outcome: '4',
      outcomeDesc: 'wrong password',
    });
  });
});
