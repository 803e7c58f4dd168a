import type { Encounter, Organization, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import type { DemoUserCredentials } from '@footprint/server';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const KIND = 'https://fhir.footprint.example/CodeSystem/organisation-kind';

/** People the hospital has seen (so its clinician may open them): strangers, a namesake of the clinician, and a namesake of a colleague. */
const SEEN = [
  { nhsNumber: '9000000009', family: 'Ashby', given: 'Ruth' },
  { nhsNumber: '9000000017', family: 'Bell', given: 'Owen' },
  { nhsNumber: '9000000025', family: 'Cole', given: 'Nia' },
  { nhsNumber: '9000000033', family: 'Hughes', given: 'Lee' },
  { nhsNumber: '9000000041', family: 'Reid', given: 'Morgan' },
];
/** Someone the hospital has never seen: the clinician breaks glass for them. */
const UNSEEN = { nhsNumber: '9000000068', family: 'Dunn', given: 'Iris' };
const spaced = (n: string) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;

async function loadPeople(platform: WebTestEnvironment['platform']): Promise<void> {
  const system = systemContext('SYSADMIN', 'web-test');
  const org = async (name: string, code: string, kind: string) =>
    (await platform.record.create<Organization>(system, { resourceType: 'Organization', name, identifier: [{ system: ODS, value: code }], type: [{ coding: [{ system: KIND, code: kind }] }] })).resource;
  const practice = await org('Riverside Surgery', 'N81001', 'gp_practice');
  const trust = await org('Countess General Hospital', 'RBT', 'acute_trust');
  await org('Halton Borough Council', '00AA', 'local_authority');
  await org('Age Well Cheshire', 'VOL01', 'voluntary');
  await org('Cheshire and Merseyside Partnership', 'QYG', 'partnership');
  const atPractice = { ...system, organisation: { reference: `Organization/${practice.id}`, odsCode: 'N81001' } };
  for (const person of [...SEEN, UNSEEN]) {
    const patient = (
      await platform.record.create<Patient>(atPractice, {
        resourceType: 'Patient',
        identifier: [{ system: NHS, value: person.nhsNumber }],
        name: [{ family: person.family, given: [person.given] }],
        birthDate: '1970-01-01',
        generalPractitioner: [{ reference: `Organization/${practice.id}` }],
      })
    ).resource;
    if (person === UNSEEN) continue;
    await platform.record.create<Encounter>(system, {
      resourceType: 'Encounter',
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject: { reference: `Patient/${patient.id}` },
      period: { start: '2026-01-10T10:00:00Z', end: '2026-01-10T11:00:00Z' },
      serviceProvider: { reference: `Organization/${trust.id}` },
    });
  }
}

describe('the privacy officer’s area in a real browser', { timeout: 240_000 }, () => {
  let env: WebTestEnvironment;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  /** The hospital clinician's day, through the web API as the web app calls it: five records opened, then break-glass. */
  async function clinicianOpensRecords(): Promise<void> {
    const clinician = user('hospital_clinician');
    const session = await fetch(`${env.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: clinician.username, password: clinician.password }) });
    expect(session.status).toBe(200);
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const { rows } = await env.platform.sql.query<{ id: string; content: string }>("SELECT id, content FROM resource WHERE resource_type = 'Patient'");
    const idOf = (nhsNumber: string) => rows.find((r) => r.content.includes(nhsNumber))!.id;
    for (const person of SEEN) expect((await fetch(`${env.baseUrl}/api/care-record/patients/${idOf(person.nhsNumber)}`, { headers })).status).toBe(200);
    const glass = await fetch(`${env.baseUrl}/api/care-record/break-glass`, { method: 'POST', headers, body: JSON.stringify({ nhsNumber: UNSEEN.nhsNumber, reason: 'emergency', explanation: 'Collapsed in outpatients' }) });
    expect(glass.status).toBe(200);
  }

  beforeAll(async () => {
    env = await startWebTestEnvironment(loadPeople);
    await clinicianOpensRecords();
  }, 600_000);
  afterAll(async () => env?.close());

  it('gives the privacy officer one Privacy area with its three pages', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('privacy_officer'));
    const menu = await page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allInnerTexts();
    expect(menu).toEqual(['Footprint overview', 'Partnership', 'Performance', 'Moderation', 'Privacy']);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    const cards = await page.locator('main .nhsuk-card__link').allInnerTexts();
    expect(cards).toEqual(['Break-glass reviews', 'Search the audit', 'Unusual access']);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'privacy-home');
    for (const [link, heading] of [
      ['Break-glass reviews', 'Break-glass reviews'],
      ['Search the audit', 'Search the audit'],
      ['Unusual access', 'Unusual access'],
    ]) {
      await page.getByRole('navigation', { name: 'Privacy' }).getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await loaded(page);
      expect(await page.getByRole('navigation', { name: 'Privacy' }).locator('[aria-current=page]').innerText()).toBe(link);
    }
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('searches the audit by person and by purpose, with break-glass marked, and the search is audited', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('privacy_officer'));
    await page.goto('/privacy/audit');
    await page.getByRole('heading', { level: 1, name: 'Search the audit' }).waitFor();
    await loaded(page);
    expect(await page.getByTestId('audit-scope').innerText()).toBe('Countess General Hospital');

    await page.getByLabel('NHS number').fill(spaced(SEEN[3].nhsNumber));
    await page.getByRole('button', { name: 'Search the audit' }).click();
    await page.waitForURL(/nhsNumber=/);
    const table = page.getByTestId('audit-entries');
    const rows = table.locator('tbody tr[data-row]');
    // The new search's rows, once the page has fetched them (the previous search had no NHS number).
    await page.waitForFunction((n) => {
      const cells = [...document.querySelectorAll('[data-testid=audit-entries] [data-column=people]')];
      return cells.length > 0 && cells.every((c) => c.textContent?.includes(n));
    }, spaced(SEEN[3].nhsNumber));
    await loaded(page);
    expect(await rows.count()).toBeGreaterThan(0);
    for (const person of await table.locator('[data-column=people]').allInnerTexts()) expect(person).toContain(spaced(SEEN[3].nhsNumber));
    expect(await table.locator('[data-column=who]').allInnerTexts()).toContain(`${user('hospital_clinician').displayName} (Hospital clinician)`);
    expect(await table.innerText()).not.toContain('Hughes, Lee');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'privacy-audit-person');

    await page.getByLabel('NHS number').fill('');
    await page.getByLabel('Purpose').selectOption('ETREAT');
    await page.getByRole('button', { name: 'Search the audit' }).click();
    await page.waitForURL(/purpose=ETREAT/);
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-testid=audit-entries] [data-column=purpose]')];
      return cells.length > 0 && cells.every((c) => c.textContent?.startsWith('Break-glass'));
    });
    await loaded(page);
    const emergency = page.getByTestId('audit-entries');
    expect(await emergency.locator('tbody tr[data-row]').count()).toBeGreaterThan(0);
    for (const why of await emergency.locator('[data-column=purpose]').allInnerTexts()) expect(why).toMatch(/^Break-glass\s+Emergency access/);
    expect(await emergency.locator('[data-column=action]').allInnerTexts()).toContain('Broke glass: Patient');
    expect((await emergency.locator('[data-column=people]').allInnerTexts()).some((t) => t.includes(spaced(UNSEEN.nhsNumber)))).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'privacy-audit-break-glass');

    await page.getByLabel('NHS number').fill('123');
    await page.getByRole('button', { name: 'Search the audit' }).click();
    await page.getByRole('heading', { name: 'Invalid NHS number' }).waitFor();

    const { rows: audited } = await env.platform.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event WHERE content LIKE '%AuditEvent?_privacy=audit-search%'");
    expect(audited[0].n).toBeGreaterThanOrEqual(3);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('reports many records in a short time, a colleague’s record and a namesake’s, each leading to the audit', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('privacy_officer'));
    await page.goto('/privacy/unusual-access');
    await page.getByRole('heading', { level: 1, name: 'Unusual access' }).waitFor();
    await loaded(page);
    // The default threshold (20 people in an hour) is not reached by five records and a break-glass.
    expect(await page.getByTestId('unusual-bursts').innerText()).toContain('No one opened that many records that quickly.');
    await page.getByLabel('At least this many people').fill('5');
    await page.getByLabel('Within this many minutes').fill('30');
    await page.getByRole('button', { name: 'Update the report' }).click();
    await page.waitForURL(/people=5/);
    await page.getByTestId('unusual-bursts').locator('tbody tr[data-row]').first().waitFor();
    await loaded(page);
    const clinician = user('hospital_clinician').displayName;
    const bursts = page.getByTestId('unusual-bursts');
    expect(await bursts.locator('[data-column=user]').allInnerTexts()).toEqual([`${clinician} (Hospital clinician)`]);
    expect(await bursts.locator('[data-column=people]').allInnerTexts()).toEqual(['6']);
    const colleagues = page.getByTestId('unusual-colleagues');
    expect(await colleagues.locator('[data-column=person]').allInnerTexts()).toEqual([spaced(SEEN[4].nhsNumber)]);
    expect(await colleagues.locator('[data-column=colleague]').allInnerTexts()).toEqual([user('privacy_officer').displayName]);
    const surnames = page.getByTestId('unusual-surnames');
    expect(await surnames.locator('[data-column=person]').allInnerTexts()).toEqual([spaced(SEEN[3].nhsNumber)]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'privacy-unusual-access');

    await surnames.getByRole('link', { name: /See the entries/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Search the audit' }).waitFor();
    await page.getByTestId('audit-entries').locator('tbody tr[data-row]').first().waitFor();
    await loaded(page);
    expect(await page.getByLabel('NHS number').inputValue()).toBe(SEEN[3].nhsNumber);
    expect(await page.getByTestId('audit-entries').locator('tbody tr[data-row]').count()).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('keeps everyone else out of the privacy area', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('hospital_clinician'));
    for (const path of ['/privacy', '/privacy/audit', '/privacy/unusual-access']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
    }
    const status = await page.evaluate(async () => (await fetch('/api/privacy/audit')).status);
    expect(status).toBe(403);
    await context.close();
  });
});
