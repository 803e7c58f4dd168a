import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { SEED_PLAN_IDS } from '@footprint/partnership';
import { IndicatorValueStore, type IndicatorValue } from '@footprint/performance';
import { upsertUser } from '../../src/api/auth/users';
import { seedContent } from '../../src/api/engage/seed-content';
import { seedPartnershipDemo } from '../../src/api/partnership/seed';
import { startTestServer, storageKinds, type TestServer } from '../support';

const ONS = 'http://statistics.data.gov.uk/id/statistical-geography';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const KIND = 'https://fhir.footprint.example/CodeSystem/organisation-kind';
const HTN_AMBITION = `${SEED_PLAN_IDS.cheshireAndMerseyside2021}-ambition-03`;
const TEAMS_AMBITION = `${SEED_PLAN_IDS.cheshireAndMerseyside2021}-ambition-07`;
const HTN = 'hypertension-treated-to-target';
const CM = 'E54000008';
const LIVERPOOL = 'E08000012';
const WIRRAL = 'E08000015';

const value = (areaCode: string, areaType: IndicatorValue['areaType'], period: string, numerator: number, denominator: number): IndicatorValue => ({
  indicatorId: HTN, areaCode, areaType, period, breakdown: '', value: (100 * numerator) / denominator, numerator, denominator,
  lower95: null, upper95: null, lower998: null, upper998: null, note: null, synthetic: false,
});
const months = Array.from({ length: 14 }, (_x, i) => `${2023 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`);
// The footprint's series has one month counting only 6 people (hidden); Liverpool's latest counts 5 (hidden); Wirral's is large (shown).
const VALUES: IndicatorValue[] = months.flatMap((period, i) => [
  value(CM, 'footprint', period, i === 4 ? 6 : 6300 + 10 * i, i === 4 ? 11 : 10_000),
  value(LIVERPOOL, 'place', period, 5, 9),
  value(WIRRAL, 'place', period, 1250 + 10 * i, 2000),
]);

describe.each(storageKinds)('engagement content pages and API on %s', (kind) => {
  let server: TestServer;
  let lead: { cookie: string; csrf: string };
  let privacy: { cookie: string; csrf: string };

  beforeAll(async () => {
    server = await startTestServer(kind);
    const { platform } = server;
    const body = (await platform.record.create<Organization>(systemContext(), { resourceType: 'Organization', name: 'Cheshire and Merseyside Health and Care Partnership', identifier: [{ system: ODS, value: 'QYG' }, { system: ONS, value: CM }], type: [{ coding: [{ system: KIND, code: 'partnership' }] }] })).resource;
    expect(await seedPartnershipDemo(platform)).toBe(true);
    await new IndicatorValueStore(platform.sql).upsert(VALUES);
    await seedContent(platform);
    await seedContent(platform); // idempotent
    const at = { code: 'QYG', name: body.name!, reference: `Organization/${body.id}` };
    await upsertUser(platform.sql, { username: 'lead', role: 'partnership_lead', displayName: 'Pat Lead', password: 'lead password', organisation: at });
    await upsertUser(platform.sql, { username: 'privacy', role: 'privacy_officer', displayName: 'Sam Privacy', password: 'privacy password', organisation: at });
    lead = await signIn('lead', 'lead password');
    privacy = await signIn('privacy', 'privacy password');
  });
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string) {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  const staff = (method: 'GET' | 'POST' | 'PUT', url: string, who: { cookie: string; csrf: string } | null, payload?: unknown) =>
    server.app.inject({ method, url: `/api/engage${url}`, headers: who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const page = (url: string) => server.app.inject({ method: 'GET', url });

  it('serves every public page to anyone, as HTML that reads without a script', async () => {
    const expected: Array<[string, string]> = [
      ['/public', 'Who is in the partnership'],
      ['/public/plan', 'Our ambitions'],
      ['/public/plan/history', 'First published'],
      [`/public/plan/ambitions/${HTN_AMBITION}`, 'All communities supported to lead healthy lives'],
      ['/public/progress', 'How we are doing'],
      ['/public/news', 'Our plan is now online in plain English'],
      ['/public/news/our-plan-online', 'Read what the partnership is for'],
      ['/public/news/our-plan-online/history', 'Version 1'],
      ['/public/questions', 'Why are some figures hidden?'],
      ['/public/easy-read', 'We want everyone to be healthy.'],
      ['/public/easy-read/history', 'Version 1'],
      ['/public/accessibility', 'WCAG'],
      ['/public/accessibility/history', 'Version 1'],
      ['/public/privacy', 'How we use your information'],
    ];
    for (const [url, text] of expected) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.body, url).toContain(text);
      expect(response.body, url).not.toMatch(/<script(?![^>]*\bsrc=)/);
    }
    const home = (await page('/public')).body;
    // The map: each place's district drawn and labelled, and the same places as a list.
    expect(home.match(/class="fp-map__place/g)).toHaveLength(9);
    expect(home).toContain('>St Helens</text>');
    expect(home).toContain('data-testid="places-list"');
    expect(home).toContain('Mid Mersey (the Alliance): Halton, Knowsley, St Helens, Warrington');
    // The privacy notice is a template, marked so; nothing made up is shown as fact.
    expect((await page('/public/privacy')).body).toContain('is illustrative');
  });

  it('applies disclosure control on the public ambition page and says why a figure is hidden', async () => {
    const html = (await page(`/public/plan/ambitions/${HTN_AMBITION}`)).body;
    expect(html).toContain('data-testid="public-spc-svg"');
    expect(html).toContain('data-testid="spc-icons-explained"');
    expect(html).toContain('1 month is not shown. Hidden to protect privacy: fewer than 8 people were counted');
    // Liverpool's latest counts 5 people: hidden; Wirral's is shown.
    const liverpool = html.match(/<tr[^>]*>(?:(?!<\/tr>).)*Liverpool(?:(?!<\/tr>).)*<\/tr>/s)?.[0] ?? '';
    expect(liverpool).toContain('Hidden (small number)');
    expect(liverpool).not.toMatch(/55\.6%/);
    const wirral = html.match(/<tr[^>]*>(?:(?!<\/tr>).)*Wirral(?:(?!<\/tr>).)*<\/tr>/s)?.[0] ?? '';
    expect(wirral).toMatch(/\d+(\.\d)?%/);
    // The hidden footprint month (6 of 11, 54.5%) appears nowhere.
    expect(html).not.toContain('54.5%');
    // No consultation has changed this ambition yet, and the page says so.
    expect(html).toContain('No consultation has changed this ambition yet');
    // An ambition measured by an unpublished indicator says so instead of showing its figures.
    const teams = (await page(`/public/plan/ambitions/${TEAMS_AMBITION}`)).body;
    expect(teams).toContain('data-testid="unpublished-indicators"');
    expect((await page('/public/progress')).body).toContain('is not one of the indicators the partnership publishes');
  });

  it('answers what does not exist with a 404: an HTML page on /public, problem+json on the API', async () => {
    for (const url of ['/public/news/no-such-news', '/public/plan/ambitions/no-such-ambition', '/public/pages/no-such-page', '/public/pages/no-such-page/history']) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.body, url).toContain('Page not found');
    }
    for (const url of ['/api/public/pages/no-such-page', '/api/public/news/no-such-news']) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect((response.json() as { detail: string }).detail, url).toMatch(/There is no published/);
    }
    const questions = (await page('/api/public/questions')).json() as { count: number; questions: Array<{ position: number }> };
    expect(questions.count).toBe(8);
    expect(questions.questions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(((await page('/api/public/news')).json() as { count: number }).count).toBe(3);
    const accessibility = (await page('/api/public/pages/accessibility')).json() as { version: number; history: unknown[] };
    expect([accessibility.version, accessibility.history.length]).toEqual([1, 1]);
  });

  it('lets only staff with the engagement capability write and publish, and the public sees each version, its history, and text as text', async () => {
    expect((await staff('GET', '/content', null)).statusCode).toBe(401);
    expect((await staff('GET', '/content', privacy)).statusCode).toBe(403);
    expect((await staff('POST', '/content', privacy, { kind: 'page', slug: 'x', title: 'x', body: 'x' })).statusCode).toBe(403);

    const listed = (await staff('GET', '/content?kind=question', lead)).json() as { count: number };
    expect(listed.count).toBe(8);
    expect((await staff('GET', '/content?kind=leaflet', lead)).statusCode).toBe(400);

    const bad = await staff('POST', '/content', lead, { kind: 'page', slug: 'Bad Slug', title: '', body: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((bad.json() as { detail: string }).detail).toMatch(/slug: .*title: must not be empty/);
    expect((await staff('POST', '/content', lead, { kind: 'page', slug: 'accessibility', title: 'Again', body: 'x' })).statusCode).toBe(409);

    const hostile = '<script>alert("owned")</script> <img src=x onerror=alert(1)> & "quotes"';
    const created = await staff('POST', '/content', lead, { kind: 'page', slug: 'about-us', title: 'About <b>us</b>', body: `First.\n\n${hostile}` });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { id: number }).id;
    // A draft is not public.
    expect((await page('/public/pages/about-us')).statusCode).toBe(404);
    expect((await staff('POST', `/content/${id}/publish`, lead, { change: '' })).statusCode).toBe(400);
    expect((await staff('POST', `/content/${id}/publish`, lead, { change: 'First published' })).statusCode).toBe(200);
    expect((await staff('POST', `/content/${id}/publish`, lead, { change: 'Again' })).statusCode).toBe(409);

    const first = await page('/public/pages/about-us');
    expect(first.statusCode).toBe(200);
    expect(first.body).not.toContain('<script>alert');
    expect(first.body).not.toContain('<img src=x');
    expect(first.body).not.toContain('<b>us</b>');
    expect(first.body).toContain('&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;');
    // The API gives the text back byte for byte.
    expect(((await page('/api/public/pages/about-us')).json() as { body: string }).body).toBe(`First.\n\n${hostile}`);

    const edited = await staff('PUT', `/content/${id}`, lead, { body: 'Second version.' });
    expect(edited.statusCode).toBe(200);
    expect((edited.json() as { unpublishedChanges: boolean }).unpublishedChanges).toBe(true);
    expect((await page('/public/pages/about-us')).body).toContain('First.');
    const publishedAgain = await staff('POST', `/content/${id}/publish`, lead, { change: 'Shorter' });
    const history = publishedAgain.json() as { versions: Array<{ version: number; publishedBy: string; change: string; changedFields: string[] }> };
    expect(history.versions.map((v) => [v.version, v.publishedBy, v.change, v.changedFields])).toEqual([
      [2, 'Pat Lead', 'Shorter', ['body']],
      [1, 'Pat Lead', 'First published', ['title', 'summary', 'body', 'position', 'illustrative']],
    ]);
    const now = await page('/public/pages/about-us');
    expect(now.body).toContain('Second version.');
    expect(now.body).not.toContain('First.');
    const publicHistory = (await page('/public/pages/about-us/history')).body;
    expect(publicHistory).toContain('Version 2');
    expect(publicHistory).toContain('Shorter');
    expect(publicHistory).toContain('&lt;script&gt;'); // version 1's text, still readable, still text
    expect(publicHistory).not.toContain('Pat Lead');

    expect((await staff('GET', '/content/999999', lead)).statusCode).toBe(404);
    expect((await staff('GET', '/content/abc', lead)).statusCode).toBe(404);
    expect((await staff('PUT', `/content/${id}`, lead, { colour: 'red' })).statusCode).toBe(400);
  });
});
