import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Observation, OperationOutcome, Parameters, Patient } from '@footprint/fhir';
import { FHIR_JSON, startTestServer, storageKinds, testNhsNumber, type TestServer } from './support';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const GRADE = 'http://hl7.org/fhir/StructureDefinition/match-grade';

describe.each(storageKinds)('Patient/$match, $merge and $unmerge over FHIR on %s', (kind) => {
  let server: TestServer;
  let auth: Record<string, string>;
  let emily: Patient;
  let typo: Patient;
  let observation: Observation;

  const post = async (url: string, payload: unknown, headers = auth) => server.app.inject({ method: 'POST', url: `/fhir/R4${url}`, headers: { ...headers, ...FHIR_JSON }, payload: payload as object });
  const create = async <T>(resource: object) => (await post(`/${(resource as { resourceType: string }).resourceType}`, resource)).json() as T;
  const parameters = (...parameter: Parameters['parameter'] & object): Parameters => ({ resourceType: 'Parameters', parameter });
  const pair = (source: string, target: string) =>
    parameters({ name: 'source-patient', valueReference: { reference: `Patient/${source}` } }, { name: 'target-patient', valueReference: { reference: `Patient/${target}` } });

  beforeAll(async () => {
    server = await startTestServer(kind);
    auth = { authorization: `Bearer ${await server.token()}` };
    emily = await create<Patient>({
      resourceType: 'Patient',
      identifier: [{ system: NHS, value: testNhsNumber(424242) }],
      name: [{ family: 'Brontë', given: ['Emily', 'Jane'] }],
      gender: 'female',
      birthDate: '1984-07-30',
      address: [{ line: ['12 Church Street'], postalCode: 'BD22 8DR' }],
    });
    typo = await create<Patient>({ resourceType: 'Patient', name: [{ family: 'Bronty', given: ['Emily'] }], gender: 'female', birthDate: '1984-07-30', address: [{ postalCode: 'bd228dr' }] });
    observation = await create<Observation>({ resourceType: 'Observation', status: 'final', code: { text: 'Weight' }, subject: { reference: `Patient/${typo.id}` } });
  }, 120_000);
  afterAll(async () => server?.close());

  it('answers a searchset Bundle sorted by score, each entry with search.score and the match-grade extension', async () => {
    const asked = { resourceType: 'Patient', identifier: emily.identifier, name: [{ family: 'Bronte', given: ['Emily'] }], birthDate: '1984-07-30', gender: 'female' };
    const response = await post('/Patient/$match', parameters({ name: 'resource', resource: asked as Patient }));
    expect(response.statusCode, response.body).toBe(200);
    const bundle = response.json() as Bundle;
    expect(bundle.type).toBe('searchset');
    expect(bundle.entry?.map((e) => [e.resource?.id, e.search?.extension?.[0].url, e.search?.extension?.[0].valueCode])).toEqual([
      [emily.id, GRADE, 'certain'],
      [typo.id, GRADE, 'probable'],
    ]);
    const [first, second] = bundle.entry!.map((e) => e.search!.score!);
    expect(first).toBeGreaterThan(second);
    const certain = (await post('/Patient/$match', parameters({ name: 'resource', resource: asked as Patient }, { name: 'onlyCertainMatches', valueBoolean: true }))).json() as Bundle;
    expect(certain.entry?.map((e) => e.resource?.id)).toEqual([emily.id]);
    const one = (await post('/Patient/$match', parameters({ name: 'resource', resource: asked as Patient }, { name: 'count', valueInteger: 1 }))).json() as Bundle;
    expect(one.total).toBe(1);
  });

  it('refuses a $match without a Patient, with an OperationOutcome', async () => {
    for (const body of [
      { resourceType: 'Patient', name: [{ family: 'Bronte' }] },
      parameters({ name: 'count', valueInteger: 3 }),
      parameters({ name: 'resource', resource: { resourceType: 'Observation', status: 'final', code: { text: 'x' } } as Observation }),
      parameters({ name: 'resource', resource: { resourceType: 'Patient', gender: 'female' } }),
    ]) {
      const response = await post('/Patient/$match', body);
      expect(response.statusCode, response.body).toBe(400);
      expect((response.json() as OperationOutcome).resourceType).toBe('OperationOutcome');
    }
    const noSearch = { authorization: `Bearer ${await server.token(['system/Observation.rs'])}` };
    expect((await post('/Patient/$match', parameters({ name: 'resource', resource: emily }), noSearch)).statusCode).toBe(403);
  });

  it('merges the duplicate into the survivor and unmerges it, with Parameters out and references followed', async () => {
    const merged = await post('/Patient/$merge', pair(typo.id!, emily.id!));
    expect(merged.statusCode, merged.body).toBe(200);
    const out = merged.json() as Parameters;
    expect(out.parameter?.map((p) => p.name)).toEqual(['input', 'outcome', 'result']);
    expect((out.parameter![2].resource as Patient).link).toEqual([{ other: { reference: `Patient/${typo.id}` }, type: 'replaces' }]);
    const search = (await server.app.inject({ method: 'GET', url: `/fhir/R4/Observation?subject=Patient/${emily.id}`, headers: auth })).json() as Bundle;
    expect(search.entry?.map((e) => e.resource?.id)).toEqual([observation.id]);
    const everything = (await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${emily.id}/$everything`, headers: auth })).json() as Bundle;
    expect(everything.entry?.map((e) => e.resource?.id)).toContain(observation.id);

    const again = await post('/Patient/$merge', pair(typo.id!, emily.id!));
    expect(again.statusCode).toBe(409);
    expect((again.json() as OperationOutcome).issue[0].diagnostics).toMatch(/already merged/);

    const unmerged = await post('/Patient/$unmerge', pair(typo.id!, emily.id!));
    expect(unmerged.statusCode, unmerged.body).toBe(200);
    const back = (await server.app.inject({ method: 'GET', url: `/fhir/R4/Observation/${observation.id}`, headers: auth })).json() as Observation;
    expect(back.subject).toEqual({ reference: `Patient/${typo.id}` });
  });

  it('refuses bad merges with an OperationOutcome naming the problem', async () => {
    const cases: Array<[unknown, number, RegExp]> = [
      [pair(emily.id!, emily.id!), 400, /same Patient/],
      [pair(typo.id!, 'no-such-patient'), 404, /Patient\/no-such-patient is not known/],
      [parameters({ name: 'source-patient', valueReference: { reference: `Patient/${typo.id}` } }), 400, /"target-patient" is required/],
      [parameters({ name: 'source-patient', valueReference: { reference: `Observation/${observation.id}` } }, { name: 'target-patient', valueReference: { reference: `Patient/${emily.id}` } }), 400, /must refer to a Patient/],
      [{ resourceType: 'Patient' }, 400, /takes a Parameters resource/],
      [pair(typo.id!, emily.id!).parameter!.concat([{ name: 'preview', valueBoolean: true }]), 400, /./],
    ];
    for (const [body, status, message] of cases) {
      const payload = Array.isArray(body) ? { resourceType: 'Parameters', parameter: body } : body;
      const response = await post('/Patient/$merge', payload);
      expect(response.statusCode, response.body).toBe(status);
      expect((response.json() as OperationOutcome).issue[0].diagnostics).toMatch(message);
    }
    const notMerged = await post('/Patient/$unmerge', pair(typo.id!, emily.id!));
    expect(notMerged.statusCode).toBe(409);
    const narrow = { authorization: `Bearer ${await server.token(['system/Patient.cruds'])}` };
    expect((await post('/Patient/$merge', pair(typo.id!, emily.id!), narrow)).statusCode).toBe(403);
    const current = (await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${typo.id}`, headers: auth })).json() as Patient;
    expect(current.link).toBeUndefined();
    expect(current.active).toBeUndefined();
  });
});
