import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Observation, Patient } from '@footprint/fhir';
import { FHIR_JSON, pollExport, startTestServer, storageKinds, type TestServer } from './support';

/** The decimals the official examples lost: R4 requires a decimal's precision to be kept. */
const DECIMALS = ['1.00', '0.001530', '1.000000000000000000E-245'];

/** An Observation as JSON text, with the three decimals written exactly as given (JSON.stringify would drop their precision). */
function observationText(patientId: string, extra = ''): string {
  return `{"resourceType":"Observation",${extra}"status":"final","code":{"text":"decimal precision"},"subject":{"reference":"Patient/${patientId}"},` +
    `"valueQuantity":{"value":${DECIMALS[0]},"unit":"mmol/L","system":"http://unitsofmeasure.org","code":"mmol/L"},` +
    `"component":[{"code":{"text":"small"},"valueQuantity":{"value":${DECIMALS[1]}}},{"code":{"text":"tiny"},"valueQuantity":{"value":${DECIMALS[2]}}}]}`;
}

/** How often `"value":<decimal>` occurs in the text, the number ending there. */
const occurrences = (text: string, decimal: string) => text.split(`"value":${decimal}`).filter((_, i, all) => i > 0 && /^[,}\]]/.test(all[i])).length;

/** Each decimal appears in the text exactly as sent, `times` times. */
function expectDecimals(text: string, times = 1): void {
  for (const d of DECIMALS) expect(occurrences(text, d), d).toBe(times);
}

describe.each(storageKinds)('decimals keep their precision on %s', (kind) => {
  let server: TestServer;
  let auth: Record<string, string>;
  let patientId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    auth = { authorization: `Bearer ${await server.token()}` };
    const patient = await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: { resourceType: 'Patient', name: [{ family: 'Precise' }] } });
    patientId = (patient.json() as Patient).id!;
  });
  afterAll(async () => server?.close());

  it('through create, read, vread, update, search, history and $everything', async () => {
    const created = await server.app.inject({ method: 'POST', url: '/fhir/R4/Observation', headers: { ...auth, ...FHIR_JSON }, payload: observationText(patientId) });
    expect(created.statusCode, created.body).toBe(201);
    expectDecimals(created.body);
    const id = (created.json() as Observation).id!;

    const read = await server.app.inject({ method: 'GET', url: `/fhir/R4/Observation/${id}`, headers: auth });
    expectDecimals(read.body);
    const vread = await server.app.inject({ method: 'GET', url: `/fhir/R4/Observation/${id}/_history/1`, headers: auth });
    expectDecimals(vread.body);

    const updated = await server.app.inject({ method: 'PUT', url: `/fhir/R4/Observation/${id}`, headers: { ...auth, ...FHIR_JSON }, payload: observationText(patientId, `"id":"${id}",`) });
    expect(updated.statusCode, updated.body).toBe(200);
    expectDecimals(updated.body);

    // Search compares the numbers: 1.00 is found by 1, 0.001530 by lt0.002; the page keeps the text.
    const byValue = await server.app.inject({ method: 'GET', url: `/fhir/R4/Observation?subject=Patient/${patientId}&value-quantity=1`, headers: auth });
    expect((byValue.json() as Bundle).entry?.map((e) => e.resource?.id)).toEqual([id]);
    expectDecimals(byValue.body);
    const small = await server.app.inject({ method: 'GET', url: `/fhir/R4/Observation?subject=Patient/${patientId}&component-value-quantity=lt0.002`, headers: auth });
    expect((small.json() as Bundle).entry?.map((e) => e.resource?.id)).toEqual([id]);
    const none = await server.app.inject({ method: 'GET', url: `/fhir/R4/Observation?subject=Patient/${patientId}&value-quantity=gt1.5`, headers: auth });
    expect((none.json() as Bundle).entry ?? []).toEqual([]);
    const elements = await server.app.inject({ method: 'GET', url: `/fhir/R4/Observation?_id=${id}&_elements=valueQuantity`, headers: auth });
    expect(occurrences(elements.body, DECIMALS[0])).toBe(1);

    const history = await server.app.inject({ method: 'GET', url: `/fhir/R4/Observation/${id}/_history`, headers: auth });
    expectDecimals(history.body, 2);
    const typeHistory = await server.app.inject({ method: 'GET', url: '/fhir/R4/Observation/_history', headers: auth });
    expectDecimals(typeHistory.body, 2);
    const everything = await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${patientId}/$everything?_type=Observation`, headers: auth });
    expect(everything.statusCode, everything.body).toBe(200);
    for (const d of DECIMALS) expect(occurrences(everything.body, d), d).toBeGreaterThanOrEqual(1);
  });

  it('through transaction and batch entries', async () => {
    for (const type of ['transaction', 'batch']) {
      const bundle = `{"resourceType":"Bundle","type":"${type}","entry":[{"resource":${observationText(patientId)},"request":{"method":"POST","url":"Observation"}}]}`;
      const response = await server.app.inject({ method: 'POST', url: '/fhir/R4', headers: { ...auth, ...FHIR_JSON, prefer: 'return=representation' }, payload: bundle });
      expect(response.statusCode, response.body).toBe(200);
      const location = (response.json() as Bundle).entry?.[0]?.response?.location ?? '';
      const id = /Observation\/([^/]+)/.exec(location)?.[1];
      expect(id, type).toBeTruthy();
      const read = await server.app.inject({ method: 'GET', url: `/fhir/R4/Observation/${id}`, headers: auth });
      expectDecimals(read.body);
    }
  });

  it('through Bulk Data $export', async () => {
    await server.app.inject({ method: 'POST', url: '/fhir/R4/Observation', headers: { ...auth, ...FHIR_JSON }, payload: observationText(patientId) });
    const kickOff = await server.app.inject({ method: 'GET', url: '/fhir/R4/$export?_type=Observation', headers: { ...auth, prefer: 'respond-async' } });
    expect(kickOff.statusCode, kickOff.body).toBe(202);
    const response = await pollExport(server.app, kickOff.headers['content-location'] as string, auth);
    expect(response.statusCode, response.body).toBe(200);
    const output = (response!.json() as { output: Array<{ url: string }> }).output;
    const file = await server.app.inject({ method: 'GET', url: new URL(output[0].url).pathname, headers: auth });
    for (const line of file.body.trim().split('\n')) expectDecimals(line);
  });
});
