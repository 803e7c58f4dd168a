import { readFile } from 'node:fs/promises';
import type { AuditEvent, Patient } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import {
  accessibilityViolations,
  contextOf,
  loaded,
  newPage,
  pageErrors,
  screenshot,
  signIn,
  startWebTestEnvironment,
  type WebTestEnvironment,
} from './harness';

/** Each role's pages, and an API route standing for each capability (to prove the server refuses too). */
const PAGES: Record<string, { paths: string[]; api: string; heading: RegExp }> = {
  overview: { paths: ['/footprint'], api: '/api/footprint', heading: /Footprint overview/ },
  population: {
    paths: ['/population/prevalence', '/population/case-finding', '/population/inequalities', '/population/trends'],
    api: '/api/population/catalogue',
    heading: /Register prevalence|Case finding|Inequalities|Trends/,
  },
  'care-record': { paths: ['/care-record'], api: '/api/care-record/patients/any-id', heading: /Find a person/ },
  worklist: { paths: ['/worklist'], api: '/api/worklist', heading: /Practice worklist/ },
  feeds: { paths: ['/feeds'], api: '/api/feeds', heading: /Data feeds/ },
  accounts: { paths: ['/accounts'], api: '/api/users', heading: /Staff accounts/ },
  duplicates: { paths: ['/duplicates'], api: '/api/duplicates', heading: /Suspected duplicate records/ },
  corrections: { paths: ['/corrections'], api: '/api/corrections', heading: /Correction requests/ },
  coordination: { paths: ['/coordination', '/coordination?direction=outgoing'], api: '/api/coordination/worklist', heading: /Referrals and tasks/ },
  partnership: {
    paths: ['/partnership', '/partnership/plan'],
    api: '/api/partnership/footprint',
    heading: /Cheshire and Merseyside|Member organisations|Governance|the plan|Footprints and history|Changes to the register/,
  },
  performance: {
    paths: ['/performance', '/performance/indicators', '/performance/compare', '/performance/ratings', '/performance/report'],
    api: '/api/performance/indicators',
    heading: /The plan's scorecard|Indicators|Comparisons|Progress ratings|Board report/,
  },
  engagement: {
    paths: ['/engage', '/engage/content', '/engage/enquiries', '/engage/consultations'],
    api: '/api/engage/content',
    heading: /^(Engagement|Public content|Enquiries|Consultations)$/,
  },
  'engagement-moderate': { paths: ['/engage/moderation'], api: '/api/engage/moderation', heading: /^Moderation$/ },
  'privacy-reviews': { paths: ['/privacy', '/privacy/reviews', '/privacy/audit', '/privacy/unusual-access'], api: '/api/privacy/audit', heading: /^(Privacy|Break-glass reviews|Search the audit|Unusual access)$/ },
};

const ALLOWED: Record<string, string[]> = {
  gp_clinician: ['overview', 'partnership', 'performance', 'population', 'care-record', 'coordination', 'worklist', 'corrections'],
  hospital_clinician: ['overview', 'partnership', 'performance', 'population', 'care-record', 'coordination', 'corrections'],
  social_worker: ['overview', 'partnership', 'performance', 'care-record', 'coordination'],
  voluntary_worker: ['overview', 'partnership', 'performance', 'care-record', 'coordination'],
  analyst: ['overview', 'partnership', 'performance', 'population'],
  partnership_lead: ['overview', 'partnership', 'performance', 'engagement', 'engagement-moderate', 'population'],
  administrator: ['overview', 'partnership', 'performance', 'engagement', 'feeds', 'accounts', 'duplicates'],
  privacy_officer: ['overview', 'partnership', 'performance', 'engagement-moderate', 'privacy-reviews'],
};

const MENU_LABELS: Record<string, string> = {
  overview: 'Footprint overview',
  partnership: 'Partnership',
  performance: 'Performance',
  engagement: 'Engagement',
  'engagement-moderate': 'Moderation',
  population: 'Population health',
  'care-record': 'Shared care record',
  coordination: 'Care coordination',
  worklist: 'Practice worklist',
  feeds: 'Data feeds',
  accounts: 'Staff accounts',
  duplicates: 'Duplicate records',
  corrections: 'Corrections',
  'privacy-reviews': 'Privacy',
};

/** A GET to the API from inside the signed-in page, with its cookie. */
async function apiGet<T = unknown>(page: Page, path: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    return { status: response.status, body: (await response.json().catch(() => null)) as never };
  }, path);
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** The text a formatted count cell shows for an API value (null is suppressed: [c]). */
function shownCount(value: number | null): string {
  return value === null ? '[c]' : value.toLocaleString('en-GB');
}

function shownRate(value: number | null): string {
  return value === null ? '[c]' : value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

// Real pages in a real browser share two cores with the rest of the suite: give each test room.
describe('Footprint in a real browser', { timeout: 240_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 400));
  }, 600_000);
  afterAll(async () => env?.close());

  it('shows the demo users and their passwords on the start page', async () => {
    const { context, page } = await newPage(env);
    await page.goto('/');
    const rows = page.getByTestId('demo-users').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(env.users.length);
    expect(env.users.map((u) => u.role)).toContain('privacy_officer');
    const usernames = await page.locator('[data-field=username]').allInnerTexts();
    expect(usernames.sort()).toEqual(env.users.map((u) => u.username).sort());
    await expectAccessible(page, 'start page');
    await screenshot(page, 'start-page');
    await context.close();
  });

  it('explains a wrong password without saying which part was wrong', async () => {
    const { context, page } = await newPage(env);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('.nhsuk-error-summary a').allInnerTexts()).toEqual(['Enter your username', 'Enter your password']);
    await expectAccessible(page, 'sign-in errors');
    await page.getByLabel('Username').fill('gp.clinician');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('sign-in-problem').innerText()).toMatch(/Username or password is not correct/);
    await screenshot(page, 'sign-in-error');
    await context.close();
  });

  for (const role of Object.keys(ALLOWED)) {
    it(`signs in as ${role}, shows only that role's pages, and each is accessible`, async () => {
      const { context, page } = await newPage(env);
      await signIn(page, user(role));
      await expectAccessible(page, `${role} home`);
      await screenshot(page, `${role}-home`);
      const menu = await page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allInnerTexts();
      expect(menu).toEqual(ALLOWED[role].map((c) => MENU_LABELS[c]));

      for (const capability of Object.keys(PAGES)) {
        const { paths, api, heading } = PAGES[capability];
        if (ALLOWED[role].includes(capability)) {
          for (const path of paths) {
            await page.goto(path);
            await page.getByRole('heading', { level: 1, name: heading }).waitFor();
            await loaded(page);
            expect(await page.locator('.nhsuk-error-summary').count(), `${role} ${path} shows an error`).toBe(0);
            await expectAccessible(page, `${role} ${path}`);
            await screenshot(page, `${role}${path.replace(/\//g, '-')}`);
          }
        } else {
          await page.goto(paths[0]);
          await page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
          expect((await apiGet(page, api)).status, `${role} ${api}`).toBe(403);
        }
      }
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    });
  }

  it('drills down from the footprint to a place, a practice, its worklist and a patient’s record', async () => {
    const gp = user('gp_clinician');
    const { context, page } = await newPage(env);
    await signIn(page, gp);
    const overview = (await apiGet<{ organisations: Array<{ code: string; placeCode: string }>; places: Array<{ code: string; name: string }> }>(page, '/api/footprint')).body;
    const practice = overview.organisations.find((o) => o.code === gp.organisation!.code)!;
    const place = overview.places.find((p) => p.code === practice.placeCode)!;

    await page.goto('/footprint');
    await loaded(page);
    await page.getByTestId('places').getByRole('link', { name: place.name }).click();
    await page.getByRole('heading', { level: 1, name: place.name }).waitFor();
    await loaded(page);
    await screenshot(page, 'drill-1-place');
    await page.getByTestId('practices').getByRole('link', { name: gp.organisation!.name }).click();
    await page.getByRole('heading', { level: 1, name: gp.organisation!.name }).waitFor();
    await loaded(page);
    await screenshot(page, 'drill-2-practice');
    await page.getByRole('link', { name: /Open this practice’s case-finding worklist/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Practice worklist' }).waitFor();
    await loaded(page);
    await screenshot(page, 'drill-3-worklist');
    const firstPerson = page.locator('[data-testid^=worklist-] tbody tr[data-row]').first();
    const nhsNumber = await firstPerson.locator('[data-column=nhsNumber]').innerText();
    const name = await firstPerson.locator('[data-column=name]').innerText();
    await firstPerson.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('demographics').innerText()).toContain(nhsNumber);
    await expectAccessible(page, 'patient record');
    await screenshot(page, 'drill-4-record');
    await context.close();
  });

  it('shows the same numbers as the API on the overview, prevalence and practice pages', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('analyst'));
    await page.goto('/footprint');
    await loaded(page);
    const overview = (await apiGet<{ places: Array<{ name: string; population: number | null }>; deprivation: { rows: Array<{ people: number | null }> } }>(page, '/api/footprint')).body;
    const placeRows = page.getByTestId('places').locator('tbody tr[data-row]');
    expect(await placeRows.count()).toBe(overview.places.length);
    for (let i = 0; i < overview.places.length; i++) {
      expect(await placeRows.nth(i).locator('[data-column=name]').innerText()).toBe(overview.places[i].name);
      expect(await placeRows.nth(i).locator('[data-column=population]').innerText()).toBe(shownCount(overview.places[i].population));
    }
    const deprivation = await page.getByTestId('deprivation').locator('[data-column=people]').allInnerTexts();
    expect(deprivation).toEqual(overview.deprivation.rows.map((r) => shownCount(r.people)));

    await page.goto('/population/prevalence?register=diabetes&by=imd_decile');
    await loaded(page);
    const prevalence = (await apiGet<{ figure: { rows: Array<{ register_count: number | null; prevalence_per_1000: number | null }> } }>(page, '/api/population/prevalence?register=diabetes&by=imd_decile')).body;
    expect(prevalence.figure.rows.length).toBeGreaterThan(0);
    expect(await page.getByTestId('prevalence').locator('[data-column=register_count]').allInnerTexts()).toEqual(prevalence.figure.rows.map((r) => shownCount(r.register_count)));
    expect(await page.getByTestId('prevalence').locator('[data-column=prevalence_per_1000]').allInnerTexts()).toEqual(prevalence.figure.rows.map((r) => shownRate(r.prevalence_per_1000)));
    const practiceCode = user('gp_clinician').organisation!.code;
    await page.goto(`/footprint/practices/${practiceCode}`);
    await loaded(page);
    const practice = (await apiGet<{ prevalence: { rows: Array<{ list_size: number | null }> }; caseFinding: { rows: Array<{ flagged: number | null }> } }>(page, `/api/footprint/practices/${practiceCode}`)).body;
    expect(await page.getByTestId('register-prevalence').locator('[data-column=list_size]').allInnerTexts()).toEqual(practice.prevalence.rows.map((r) => shownCount(r.list_size)));
    expect(await page.getByTestId('practice-case-finding').locator('[data-column=flagged]').allInnerTexts()).toEqual(practice.caseFinding.rows.map((r) => shownCount(r.flagged)));

    await page.goto('/population/prevalence?register=diabetes&by=imd_decile');
    await loaded(page);
    await page.getByText('About this figure').first().click();
    expect(await page.locator('.nhsuk-details__text').first().innerText()).toMatch(/suppressed/);
    await screenshot(page, 'prevalence-diabetes-by-imd');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Download this table as CSV/ }).first().click();
    const csv = await readFile(await (await download).path(), 'utf8');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('IMD decile,People on register,Registered population,"Per 1,000 people"');
    expect(lines.length).toBe(prevalence.figure.rows.length + 1);
    await context.close();
  });

  it('finds a person by NHS number and by name and date of birth, and audits every view', async () => {
    const clinician = user('hospital_clinician');
    // A person the hospital has a care relationship with (an encounter there in the last year).
    const sample = (await env.platform.record.search(await contextOf(env, clinician), 'Patient', [['_count', '1'], ['birthdate', 'lt2000-01-01']])).matches[0] as Patient;
    expect(sample, 'the hospital clinician has a related person').toBeDefined();
    const nhsNumber = sample.identifier!.find((i) => i.system === 'https://fhir.nhs.uk/Id/nhs-number')!.value!;
    const { context, page } = await newPage(env);
    await signIn(page, clinician);
    await page.goto('/care-record');
    await page.locator('#nhs-number').fill('1234567890');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('.nhsuk-error-summary').innerText()).toMatch(/valid NHS number/);
    await expectAccessible(page, 'search error');
    await page.locator('#nhs-number').fill(nhsNumber);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: '1 person found' }).waitFor();
    await page.getByTestId('search-results').getByRole('link').click();
    await page.getByTestId('demographics').waitFor();
    await loaded(page);
    await screenshot(page, 'care-record-summary');
    await expectAccessible(page, 'care record');

    await page.goto('/care-record');
    await page.getByLabel('Name and date of birth').check();
    await page.getByLabel('Last name').fill(sample.name![0].family!);
    const [year, month, day] = sample.birthDate!.split('-');
    await page.getByLabel('Day').fill(String(Number(day)));
    await page.getByLabel('Month').fill(String(Number(month)));
    await page.getByLabel('Year').fill(year);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('search-results').waitFor();
    expect(await page.getByTestId('search-results').innerText()).toContain(`${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`);
    await screenshot(page, 'care-record-search');

    const audit = await env.platform.record.search(systemContext(), 'AuditEvent', [['entity', `Patient/${sample.id}`], ['_count', '500']]);
    const views = (audit.matches as AuditEvent[]).filter((e) => e.subtype?.[0]?.code === 'read' && e.agent?.[0]?.role?.[0]?.text === 'hospital_clinician');
    expect(views.length).toBeGreaterThan(0);
    expect(views[0].purposeOfEvent?.[0]?.coding?.[0]?.code).toBe('TREAT');
    await context.close();
  });

  it('signs out, ends the session on the server, and sends the user back to sign in', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('social_worker'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    expect((await apiGet(page, '/api/session')).status).toBe(401);
    await page.goto('/care-record');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Footprint' }).waitFor();
    expect(page.url()).toContain('/sign-in?from=%2Fcare-record');
    await context.close();
  });

  it('sends a user whose session ended on the server back to sign in, saying why', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('analyst'));
    await env.platform.sql.query(`DELETE FROM web_sessions WHERE user_id = (SELECT id FROM web_users WHERE username = $1)`, [user('analyst').username]);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Population health' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Footprint' }).waitFor();
    await page.getByText('For your security, you were signed out').waitFor();
    await context.close();
  });

  it('works at tablet width without sideways scrolling', async () => {
    const { context, page } = await newPage(env, 'tablet');
    await signIn(page, user('gp_clinician'));
    for (const path of ['/', '/footprint', '/population/inequalities', '/worklist', '/care-record']) {
      await page.goto(path);
      await loaded(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is wider than the tablet screen`).toBeLessThanOrEqual(0);
      await expectAccessible(page, `tablet ${path}`);
      await screenshot(page, `tablet${path === '/' ? '-home' : path.replace(/\//g, '-')}`);
    }
    await context.close();
  });

  it('has no dead links on the pages each role can reach', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('gp_clinician'));
    const seen = new Set<string>();
    const queue = ['/', '/footprint', '/population/prevalence', '/care-record', '/worklist'];
    while (queue.length > 0 && seen.size < 60) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      await page.goto(path);
      await loaded(page);
      expect(await page.locator('h1').first().innerText(), `${path} is a dead link`).not.toBe('Page not found');
      const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
      for (const link of links) if (!seen.has(link) && !link.startsWith('/care-record/patients/')) queue.push(link);
    }
    expect(seen.size).toBeGreaterThan(8);
    await context.close();
  });
});
