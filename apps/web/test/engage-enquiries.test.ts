import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EnquiryStore, sinkMessages, startMailSink, type RunningMailSink } from '@footprint/engage';
import type { DemoUserCredentials } from '@footprint/server';
import { loadSyntheticFootprint } from './demo-footprint';
import { accessibilityViolations, loaded, newPage, pageErrors, screenshot, signIn, startWebTestEnvironment, VIEWPORTS, type WebTestEnvironment } from './harness';

const HOSTILE_MESSAGE = 'Does the clinic open on Saturdays? <script>window.__pwned = 1</script> "><img src=x onerror="window.__pwned=2">';

/** Get in touch in a real browser: a member of the public sends the form (with and without JavaScript), staff reply, and the reply arrives in a real SMTP sink. */
describe('get in touch in a real browser', { timeout: 300_000 }, () => {
  let env: WebTestEnvironment;
  let sink: RunningMailSink;
  const previousSmtp = process.env.FOOTPRINT_SMTP_URL;
  const user = (role: string): DemoUserCredentials => env.users.find((u) => u.role === role)!;

  beforeAll(async () => {
    env = await startWebTestEnvironment(async (platform) => {
      await loadSyntheticFootprint(platform, 40);
      // A real SMTP server (smtp-server) for this test, keeping what it receives in the platform's database; the server sends to it.
      sink = await startMailSink(platform.sql);
      process.env.FOOTPRINT_SMTP_URL = sink.url;
    });
  }, 600_000);
  afterAll(async () => {
    if (previousSmtp === undefined) delete process.env.FOOTPRINT_SMTP_URL;
    else process.env.FOOTPRINT_SMTP_URL = previousSmtp;
    await env?.close();
    await sink?.close();
  });

  async function expectAccessible(page: Page, name: string): Promise<void> {
    expect(await accessibilityViolations(page), name).toEqual([]);
  }

  it('works without JavaScript: errors are summarised and linked, then the message is sent and a reference given', async () => {
    // No script runs in this context (not even the test's own evaluate), so axe runs in the next test, with the same pages.
    const context = await env.browser.newContext({ viewport: VIEWPORTS.laptop, baseURL: env.baseUrl, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/public/contact');
    await page.getByRole('heading', { level: 1, name: 'Get in touch' }).waitFor();
    await page.getByRole('button', { name: 'Send message' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Choose what your message is about', 'Enter your message']);
    expect(await summary.getByRole('link', { name: 'Enter your message' }).getAttribute('href')).toBe('#message');
    await page.getByLabel('A health or care service').check();
    await page.getByLabel('Your message').fill(HOSTILE_MESSAGE);
    await page.getByLabel('Your name (optional)').fill('Robin Test');
    await page.getByLabel('Email address (optional)').fill('robin.test@example.org');
    await page.getByLabel('Yes, you can contact me about this subject').check();
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByRole('heading', { name: 'Your message has been sent' }).waitFor();
    const reference = await page.getByTestId('reference').innerText();
    expect(reference).toMatch(/^FP-E-\d{4}-\d{6}-[A-Z0-9]{5}$/);
    const stored = await new EnquiryStore(env.platform.sql).get(reference);
    expect([stored.message, stored.name, stored.email, stored.consentToContact]).toEqual([HOSTILE_MESSAGE, 'Robin Test', 'robin.test@example.org', true]);
    await context.close();
  });

  it('passes axe on the form, the form with errors and the confirmation at laptop width', async () => {
    const { context, page } = await newPage(env);
    await page.goto('/public/contact');
    await expectAccessible(page, 'the form');
    await screenshot(page, 'engage-contact-form');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.locator('.nhsuk-error-summary').waitFor();
    await expectAccessible(page, 'the form with errors');
    await page.getByLabel('Something else').check();
    await page.getByLabel('Your message').fill('Thank you for the new pages.');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByTestId('reference').waitFor();
    await expectAccessible(page, 'the confirmation');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('works at phone width with JavaScript, and the honeypot is out of sight and out of the tab order', async () => {
    const { context, page } = await newPage(env, 'phone');
    await page.goto('/public/contact');
    await expectAccessible(page, 'the form at phone width');
    const honeypot = page.locator('#website');
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.getAttribute('autocomplete')).toBe('off');
    expect((await honeypot.boundingBox())!.x).toBeLessThan(0);
    await page.getByLabel('Our plan and priorities').check();
    await page.getByLabel('Your message').fill('When will the plan be refreshed?');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByTestId('reference').waitFor();
    await expectAccessible(page, 'the confirmation at phone width');
    await screenshot(page, 'engage-contact-sent-phone');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('lets a partnership lead assign and reply, shows the message as text, and the reply arrives in the mail sink', async () => {
    const { context, page } = await newPage(env);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await signIn(page, user('partnership_lead'));
    await page.goto('/engage/enquiries');
    await loaded(page);
    const row = page.getByTestId('enquiries').locator('tbody tr').filter({ hasText: 'A health or care service' });
    await row.getByRole('link').click();
    await loaded(page);
    expect(await page.getByTestId('enquiry-message').innerText()).toBe(HOSTILE_MESSAGE);
    await page.getByLabel('Team').selectOption({ label: 'Primary care' });
    await page.getByRole('button', { name: 'Assign' }).click();
    await page.getByTestId('action-done').filter({ hasText: 'The enquiry was assigned.' }).waitFor();
    await page.getByLabel('Your reply').fill('Yes: from 9am to 1pm. <b>Thank you</b> for asking.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByTestId('action-done').filter({ hasText: 'Your reply was recorded.' }).waitFor();
    expect(await page.getByTestId('enquiry-mail').innerText()).toContain('Sent');
    const history = await page.getByTestId('enquiry-history').innerText();
    expect(history).toMatch(/Received through the website form[\s\S]*Assigned to Primary care[\s\S]*Replied \(to be emailed\)[\s\S]*Reply emailed \(attempt 1\)/);
    expect(history).toContain(user('partnership_lead').displayName);
    await screenshot(page, 'engage-enquiry');
    expect(dialogs).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(pageErrors(page)).toEqual([]);

    const mail = (await sinkMessages(env.platform.sql)).find((m) => m.envelopeTo.includes('robin.test@example.org'));
    expect(mail?.subject).toMatch(/^Your message to us \(reference FP-E-/);
    expect(mail?.text).toContain('Dear Robin Test,\n\nYes: from 9am to 1pm. <b>Thank you</b> for asking.');
    await context.close();
  });
});
