import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '@footprint/fhir';
import { ONS_SYSTEM, ORGANISATION_KIND_SYSTEM } from '@footprint/partnership';
import { systemContext } from '@footprint/record';
import { upsertUser } from '../src/api/auth/users';
import { BOUNDARY_ATTRIBUTION, MAX_BOUNDARY_CODES } from '../src/public/boundaries';
import { startTestServer, storageKinds, type TestServer } from './support';

interface Collection {
  type: string;
  attribution: string;
  features: Array<{ type: string; id: string; properties: { code: string; name: string }; geometry: { type: string; coordinates: unknown[] } }>;
}

/** The map's boundaries (public, no sign-in) and the staff endpoint naming the running footprint, through the real server. */
describe.each(storageKinds)('the map’s endpoints on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => server?.close());
  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

  it('answers the asked districts as GeoJSON with their 2019 names, the attribution, and a day of caching', async () => {
    const response = await get('/api/public/boundaries?codes=E06000049,E06000050,E06000059');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/geo+json');
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    const body = response.json() as Collection;
    expect(body.type).toBe('FeatureCollection');
    expect(body.attribution).toBe(BOUNDARY_ATTRIBUTION);
    expect(body.attribution).toContain('Martin Chorley');
    expect(body.attribution).toContain('Ordnance Survey');
    expect(body.features.map((f) => [f.id, f.properties.name])).toEqual([
      ['E06000049', 'Cheshire East'],
      ['E06000050', 'Cheshire West and Chester'],
      ['E06000059', 'Dorset'],
    ]);
    for (const f of body.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(f.geometry.coordinates.length).toBeGreaterThan(0);
    }
    // Cheshire East lies around 2.3° W, 53.1° N.
    const ring = (body.features[0].geometry.type === 'Polygon' ? body.features[0].geometry.coordinates[0] : (body.features[0].geometry.coordinates[0] as unknown[])[0]) as number[][];
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThan(-2.8);
      expect(lon).toBeLessThan(-1.9);
      expect(lat).toBeGreaterThan(52.9);
      expect(lat).toBeLessThan(53.5);
    }
  });

  it('answers 304 to a browser that already holds the same answer, and a new ETag for other codes', async () => {
    const first = await get('/api/public/boundaries?codes=E08000012');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/api/public/boundaries?codes=E08000012', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await get('/api/public/boundaries?codes=E08000013');
    expect(other.headers.etag).not.toBe(etag);
  });

  it('reads codes case-blind and once each, in the order asked', async () => {
    const body = (await get('/api/public/boundaries?codes=e08000015,%20E06000006,E08000015')).json() as Collection;
    expect(body.features.map((f) => f.id)).toEqual(['E08000015', 'E06000006']);
  });

  it('refuses bad input with a problem naming it, never a 5xx', async () => {
    const problem = async (url: string, status: number, title: string, detail?: string) => {
      const response = await get(url);
      expect(response.statusCode, url).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const body = response.json() as { title: string; detail: string };
      expect(body.title).toBe(title);
      if (detail) expect(body.detail).toContain(detail);
    };
    await problem('/api/public/boundaries', 400, 'Codes needed');
    await problem('/api/public/boundaries?codes=', 400, 'Codes needed');
    await problem('/api/public/boundaries?codes=E06000049&codes=E06000050', 400, 'Codes needed');
    await problem('/api/public/boundaries?codes=E06000049,Liverpool,E54000008', 400, 'Not a district code', '"LIVERPOOL", "E54000008" are not');
    await problem('/api/public/boundaries?codes=E06000049,E06000999', 404, 'No such district', 'E06000999');
    // 2013 codes that became part of a 2019 district are no longer districts.
    await problem('/api/public/boundaries?codes=E07000049', 404, 'No such district', 'E07000049');
    await problem('/api/public/boundaries?codes=E06000049&zoom=3', 400, 'Unknown parameter', '"zoom"');
    const many = Array.from({ length: MAX_BOUNDARY_CODES + 1 }, (_, i) => `E07000${String(100 + i)}`).join(',');
    await problem(`/api/public/boundaries?codes=${many}`, 400, 'Too many codes', `at most ${MAX_BOUNDARY_CODES}`);
  });

  it('tells a signed-in member of staff which footprint this instance runs, and 404 before there is one', async () => {
    await upsertUser(server.platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Pat Lead', password: 'lead password', organisation: { code: 'QYG', name: 'Partnership', reference: 'Organization/x' } });
    const session = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'lead', password: 'lead password' } });
    const cookie = String(session.headers['set-cookie']).split(';')[0];
    expect((await get('/api/partnership/footprint')).statusCode).toBe(401);
    const none = await get('/api/partnership/footprint', { cookie });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ title: 'No partnership yet' });

    const body = await server.platform.record.create<Organization>(systemContext(), {
      resourceType: 'Organization',
      name: 'Cheshire and Merseyside Health and Care Partnership',
      identifier: [
        { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'QYG' },
        { system: ONS_SYSTEM, value: 'E54000008' },
      ],
      type: [{ coding: [{ system: ORGANISATION_KIND_SYSTEM, code: 'partnership' }] }],
    });
    const trust = await server.platform.record.create<Organization>(systemContext(), {
      resourceType: 'Organization',
      name: 'Countess of Chester Hospital NHS Foundation Trust',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RJR' }],
      type: [{ coding: [{ system: ORGANISATION_KIND_SYSTEM, code: 'acute_trust' }] }],
    });
    await server.platform.record.create(systemContext(), {
      resourceType: 'OrganizationAffiliation',
      active: true,
      organization: { reference: `Organization/${body.resource.id}` },
      participatingOrganization: { reference: `Organization/${trust.resource.id}` },
      period: { start: '2016-04-01' },
    });
    const running = await get('/api/partnership/footprint', { cookie });
    expect(running.statusCode).toBe(200);
    expect(running.json()).toEqual({
      onsCode: 'E54000008',
      odsCode: 'QYG',
      name: 'Cheshire and Merseyside Health and Care Partnership',
      organisationId: body.resource.id,
      organisationIds: { RJR: trust.resource.id },
    });
  });
});
