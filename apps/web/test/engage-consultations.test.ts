import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, type WebTestEnvironment } from './harness';

/** Consultations in a real browser: a lead builds one with every question type and a condition; the public respond with and without JavaScript, and save and resume. */
describe('consultations in a real browser', { timeout: 600_000 }, () => {
  let env: WebTestEnvironment;
  let id: string;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment((platform) => loadSyntheticFootprint(platform, 40));
  }, 600_000);
  afterAll(async () => env?.close());

  async function addQuestion(page: Page, type: string, n: number, title: string, options?: { field: string; lines: string }[]) {
    await page.getByLabel('Type of question to add').selectOption({ label: type });
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByLabel(`Question ${n} wording`).fill(title);
    for (const o of options ?? []) await page.getByLabel(`Question ${n} ${o.field}`).fill(o.lines);
  }

  it('lets a partnership lead create a consultation with every question type and a display condition, and publish it', async () => {
    const { context, page } = await newPage(env);
    await signIn(page, user('partnership_lead'));
    await page.goto('/engage/consultations');
    await loaded(page);
    expect(await page.getByTestId('consultation-mental-health-support-2026').innerText()).toMatch(/Closed\s.*\s120$/);
    await page.getByRole('link', { name: 'Create a consultation' }).click();
    await loaded(page);
    await page.getByLabel('Title').fill('Community pharmacy and you');
    await page.getByLabel('Summary').fill('Tell us how you use your local pharmacy.');
    await page.getByLabel('Opens on').fill('2026-01-01');
    await page.getByLabel('Closes on').fill('2099-12-31');
    await page.getByLabel('Liverpool').check();
    await page.getByLabel('Groups it is for').fill('Carers');
    await page.getByRole('button', { name: 'Add a background section' }).click();
    await page.getByLabel('Background section 1 heading').fill('Why we are asking');
    await page.getByLabel('Background section 1 text').fill('Pharmacies can do more.\n\nWe want to know what you think.');
    await page.getByRole('button', { name: 'Add an easy read section' }).click();
    await page.getByLabel('Easy read section 1 heading').fill('What this is about');
    await page.getByLabel('Easy read section 1 text').fill('Pharmacies sell medicines.');

    await addQuestion(page, 'Single choice', 1, 'Have you used a pharmacy this year?', [{ field: 'options', lines: 'Yes\nNo' }]);
    await page.getByLabel('Question 1 must be answered').check();
    await addQuestion(page, 'Long text', 2, 'What did the pharmacy help with?');
    await page.getByLabel('Show question 2 only when').selectOption({ index: 1 });
    await page.getByRole('group', { name: 'Answers to question 1 that show question 2' }).getByLabel('Yes').check();
    await page.getByLabel('Question 2 must be answered').check();
    await addQuestion(page, 'Multiple choice', 3, 'Which services would you use?', [{ field: 'options', lines: 'Blood pressure checks\nContraception\nMinor illness' }]);
    await addQuestion(page, 'Rating scale', 4, 'How easy is it to see a pharmacist?');
    await addQuestion(page, 'Ranking', 5, 'What matters most?', [{ field: 'options', lines: 'Opening hours\nPrivacy\nNear home' }]);
    await addQuestion(page, 'Matrix', 6, 'How good is your pharmacy at these?', [
      { field: 'rows', lines: 'Advice\nWaiting time' },
      { field: 'columns', lines: 'Good\nOK\nPoor' },
    ]);
    await page.getByLabel('Question 6 must be answered').check();
    await addQuestion(page, 'Short text', 7, 'Name of your usual pharmacy');
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    await page.getByTestId('builder-saved').waitFor();
    await page.waitForURL(/\/engage\/consultations\/community-pharmacy-and-you$/);
    id = 'community-pharmacy-and-you';
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published: the public can see it and respond.').waitFor();
    expect(await page.getByTestId('builder-state').innerText()).toContain('open');
    await page.getByTestId('versions').getByText('published').waitFor();
    expect(await page.getByTestId('versions').locator('tbody tr').allInnerTexts()).toHaveLength(2);
    expect(await page.getByRole('link', { name: 'Moderation of free text' }).getAttribute('href')).toBe(`/engage/consultations/${id}/moderation`);
    await screenshot(page, 'engage-consultation-builder');

    // A display condition on a later question is refused, naming the field.
    await page.getByLabel('Question 2 wording').fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await page.getByTestId('builder-problems').innerText()).toContain('questions[1].title: must not be empty');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('takes a response from someone without JavaScript, the condition given as a hint', async () => {
    const context = await env.browser.newContext({ baseURL: env.baseUrl, javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`/public/consultations/${id}`);
    await page.getByRole('link', { name: 'Respond to this consultation' }).click();
    await page.getByText('Answer this only if you answered “Yes” to question 1').waitFor();
    expect(await page.getByLabel('2. What did the pharmacy help with?').isVisible()).toBe(true);
    // Submitting with nothing re-renders with an error summary linking to each problem.
    await page.getByRole('button', { name: 'Submit your response' }).click();
    const summary = page.getByRole('alert');
    expect(await summary.innerText()).toContain('Question 1: answer "Have you used a pharmacy this year?"');
    expect(await summary.innerText()).toContain('Question 6: answer "How good is your pharmacy at these?"');
    expect(await summary.innerText()).toContain('Say whether we may publish your written answers');
    await page.getByRole('group', { name: /^1\. Have you used/ }).getByLabel('Yes').check();
    await page.getByLabel('2. What did the pharmacy help with?').fill('My NHS number is 943 476 5919 and I needed advice. Email me at pat@example.com');
    await page.getByLabel('Contraception').check();
    await page.getByLabel('5 – Very good').check();
    await page.getByLabel('Opening hours').selectOption('2');
    await page.getByLabel('Privacy').selectOption('3');
    await page.getByLabel('Near home').selectOption('1');
    await page.getByLabel('Advice: Good').check();
    await page.getByLabel('Waiting time: Poor').check();
    await page.getByLabel('Where do you live?').selectOption({ label: 'Liverpool' });
    await page.getByLabel('Yes, you may publish them').check();
    await page.getByRole('button', { name: 'Submit your response' }).click();
    await page.getByRole('heading', { name: 'Thank you: your response is received' }).waitFor();
    expect(await page.locator('.fp-reference').innerText()).toMatch(/^FP-C-\d{4}-[2-9A-Z]{8}$/);
    const { rows } = await env.platform.sql.query<{ answers: Record<string, unknown>; about_you: Record<string, string> }>(`SELECT answers, about_you FROM engage_response WHERE consultation_id = $1 AND status = 'submitted'`, [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].answers).toMatchObject({ q1: 'yes', q4: 5, q5: ['near-home', 'opening-hours', 'privacy'], q6: { advice: 'good', 'waiting-time': 'poor' } });
    expect(rows[0].about_you).toEqual({ place: 'E08000012' });
    await context.close();
  });

  it('hides a conditional question with JavaScript, saves and resumes with the link, then submits', async () => {
    const { context, page } = await newPage(env, 'phone');
    await page.goto(`/public/consultations/${id}/respond`);
    const conditional = page.getByLabel('2. What did the pharmacy help with?');
    await page.waitForFunction(() => document.querySelector('[data-show-if-question]')?.hasAttribute('hidden'));
    expect(await conditional.isVisible()).toBe(false);
    await page.getByRole('group', { name: /^1\. Have you used/ }).getByLabel('Yes').check();
    await conditional.waitFor({ state: 'visible' });
    await conditional.fill('Half way through my answer');
    await page.getByRole('button', { name: 'Save and come back later' }).click();
    await page.getByRole('heading', { name: 'Your answers are saved' }).waitFor();
    const link = await page.locator('.fp-saved__link a').getAttribute('href');
    expect(link).toMatch(new RegExp(`^/public/consultations/${id}/respond\\?resume=[A-Za-z0-9_-]{32}$`));
    await context.close();

    const later = await newPage(env, 'phone');
    await later.page.goto(link!);
    expect(await later.page.getByLabel('2. What did the pharmacy help with?').inputValue()).toBe('Half way through my answer');
    await later.page.getByRole('group', { name: /^1\. Have you used/ }).getByLabel('No').check();
    await later.page.getByLabel('2. What did the pharmacy help with?').waitFor({ state: 'hidden' });
    await later.page.getByLabel('Opening hours').selectOption('1');
    await later.page.getByLabel('Privacy').selectOption('2');
    await later.page.getByLabel('Near home').selectOption('3');
    await later.page.getByLabel('Advice: OK').check();
    await later.page.getByLabel('Waiting time: OK').check();
    await later.page.getByLabel('No, do not publish them').check();
    await later.page.getByRole('button', { name: 'Submit your response' }).click();
    await later.page.getByRole('heading', { name: 'Thank you: your response is received' }).waitFor();
    const { rows } = await env.platform.sql.query<{ answers: Record<string, unknown>; resume_token_hash: string | null }>(`SELECT answers, resume_token_hash FROM engage_response WHERE consultation_id = $1 AND status = 'submitted' ORDER BY submitted_at`, [id]);
    expect(rows).toHaveLength(2);
    expect(rows[1].answers.q2).toBeUndefined();
    expect(rows[1].resume_token_hash).toBeNull();
    expect(pageErrors(later.page)).toEqual([]);
    await later.context.close();
  });

  it('passes axe on the public consultation pages at laptop and phone width', async () => {
    for (const viewport of ['laptop', 'phone'] as const) {
      const { context, page } = await newPage(env, viewport);
      for (const path of ['/public/consultations', `/public/consultations/${id}`, `/public/consultations/${id}/easy-read`, `/public/consultations/${id}/respond`, '/public/consultations/mental-health-support-2026/respond']) {
        await page.goto(path);
        expect({ path, viewport, violations: await accessibilityViolations(page) }).toEqual({ path, viewport, violations: [] });
        if (viewport === 'phone' && path.endsWith(`${id}/respond`)) await screenshot(page, 'engage-consultation-respond-phone');
        if (viewport === 'phone' && path === `/public/consultations/${id}`) await screenshot(page, 'engage-consultation-public-phone');
      }
      await page.goto(`/public/consultations/${id}/respond`);
      await page.getByRole('button', { name: 'Submit your response' }).click();
      await page.getByRole('alert').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    }
    const { context, page } = await newPage(env);
    await page.goto('/public/consultations/mental-health-support-2026/respond');
    expect(await page.locator('main').innerText()).toContain('This consultation closed on 28 June 2026; responses are no longer accepted.');
    await context.close();
  });
});
