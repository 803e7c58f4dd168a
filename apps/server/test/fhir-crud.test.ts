import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Observation, Patient } from '@footprint/fhir';
import { FHIR_JSON, startTestServer, storageKinds, testNhsNumber, type TestServer } from './support';

describe.each(storageKinds)('FHIR REST over HTTP on %s', (kind) => {
  let server: TestServer;
  let auth: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    auth = { authorization: `Bearer ${await server.token()}` };
  });
  afterAll(async () => server?.close());

  const patient = (family: string, seed: number): Patient => ({
    resourceType: 'Patient',
    identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(seed) }],
    name: [{ family, given: ['Alex'] }],
    birthDate: '1970-01-01',
  });

  it('creates, reads, vreads, updates with If-Match and deletes', async () => {
    const created = await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: patient('Okafor', 1) });
    expect(created.statusCode).toBe(201);
    expect(created.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const body = created.json() as Patient;
    expect(body.id).toBeTruthy();
    expect(created.headers.location).toMatch(new RegExp(`/fhir/R4/Patient/${body.id}/_history/1$`));
    expect(created.headers.etag).toBe('W/"1"');

    const read = await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${body.id}`, headers: auth });
    expect(read.statusCode).toBe(200);
    expect((read.json() as Patient).name?.[0].family).toBe('Okafor');

    const updated = await server.app.inject({
      method: 'PUT',
      url: `/fhir/R4/Patient/${body.id}`,
      headers: { ...auth, ...FHIR_JSON, 'if-match': 'W/"1"' },
      payload: { ...body, name: [{ family: 'Okafor-Smith' }] },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.headers.etag).toBe('W/"2"');

    const stale = await server.app.inject({
      method: 'PUT',
      url: `/fhir/R4/Patient/${body.id}`,
      headers: { ...auth, ...FHIR_JSON, 'if-match': 'W/"1"' },
      payload: { ...body, name: [{ family: 'Lost update' }] },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ resourceType: 'OperationOutcome' });

    const unchanged = await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${body.id}`, headers: { ...auth, 'if-none-match': 'W/"2"' } });
    expect(unchanged.statusCode).toBe(304);
    const changed = await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${body.id}`, headers: { ...auth, 'if-none-match': 'W/"1"' } });
    expect(changed.statusCode).toBe(200);
    const notSince = await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${body.id}`, headers: { ...auth, 'if-modified-since': updated.headers['last-modified'] as string } });
    expect(notSince.statusCode).toBe(304);

    const v1 = await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${body.id}/_history/1`, headers: auth });
    expect((v1.json() as Patient).name?.[0].family).toBe('Okafor');

    const deleted = await server.app.inject({ method: 'DELETE', url: `/fhir/R4/Patient/${body.id}`, headers: auth });
    expect(deleted.statusCode).toBeLessThan(300);
    const gone = await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${body.id}`, headers: auth });
    expect(gone.statusCode).toBe(410);
    const missing = await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient/does-not-exist', headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  });

  it('honours If-None-Exist for conditional create', async () => {
    const nhs = testNhsNumber(200);
    const first = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4/Patient',
      headers: { ...auth, ...FHIR_JSON, 'if-none-exist': `identifier=https://fhir.nhs.uk/Id/nhs-number|${nhs}` },
      payload: patient('Conditional', 200),
    });
    expect(first.statusCode).toBe(201);
    const second = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4/Patient',
      headers: { ...auth, ...FHIR_JSON, 'if-none-exist': `identifier=https://fhir.nhs.uk/Id/nhs-number|${nhs}` },
      payload: patient('Conditional', 200),
    });
    expect(second.statusCode).toBe(200);
    expect((second.json() as Patient).id).toBe((first.json() as Patient).id);
  });

  it('searches by GET and POST _search with paging links that carry a cursor', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: patient('Pagewright', 300 + i) });
      expect(r.statusCode).toBe(201);
    }
    const first = await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient?family=Pagewright&_count=2', headers: auth });
    expect(first.statusCode).toBe(200);
    const page1 = first.json() as Bundle<Patient>;
    expect(page1.type).toBe('searchset');
    expect(page1.total).toBeUndefined();
    expect(page1.entry).toHaveLength(2);
    expect(page1.entry?.every((e) => e.search?.mode === 'match')).toBe(true);
    expect(page1.link?.find((l) => l.relation === 'self')?.url).toContain('family=Pagewright');
    const seen = new Set(page1.entry?.map((e) => e.resource?.id));
    let next = page1.link?.find((l) => l.relation === 'next')?.url;
    expect(next).toContain('_cursor=');
    while (next) {
      const url = new URL(next);
      const page = (await server.app.inject({ method: 'GET', url: url.pathname + url.search, headers: auth })).json() as Bundle<Patient>;
      for (const e of page.entry ?? []) seen.add(e.resource?.id);
      next = page.link?.find((l) => l.relation === 'next')?.url;
    }
    expect(seen.size).toBe(5);

    const posted = await server.app.inject({
      method: 'POST',
      url: '/fhir/R4/Patient/_search',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'family=Pagewright&_total=accurate',
    });
    expect(posted.statusCode).toBe(200);
    expect((posted.json() as Bundle).total).toBe(5);
  });

  it('returns included resources with search mode include', async () => {
    const p = (await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: patient('Includer', 400) })).json() as Patient;
    const obs: Observation = { resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://snomed.info/sct', code: '271649006' }] }, subject: { reference: `Patient/${p.id}` } };
    expect((await server.app.inject({ method: 'POST', url: '/fhir/R4/Observation', headers: { ...auth, ...FHIR_JSON }, payload: obs })).statusCode).toBe(201);
    const result = (await server.app.inject({ method: 'GET', url: `/fhir/R4/Observation?subject=Patient/${p.id}&_include=Observation:subject`, headers: auth })).json() as Bundle;
    expect(result.entry?.filter((e) => e.search?.mode === 'match')).toHaveLength(1);
    expect(result.entry?.find((e) => e.search?.mode === 'include')?.resource?.id).toBe(p.id);
  });

  it('pages instance, type and system history', async () => {
    const p = (await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: patient('Historian', 500) })).json() as Patient;
    for (const family of ['Historian-2', 'Historian-3']) {
      const r = await server.app.inject({ method: 'PUT', url: `/fhir/R4/Patient/${p.id}`, headers: { ...auth, ...FHIR_JSON }, payload: { ...p, name: [{ family }] } });
      expect(r.statusCode).toBe(200);
    }
    const page1 = (await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${p.id}/_history?_count=2`, headers: auth })).json() as Bundle;
    expect(page1.type).toBe('history');
    expect(page1.entry?.map((e) => e.response?.etag)).toEqual(['W/"3"', 'W/"2"']);
    const next = page1.link?.find((l) => l.relation === 'next')?.url;
    expect(next).toBeTruthy();
    const url = new URL(next!);
    const page2 = (await server.app.inject({ method: 'GET', url: url.pathname + url.search, headers: auth })).json() as Bundle;
    expect(page2.entry?.map((e) => e.response?.etag)).toEqual(['W/"1"']);
    expect(page2.entry?.[0].request?.method).toBe('POST');

    const typeHistory = await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient/_history?_count=3', headers: auth });
    expect(typeHistory.statusCode).toBe(200);
    expect((typeHistory.json() as Bundle).entry).toHaveLength(3);
    const systemHistory = await server.app.inject({ method: 'GET', url: '/fhir/R4/_history?_count=1', headers: auth });
    expect(systemHistory.statusCode).toBe(200);
    expect((systemHistory.json() as Bundle).entry).toHaveLength(1);
  });

  it('applies a transaction atomically, resolving urn:uuid references', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:7f1c2b4e-1111-4a5b-9c3d-000000000001', resource: patient('Transact', 600), request: { method: 'POST', url: 'Patient' } },
        {
          resource: { resourceType: 'Observation', status: 'final', code: { text: 'Weight' }, subject: { reference: 'urn:uuid:7f1c2b4e-1111-4a5b-9c3d-000000000001' } },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const response = await server.app.inject({ method: 'POST', url: '/fhir/R4', headers: { ...auth, ...FHIR_JSON }, payload: bundle });
    expect(response.statusCode).toBe(200);
    const result = response.json() as Bundle;
    expect(result.type).toBe('transaction-response');
    const patientLocation = result.entry?.[0].response?.location ?? '';
    const obsLocation = result.entry?.[1].response?.location ?? '';
    const obs = (await server.app.inject({ method: 'GET', url: `/fhir/R4/${obsLocation.replace(/^.*?(Observation\/[^/]+).*$/, '$1')}`, headers: auth })).json() as Observation;
    expect(obs.subject?.reference).toBe(patientLocation.replace(/^.*?(Patient\/[^/]+).*$/, '$1'));

    const failing: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: patient('Never stored', 601), request: { method: 'POST', url: 'Patient' } },
        { resource: { resourceType: 'Observation', status: 'not-a-status', code: { text: 'x' } } as unknown as Observation, request: { method: 'POST', url: 'Observation' } },
      ],
    };
    const rejected = await server.app.inject({ method: 'POST', url: '/fhir/R4', headers: { ...auth, ...FHIR_JSON }, payload: failing });
    expect(rejected.statusCode).toBeGreaterThanOrEqual(400);
    expect(rejected.statusCode).toBeLessThan(500);
    const search = (await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient?family=Never%20stored&_total=accurate', headers: auth })).json() as Bundle;
    expect(search.total).toBe(0);
  });

  it('returns a paged Patient/$everything and 404 for an unknown patient', async () => {
    const p = (await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: patient('Everything', 700) })).json() as Patient;
    for (let i = 0; i < 3; i++) {
      await server.app.inject({
        method: 'POST',
        url: '/fhir/R4/Observation',
        headers: { ...auth, ...FHIR_JSON },
        payload: { resourceType: 'Observation', status: 'final', code: { text: `reading ${i}` }, subject: { reference: `Patient/${p.id}` } },
      });
    }
    const ids = new Set<string>();
    let url: string | undefined = `/fhir/R4/Patient/${p.id}/$everything?_count=2`;
    while (url) {
      const page = (await server.app.inject({ method: 'GET', url, headers: auth })).json() as Bundle;
      for (const e of page.entry ?? []) ids.add(`${e.resource?.resourceType}/${e.resource?.id}`);
      const next = page.link?.find((l) => l.relation === 'next')?.url;
      url = next ? new URL(next).pathname + new URL(next).search : undefined;
    }
    expect(ids.size).toBe(4);
    expect(ids.has(`Patient/${p.id}`)).toBe(true);
    const unknown = await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient/nobody/$everything', headers: auth });
    expect(unknown.statusCode).toBe(404);
  });

  it('answers plain application/json and _format=json', async () => {
    const r = await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient?_format=json', headers: { ...auth, 'content-type': 'application/json', accept: 'application/json' }, payload: patient('Plainjson', 800) });
    expect(r.statusCode).toBe(201);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
  });

  it('honours Prefer: return=minimal and validates against an instance id', async () => {
    const minimal = await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON, prefer: 'return=minimal' }, payload: patient('Minimal', 900) });
    expect(minimal.statusCode).toBe(201);
    expect(minimal.body).toBe('');
    expect(minimal.headers.location).toMatch(/\/Patient\/[^/]+\/_history\/1$/);
    const mismatch = await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient/abc/$validate', headers: { ...auth, ...FHIR_JSON }, payload: { resourceType: 'Patient', id: 'xyz' } });
    expect(mismatch.statusCode).toBe(200);
    expect(mismatch.body).toMatch(/does not match/);
  });

  it('updates and deletes conditionally by search criteria', async () => {
    const nhs = testNhsNumber(1000);
    const criteria = `identifier=${encodeURIComponent(`https://fhir.nhs.uk/Id/nhs-number|${nhs}`)}`;
    const created = await server.app.inject({ method: 'PUT', url: `/fhir/R4/Patient?${criteria}`, headers: { ...auth, ...FHIR_JSON }, payload: patient('Conditional-update', 1000) });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as Patient).id;
    const updated = await server.app.inject({ method: 'PUT', url: `/fhir/R4/Patient?${criteria}`, headers: { ...auth, ...FHIR_JSON }, payload: { ...patient('Conditional-update', 1000), gender: 'other' } });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ id, gender: 'other', meta: { versionId: '2' } });

    await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: { resourceType: 'Patient', name: [{ family: 'Twin' }] } });
    await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: { resourceType: 'Patient', name: [{ family: 'Twin' }] } });
    const ambiguous = await server.app.inject({ method: 'PUT', url: '/fhir/R4/Patient?family=Twin', headers: { ...auth, ...FHIR_JSON }, payload: { resourceType: 'Patient', name: [{ family: 'Twin' }] } });
    expect(ambiguous.statusCode).toBe(412);

    const deleted = await server.app.inject({ method: 'DELETE', url: `/fhir/R4/Patient?${criteria}`, headers: auth });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${id}`, headers: auth })).statusCode).toBe(410);
  });
});
