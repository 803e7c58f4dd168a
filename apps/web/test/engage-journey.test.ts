import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

const ID = 'walk-in-services-and-you';
const NHS = '943 476 5919';
const EMAIL = 'sam.example@example.org';
const PERSONAL = `The walk-in centre saw me quickly. My NHS number is ${NHS}, email ${EMAIL} if you want to know more.`;
const PLAIN = 'The pharmacist explained my new inhaler and saved me a GP appointment.';
const REDACTED = 'The walk-in centre saw me quickly. My NHS number is [redacted: personal data], email [redacted: personal data] if you want to know more.';
const WE_DID = 'We will keep the walk-in centre open at weekends and tell people which pharmacies can help.';

/** Yesterday in England, as YYYY-MM-DD: the date the lead closes the consultation on. */
function yesterdayInEngland(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The whole journey of a consultation, one consultation from start to finish in a real browser
 * (issue 13 §5): a partnership lead builds it with every question type and publishes it; three
 * members of the public respond (one, without JavaScript, with an NHS number and an email address
 * in a publishable answer) and a fourth saves a draft; the lead closes it, and the late answers are
 * refused; a privacy officer sees both personal data items flagged and redacts them; the lead says
 * what changed in the plan and publishes the results; the public sees suppressed counts and the
 * redacted text, downloads the report, and finds "you said, we did" on the plan's ambition page.
 */
describe('a consultation from first question to "you said, we did", in a real browser', { timeout: 900_000 }, () => {
  let env: WebTestEnvironment;
  let draftLink: string;
  let ambitionId: string;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 20));
  }, 600_000);
  afterAll(async () => env?.close());

  async function addQuestion(page: Page, type: string, n: number, title: string, options: Record<string, string> = {}) {
    await page.getByLabel('Type of question to add').selectOption({ label: type });
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByLabel(`Question ${n} wording`).fill(title);
    for (const [field, lines] of Object.entries(options)) await page.getByLabel(`Question ${n} ${field}`).fill(lines);
  }

  /** Answers the required questions (1 and the matrix), the given free text and the publication choice, then submits. */
  async function respond(page: Page, answers: { used: 'Yes' | 'No'; helped?: string; pharmacy?: string; publish: boolean }) {
    await page.getByRole('group', { name: /^1\. Have you used/ }).getByLabel(answers.used).check();
    if (answers.helped) await page.getByLabel('2. What did the pharmacy help with?').fill(answers.helped);
    if (answers.pharmacy) await page.getByLabel('7. Name of your usual pharmacy').fill(answers.pharmacy);
    await page.getByLabel('Advice: Good').check();
    await page.getByLabel('Waiting time: OK').check();
    await page.getByLabel(answers.publish ? 'Yes, you may publish them' : 'No, do not publish them').check();
    await page.getByRole('button', { name: 'Submit your response' }).click();
    await page.getByRole('heading', { name: 'Thank you: your response is received' }).waitFor();
  }

  it('a partnership lead builds a consultation with every question type and publishes it', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto('/engage/consultations/new');
    await loaded(page);
    await page.getByLabel('Title').fill('Walk-in services and you');
    await page.getByLabel('Summary').fill('Tell us how you use walk-in centres and pharmacies.');
    await page.getByLabel('Opens on').fill('2026-01-01');
    await page.getByLabel('Closes on').fill('2099-12-31');
    await addQuestion(page, 'Single choice', 1, 'Have you used a pharmacy this year?', { options: 'Yes\nNo' });
    await page.getByLabel('Question 1 must be answered').check();
    await addQuestion(page, 'Long text', 2, 'What did the pharmacy help with?');
    await addQuestion(page, 'Multiple choice', 3, 'Which services would you use?', { options: 'Blood pressure checks\nMinor illness' });
    await addQuestion(page, 'Rating scale', 4, 'How easy is it to see a pharmacist?');
    await addQuestion(page, 'Ranking', 5, 'What matters most?', { options: 'Opening hours\nPrivacy' });
    await addQuestion(page, 'Matrix', 6, 'How good is your pharmacy at these?', { rows: 'Advice\nWaiting time', columns: 'Good\nOK\nPoor' });
    await page.getByLabel('Question 6 must be answered').check();
    await addQuestion(page, 'Short text', 7, 'Name of your usual pharmacy');
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    await page.waitForURL(new RegExp(`/engage/consultations/${ID}$`));
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published: the public can see it and respond.').waitFor();
    expect(await page.getByTestId('builder-state').innerText()).toContain('open');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('three members of the public respond, one with an NHS number and an email address; a fourth saves a draft', async () => {
    const noScript = await env.browser.newContext({ baseURL: env.baseUrl, javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const first = await noScript.newPage();
    await first.goto(`/public/consultations/${ID}/respond`);
    await respond(first, { used: 'Yes', helped: PERSONAL, publish: true });
    await noScript.close();

    for (const answers of [
      { used: 'Yes', helped: PLAIN, pharmacy: 'The one by the station', publish: true },
      { used: 'No', helped: 'I would rather not say this in public.', publish: false },
    ] as const) {
      const { context, page } = await newPage(env);
      await page.goto(`/public/consultations/${ID}/respond`);
      await respond(page, answers);
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    }

    const { context, page } = await newPage(env, 'phone');
    await page.goto(`/public/consultations/${ID}/respond`);
    await page.getByRole('group', { name: /^1\. Have you used/ }).getByLabel('No').check();
    await page.getByRole('button', { name: 'Save and come back later' }).click();
    await page.getByRole('heading', { name: 'Your answers are saved' }).waitFor();
    draftLink = (await page.locator('.fp-saved__link a').getAttribute('href'))!;
    await context.close();
  });

  it('the lead closes it; a late response is refused, and the closed page says what happens next', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto(`/engage/consultations/${ID}`);
    await loaded(page);
    expect(await page.getByTestId('builder-state').innerText()).toContain('3 submitted responses');
    await page.getByLabel('Closes on').fill(yesterdayInEngland());
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('builder-saved').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="builder-state"]')?.textContent?.includes('closed'));
    await context.close();

    const api = await env.browser.newContext({ baseURL: env.baseUrl });
    const late = await api.request.post(`/api/public/consultations/${ID}/responses`, { data: { answers: { q1: 'yes', q6: { advice: 'good', 'waiting-time': 'ok' } }, publishFreeText: false } });
    expect(late.status()).toBe(409);
    expect(late.headers()['content-type']).toContain('application/problem+json');
    expect(((await late.json()) as { detail: string }).detail).toMatch(/^This consultation closed on .+; responses are no longer accepted\.$/);

    const resumed = await api.newPage();
    await resumed.goto(draftLink);
    expect(await resumed.getByTestId('late-draft').innerText()).toContain('Your saved answers were not sent');
    expect(await resumed.locator('main').innerText()).toContain('responses are no longer accepted');
    expect(await resumed.getByRole('button', { name: 'Submit your response' }).count()).toBe(0);
    await resumed.goto(`/public/consultations/${ID}`);
    expect(await resumed.getByTestId('what-happens-next').innerText()).toContain('removes anything that could identify someone');
    expect(await resumed.getByRole('link', { name: 'Respond to this consultation' }).count()).toBe(0);
    expect(await accessibilityViolations(resumed)).toEqual([]);
    await screenshot(resumed, 'engage-journey-closed');
    const { rows } = await env.platform.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM engage_response WHERE consultation_id = $1 AND status = 'submitted'`, [ID]);
    expect(rows[0]!.n).toBe(3);
    await api.close();
  });

  it('a privacy officer sees the NHS number and the email flagged, redacts both, and approves every answer', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('privacy_officer'));
    await page.goto(`/engage/consultations/${ID}/moderation`);
    await page.getByRole('heading', { level: 1, name: /Walk-in services and you/ }).waitFor();
    await loaded(page);
    // Only the answers their authors allowed to be published are queued: two by the first, one by the second.
    const cards = await page.locator('section[data-testid^="item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
    expect(cards).toHaveLength(3);
    expect(await page.locator('main').innerText()).not.toContain('I would rather not say this in public.');
    const personal = page.locator('section[data-testid^="item-"]', { hasText: 'The walk-in centre saw me quickly' });
    const personalId = (await personal.getAttribute('data-testid'))!;
    const card = page.getByTestId(personalId);
    expect(await card.locator('mark[data-kind="nhs-number"]').innerText()).toBe(`${NHS} (NHS number)`);
    expect(await card.locator('mark[data-kind="email"]').innerText()).toBe(`${EMAIL} (email address)`);
    await card.getByRole('button', { name: `Redact the NHS number “${NHS}”` }).click();
    await card.getByRole('button', { name: `Redact the email address “${EMAIL}”` }).click();
    await card.locator('mark').first().waitFor({ state: 'detached' });
    expect(await page.getByTestId(`${personalId}-published`).innerText()).toBe(REDACTED);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'engage-journey-moderation');
    for (const id of cards) {
      await page.getByTestId(id).getByRole('button', { name: 'Approve for publication' }).click();
      await page.getByTestId(id).getByText('Published as:').waitFor();
    }
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('the lead says what changed in the plan and publishes the results', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto(`/engage/consultations/${ID}/results`);
    await page.getByRole('heading', { level: 1, name: /Walk-in services and you/ }).waitFor();
    await loaded(page);
    await page.getByLabel('We asked', { exact: true }).fill('How do you use walk-in centres and pharmacies?');
    await page.getByLabel('You said', { exact: true }).fill('You value being seen quickly, at weekends too.');
    await page.getByLabel('We did', { exact: true }).fill(WE_DID);
    const select = page.getByLabel('What it changed in the plan');
    const option = select.locator('optgroup[label="Ambitions"] option').first();
    await option.waitFor({ state: 'attached' });
    const value = (await option.getAttribute('value'))!;
    ambitionId = value.split('/')[1]!;
    await select.selectOption([value]);
    await page.getByRole('button', { name: 'Save outcomes' }).click();
    await page.getByText('Saved. They show on the results page').waitFor();
    await page.getByRole('button', { name: 'Publish the results' }).click();
    await page.getByText('The results are published.').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('the public follow the consultation page to its results, see suppressed counts and the redacted text, and download the report', async () => {
    const context = await env.browser.newContext({ baseURL: env.baseUrl, javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`/public/consultations/${ID}`);
    expect(await page.getByTestId('plan-changes').getByRole('link').getAttribute('href')).toBe(`/public/plan/ambitions/${encodeURIComponent(ambitionId)}`);
    await page.getByRole('link', { name: 'We asked, you said, we did: what we are changing' }).click();
    expect(page.url()).toMatch(new RegExp(`/public/consultations/${ID}/results#we-asked-you-said-we-did$`));
    expect(await page.locator('#we-asked-you-said-we-did').count()).toBe(1);
    const main = await page.locator('main').innerText();
    expect(main).toContain(WE_DID);
    expect(main).toContain(REDACTED);
    expect(main).toContain(PLAIN);
    expect(main).not.toContain('I would rather not say this in public.');
    const html = await page.content();
    expect(html).not.toContain('5919');
    expect(html).not.toContain(EMAIL);
    // Two said yes and one no: both counts are between 1 and 7, so both are shown as *.
    const q1 = page.locator('section[data-question="q1"] table tbody tr');
    expect(await q1.nth(0).innerText()).toMatch(/^Yes\s+\*\s+\*$/);
    expect(await q1.nth(1).innerText()).toMatch(/^No\s+\*\s+\*$/);
    await screenshot(page, 'engage-journey-results');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'as a web page (HTML)' }).click()]);
    const report = await readFile((await download.path())!, 'utf8');
    expect(report).toContain('Have you used a pharmacy this year?');
    expect(report).toContain(WE_DID);
    expect(report).toContain('[redacted: personal data]');
    expect(report).not.toContain('5919');

    await page.goto(`/public/plan/ambitions/${encodeURIComponent(ambitionId)}`);
    const outcome = page.getByTestId('outcomes').getByTestId('outcome').filter({ hasText: 'Walk-in services and you' });
    expect(await outcome.innerText()).toContain(WE_DID);
    expect(await outcome.getByRole('link', { name: 'Walk-in services and you' }).getAttribute('href')).toBe(`/public/consultations/${ID}`);
    await context.close();
  });
});
