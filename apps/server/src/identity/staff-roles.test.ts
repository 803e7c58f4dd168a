import { describe, expect, it } from 'vitest';
import type { PartnerOrganisation } from '../api/partner-organisations';
import { roleChoices } from './staff-roles';

const organisations: PartnerOrganisation[] = [
  { id: 'p1', code: 'N81001', name: 'Riverside Surgery', kind: 'gp_practice' },
  { id: 't1', code: 'RJR', name: 'Countess Hospital', kind: 'acute_trust' },
  { id: 'c1', code: 'E06000050', name: 'Cheshire West Council', kind: 'local_authority' },
];
const role = (id: string, org: string, code: string) => ({ person_roleid: id, org_code: org, role_code: `S8000:G8000:${code}`, role_name: '"x"' });

describe('CIS2 roles as Footprint roles', () => {
  it('tells a GP clinician from a hospital clinician by the organisation an R8000 role is held at', () => {
    const choices = roleChoices({ nhsid_nrbac_roles: [role('1', 'N81001', 'R8000'), role('2', 'RJR', 'R8000')] }, organisations);
    expect(choices.map((c) => [c.personRoleId, c.role, c.organisation.code])).toEqual([
      ['1', 'gp_clinician', 'N81001'],
      ['2', 'hospital_clinician', 'RJR'],
    ]);
  });

  it('maps R0001 to privacy officer and R8008 to administrator wherever they are held', () => {
    const choices = roleChoices({ nhsid_nrbac_roles: [role('1', 'RJR', 'R0001'), role('2', 'N81001', 'R8008')] }, organisations);
    expect(choices.map((c) => c.role)).toEqual(['privacy_officer', 'administrator']);
  });

  it('keeps only the role selected_roleid names', () => {
    const choices = roleChoices({ selected_roleid: '2', nhsid_nrbac_roles: [role('1', 'N81001', 'R8000'), role('2', 'RJR', 'R8000')] }, organisations);
    expect(choices.map((c) => c.personRoleId)).toEqual(['2']);
  });

  it('gives nothing for an organisation outside the partnership, an unknown job role, or R8000 at a council', () => {
    expect(roleChoices({ nhsid_nrbac_roles: [role('1', 'X99999', 'R8000'), role('2', 'RJR', 'R9999'), role('3', 'E06000050', 'R8000')] }, organisations)).toEqual([]);
    expect(roleChoices({ nhsid_nrbac_roles: 'not a list' }, organisations)).toEqual([]);
    expect(roleChoices({ nhsid_nrbac_roles: [{ org_code: 'RJR' }] }, organisations)).toEqual([]);
  });
});
