import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ODS_SYSTEM, ONS_SYSTEM, ORGANISATION_KIND_SYSTEM, PARTNERSHIP_ROLE_SYSTEM, type Bundle, type Organization, type OrganizationAffiliation } from '@footprint/fhir';
import { membersOn } from '@footprint/partnership';
import { systemContext } from '@footprint/record';
import { createContext, directoryResources } from '@footprint/synth';
import { FHIR_JSON, startTestServer, storageKinds, type TestServer } from './support';

/** Organisations and memberships exchange as FHIR: a partner system creates, reads, searches and updates them through the FHIR API. */
describe.each(storageKinds)('the register of organisations through the FHIR API on %s', (kind) => {
  let server: TestServer;
  let auth: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    await server.platform.record.importBatch(systemContext('SYSADMIN', 'test'), directoryResources(createContext({ footprint: 'cheshire-and-merseyside', people: 200, seed: 9 }).directory));
    auth = { authorization: `Bearer ${await server.token(['system/Organization.cruds', 'system/OrganizationAffiliation.cruds'])}` };
  });
  afterAll(async () => server?.close());

  const get = async <T>(url: string) => {
    const response = await server.app.inject({ method: 'GET', url, headers: auth });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json() as T;
  };
  const ids = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource!.id).sort();
  const q = encodeURIComponent;

  it('round-trips an Organization with ODS and ONS identifiers and kind, and an OrganizationAffiliation with role and period', async () => {
    const organisation: Organization = {
      resourceType: 'Organization',
      identifier: [{ system: ODS_SYSTEM, value: 'X9Z01' }, { system: ONS_SYSTEM, value: 'E06000049' }],
      active: true,
      type: [{ coding: [{ system: ORGANISATION_KIND_SYSTEM, code: 'voluntary' }] }],
      name: 'Riverside Food Bank',
    };
    const created = await server.app.inject({ method: 'POST', url: '/fhir/R4/Organization', headers: { ...auth, ...FHIR_JSON }, payload: organisation });
    expect(created.statusCode).toBe(201);
    const org = created.json() as Organization;
    const affiliation: OrganizationAffiliation = {
      resourceType: 'OrganizationAffiliation',
      active: true,
      period: { start: '2023-04-01' },
      organization: { reference: 'Organization/org-ZA002' },
      participatingOrganization: { reference: `Organization/${org.id}` },
      code: [{ coding: [{ system: PARTNERSHIP_ROLE_SYSTEM, code: 'member' }] }],
    };
    const made = await server.app.inject({ method: 'POST', url: '/fhir/R4/OrganizationAffiliation', headers: { ...auth, ...FHIR_JSON }, payload: affiliation });
    expect(made.statusCode).toBe(201);
    const aff = made.json() as OrganizationAffiliation;
    expect(await get<OrganizationAffiliation>(`/fhir/R4/OrganizationAffiliation/${aff.id}`)).toMatchObject({ period: { start: '2023-04-01' }, code: affiliation.code });

    expect(ids(await get<Bundle>(`/fhir/R4/Organization?identifier=${q(`${ODS_SYSTEM}|X9Z01`)}`))).toEqual([org.id]);
    expect(ids(await get<Bundle>(`/fhir/R4/Organization?identifier=${q(`${ONS_SYSTEM}|E54000008`)}`))).toEqual(['org-QYG']);
    expect(ids(await get<Bundle>(`/fhir/R4/Organization?type=${q(`${ORGANISATION_KIND_SYSTEM}|voluntary`)}&name=Riverside`))).toEqual([org.id]);
    const byRole = `/fhir/R4/OrganizationAffiliation?primary-organization=Organization/org-ZA002&role=${q(`${PARTNERSHIP_ROLE_SYSTEM}|member`)}`;
    expect(ids(await get<Bundle>(byRole))).toContain(aff.id);
    // A membership held on a day: its period overlaps the day (FHIR's le and ge on a Period).
    const on = (day: string) => `${byRole}&date=le${day}&date=ge${day}`;
    expect(ids(await get<Bundle>(on('2023-04-01')))).toContain(aff.id);
    expect(ids(await get<Bundle>(on('2023-03-31')))).not.toContain(aff.id);
    expect(ids(await get<Bundle>(`/fhir/R4/OrganizationAffiliation?participating-organization=Organization/${org.id}`))).toEqual([aff.id]);

    const updated = await server.app.inject({
      method: 'PUT',
      url: `/fhir/R4/OrganizationAffiliation/${aff.id}`,
      headers: { ...auth, ...FHIR_JSON, 'if-match': 'W/"1"' },
      payload: { ...aff, period: { start: '2023-04-01', end: '2024-03-31' } },
    });
    expect(updated.statusCode).toBe(200);
    expect(ids(await get<Bundle>(on('2024-03-31')))).toContain(aff.id);
    expect(ids(await get<Bundle>(on('2024-04-01')))).not.toContain(aff.id);
    const members = await membersOn(server.platform.record, 'org-ZA002', '2024-03-31');
    expect(members.find((m) => m.affiliationId === aff.id)).toMatchObject({ name: 'Riverside Food Bank', odsCode: 'X9Z01', kind: 'voluntary', period: { start: '2023-04-01', end: '2024-03-31' } });
    const history = await get<Bundle>(`/fhir/R4/OrganizationAffiliation/${aff.id}/_history`);
    expect(history.entry).toHaveLength(2);
  });

  it("searches the demo's commissioners by role and date", async () => {
    const search = (date: string) => get<Bundle>(`/fhir/R4/OrganizationAffiliation?primary-organization=Organization/org-QYG&role=${q(`${PARTNERSHIP_ROLE_SYSTEM}|nhs-commissioner`)}&date=le${date}&date=ge${date}&_count=100`);
    expect(ids(await search('2019-01-01'))).toHaveLength(12);
    expect(ids(await search('2022-06-30'))).toContain('aff-27D');
    expect(ids(await search('2022-07-01'))).toContain('aff-QYG');
    expect(ids(await search('2022-07-01'))).not.toContain('aff-27D');
    const bad = await server.app.inject({ method: 'GET', url: '/fhir/R4/OrganizationAffiliation?date=not-a-date', headers: auth });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { resourceType: string }).resourceType).toBe('OperationOutcome');
  });
});
