import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { INDICATOR_CSV_COLUMNS, listIndicators, parseIndicatorCsv, SYNTHETIC_NOTE, type IndicatorDetailView } from '@footprint/performance';
import { upsertUser } from '../src/api/auth/users';
import { seedPartnershipDemo } from '../src/api/partnership/seed';
import { seedNationalSeries } from '../src/api/performance/seed-national';
import type { IndicatorListAnswer, IndicatorSpcAnswer, IndicatorValuesAnswer } from '../src/api/performance/indicators';
import { startTestServer, storageKinds, type TestServer } from './support';

const ONS = 'http://statistics.data.gov.uk/id/statistical-geography';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const KIND = 'https://fhir.footprint.example/CodeSystem/organisation-kind';
const HEADER = INDICATOR_CSV_COLUMNS.join(',');
const AE = 'ae-four-hour-performance';

/** The indicators API with real sessions, the synthetic national series and CSV import and export. */
describe.each(storageKinds)('the performance indicators API on %s', (kind) => {
  let server: TestServer;
  type Who = { cookie: string; csrf: string };
  let analyst: Who;
  let clinician: Who;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const { platform } = server;
    const body = (
      await platform.record.create<Organization>(systemContext(), {
        resourceType: 'Organization',
        name: 'Cheshire and Merseyside Health and Care Partnership',
        identifier: [{ system: ODS, value: 'QYG' }, { system: ONS, value: 'E54000008' }],
        type: [{ coding: [{ system: KIND, code: 'partnership' }] }],
      })
    ).resource;
    expect(await seedPartnershipDemo(platform)).toBe(true);
    const at = { code: 'QYG', name: body.name!, reference: `Organization/${body.id}` };
    await upsertUser(platform.sql, { username: 'analyst', role: 'analyst', displayName: 'Ann Alyst', password: 'analyst password', organisation: at });
    await upsertUser(platform.sql, { username: 'gp', role: 'gp_clinician', displayName: 'Dr Gee', password: 'gp password', organisation: at });
    analyst = await signIn('analyst', 'analyst password');
    clinician = await signIn('gp', 'gp password');
  });
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string): Promise<Who> {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const get = (who: Who | null, url: string) => server.app.inject({ method: 'GET', url: `/api/performance${url}`, headers: who ? { cookie: who.cookie } : {} });
  const importCsv = (who: Who, csv: string, query = '') =>
    server.app.inject({ method: 'POST', url: `/api/performance/indicators/import${query}`, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'text/csv' }, payload: csv });

  it('seeds the synthetic national series idempotently and lists the catalogue with latest footprint values', async () => {
    expect((await get(null, '/indicators')).statusCode).toBe(401);
    const written = await seedNationalSeries(server.platform);
    expect(written).toBeGreaterThan(0);
    expect(await seedNationalSeries(server.platform)).toBe(written);
    const list = (await get(clinician, '/indicators')).json() as IndicatorListAnswer;
    expect(list.footprint).toEqual({ onsCode: 'E54000008', name: 'Cheshire and Merseyside Health and Care Partnership' });
    const ae = list.indicators.find((i) => i.id === AE)!;
    expect(ae).toMatchObject({ name: 'A&E four-hour performance', latestPeriod: '2026-09', latestFootprintValue: { areaCode: 'E54000008', period: '2026-09', synthetic: true, note: SYNTHETIC_NOTE } });
    expect(ae.latestFootprintValue!.lower95!).toBeLessThan(ae.latestFootprintValue!.value!);
    expect(list.indicators.map((i) => i.id)).toEqual(listIndicators().map((i) => i.id));
    expect(list.indicators.find((i) => i.id === 'hypertension-treated-to-target')).toMatchObject({ latestPeriod: null, latestFootprintValue: null });
  });

  it('describes an indicator with its areas named, and reads and filters its values', async () => {
    const detail = (await get(clinician, `/indicators/${AE}`)).json() as IndicatorDetailView;
    expect(detail.indicator.id).toBe(AE);
    expect(detail.areas[0]).toMatchObject({ areaCode: 'E54000008', areaType: 'footprint', name: 'Cheshire and Merseyside Health and Care Partnership', breakdowns: [''], periods: 36 });
    const places = detail.areas.filter((a) => a.areaType === 'place');
    expect(places.length).toBeGreaterThan(3);
    expect(places.find((p) => p.areaCode === 'E08000012')?.name).toBe('Liverpool');
    expect(detail.areas[detail.areas.length - 1]).toMatchObject({ areaCode: 'E92000001', name: 'England' });

    const values = (await get(clinician, `/indicators/${AE}/values?area=E08000012&from=2026-01&to=2026-03`)).json() as IndicatorValuesAnswer;
    expect(values.values.map((v) => v.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(values.values.every((v) => v.areaType === 'place' && v.synthetic)).toBe(true);
    const byType = (await get(clinician, `/indicators/${AE}/values?areaType=england`)).json() as IndicatorValuesAnswer;
    expect(new Set(byType.values.map((v) => v.areaCode))).toEqual(new Set(['E92000001']));
  });

  it('gives the SPC of a series with the target aligned, and says when there are too few points', async () => {
    const answer = (await get(clinician, `/indicators/${AE}/spc`)).json() as IndicatorSpcAnswer;
    expect(answer).toMatchObject({ indicatorId: AE, areaCode: 'E54000008', areaName: 'Cheshire and Merseyside Health and Care Partnership', unit: '%', pointCount: 36, reason: null, synthetic: true });
    expect(answer.spc!.improvement).toBe('increase');
    expect(answer.spc!.points).toHaveLength(36);
    expect(answer.spc!.points.every((p) => p.target === 78)).toBe(true);
    expect(answer.spc!.points.some((p) => p.pointType === 'special_cause_improvement')).toBe(true);
    expect(answer.spc!.assurance).not.toBeNull();

    const none = (await get(clinician, `/indicators/${AE}/spc?area=E06000999`)).json() as IndicatorSpcAnswer;
    expect(none).toMatchObject({ spc: null, pointCount: 0, reason: 'A&E four-hour performance has no values for E06000999.' });
  });

  it('refuses unknown indicators and bad queries with precise problems', async () => {
    const unknown = await get(clinician, '/indicators/no-such/spc');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ title: 'No such indicator' });
    for (const [url, detail] of [
      [`/indicators/${AE}/values?areaType=county`, "areaType: 'county' is not an area type (one of england, footprint, place, practice)"],
      [`/indicators/${AE}/values?from=2024-13`, "from: '2024-13' is not a month YYYY-MM"],
      [`/indicators/${AE}/values?from=2025-01&to=2024-01`, 'from (2025-01) is after to (2024-01).'],
      [`/indicators/${AE}/spc?area=E54000008&area=E08000012`, 'area is given more than once.'],
      [`/indicators/${AE}/spc?colour=red`, 'colour is not a parameter here (the parameters are area, breakdown, ambition).'],
      ['/indicators/export.csv?indicator=nope', "indicator: there is no indicator 'nope'"],
    ] as const) {
      const response = await get(clinician, url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ title: 'Invalid query', detail });
    }
  });

  it('imports CSV for performance-edit only, refusing a bad file whole with every problem, and exports what it holds', async () => {
    const good = `${HEADER}\n${AE},E54000008,footprint,2026-10,,79.5,795,1000,76.9,81.9,75.2,83.3,,false\n`;
    expect((await importCsv(clinician, good)).statusCode).toBe(403);
    const bad = `${HEADER}\n${AE},E54000008,footprint,2026-10,,79.5,1795,1000,,,,,,false\nnope,E54000008,footprint,2026-10,,1,,,,,,,,false\n`;
    const refused = await importCsv(analyst, bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      title: 'Invalid indicator values CSV',
      problems: [
        'row 2, column numerator: the numerator 1795 is above the denominator 1000 (ae-four-hour-performance is a proportion)',
        "row 3, column indicator_id: unknown indicator 'nope' (see footprint indicators list)",
      ],
    });
    expect((await get(clinician, `/indicators/${AE}/values?from=2026-10`)).json()).toMatchObject({ values: [] });
    expect((await importCsv(analyst, good, '?replace=maybe')).statusCode).toBe(400);

    const imported = await importCsv(analyst, good);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ written: 1, indicators: [AE], replaced: false });
    const exported = await get(clinician, `/indicators/export.csv?indicator=${AE}&area=E54000008`);
    expect(exported.headers['content-type']).toContain('text/csv');
    const rows = parseIndicatorCsv(exported.body);
    expect(rows.problems).toEqual([]);
    expect(rows.values).toHaveLength(37);
    expect(rows.values[36]).toMatchObject({ period: '2026-10', value: 79.5, synthetic: false });

    const replaced = await importCsv(analyst, good, '?replace=true');
    expect(replaced.json()).toEqual({ written: 1, indicators: [AE], replaced: true });
    expect(((await get(clinician, `/indicators/${AE}/values`)).json() as IndicatorValuesAnswer).values).toHaveLength(1);
  });
});
