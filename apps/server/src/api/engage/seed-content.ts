import { ContentStore } from '@footprint/engage';
import { footprintDefinitions } from '@footprint/geography';
import { listPlans, PartnershipStore, readPlanTree, runningFootprint } from '@footprint/partnership';
import type { Platform } from '../../platform';

/** Who the demo's content is published by, in every version history. */
export const CONTENT_SEED_EDITOR = 'Footprint demo';

interface SeedItem {
  kind: 'page' | 'news' | 'question';
  slug: string;
  title: string;
  summary?: string;
  body: string;
  position?: number;
  illustrative?: boolean;
}

const list = (names: readonly string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/**
 * The demo's public content for the running footprint: the plan in plain English and easy read
 * (from the plan's own words in the partnership store), the accessibility statement, the privacy
 * notice, three news items and eight questions. Facts come from the footprint's register and plan
 * and from the law; anything made up for the demonstration is marked illustrative. Idempotent:
 * an item already there (by kind and address) is left as it is, with any edits people made.
 */
export async function seedContent(platform: Pick<Platform, 'record' | 'sql'>): Promise<void> {
  const running = await runningFootprint(platform.record).catch(() => undefined);
  if (!running) return;
  const bundled = footprintDefinitions().find((f) => f.ons_code === running.onsCode);
  const area = bundled?.name ?? running.name;
  const places = (bundled?.places ?? []).map((p) => p.name);
  const store = new PartnershipStore(platform.sql);
  const plans = await listPlans(store, { onsCode: running.onsCode, name: running.name });
  const tree = plans.current ? await readPlanTree(store, plans.current) : undefined;
  const ambitions = tree?.ambitions.map((a) => a.data.statement) ?? [];
  const mission = tree?.plan.data.mission;

  const items: SeedItem[] = [
    {
      kind: 'page',
      slug: 'plan-summary',
      title: 'The plan in plain English',
      body: [
        `${running.name} is the NHS, the councils and the voluntary and community organisations of ${area} working together. ${places.length ? `It covers ${places.length} places: ${list(places)}.` : ''}`,
        mission ? `Our mission is ${mission.charAt(0).toLowerCase()}${mission.slice(1)}` : 'Our plan says what we will do together.',
        ambitions.length ? `## Our ambitions\n\nIn 2021 we set ourselves ${ambitions.length} ambitions:\n\n${ambitions.map((a) => `- ${a}`).join('\n')}` : '',
        '## How we will know\n\nEach ambition is measured. The Progress pages show how we are doing, month by month, with the figures behind them. We never publish a figure that could identify someone.',
        '## Your part\n\nThe law asks NHS bodies to involve people in planning services and in proposals to change them. Have your say in our consultations, ask us a question, or get in touch.',
      ]
        .filter(Boolean)
        .join('\n\n'),
    },
    {
      kind: 'page',
      slug: 'easy-read',
      title: 'Our plan: easy read',
      body: [
        '## Who we are',
        `We are ${running.name}.`,
        'We are the NHS, councils and local groups.',
        `We work together in ${area}.`,
        ...(places.length ? [`There are ${places.length} places in ${area}.`] : []),
        '## What we want',
        'We want everyone to be healthy.',
        'We want to help the people who need it most, first.',
        ...(ambitions.length ? ['We have some big aims. They are called ambitions.', ...ambitions.map((a) => `${a}.`)] : []),
        '## How you can help',
        'You can tell us what you think.',
        'You can answer our questions online.',
        'You can send us a message.',
      ].join('\n'),
    },
    {
      kind: 'page',
      slug: 'accessibility',
      title: 'Accessibility statement',
      body: [
        `These pages are for everyone in ${area}. We want as many people as possible to be able to use them.`,
        '## What we aim for',
        'We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. You should be able to:',
        '- read every page without JavaScript\n- make the text bigger without losing anything\n- use the pages with a keyboard alone\n- use the pages with a screen reader\n- read every chart as words and as a table',
        '## How we check',
        'Every public page is checked automatically with axe-core against WCAG 2.2 AA, on a laptop-sized screen and a phone-sized screen, each time the software changes.',
        '## Other formats',
        'There is an easy read version of our plan. If you need something in another format, get in touch and tell us what you need.',
        '## Reporting a problem',
        'If something does not work for you, tell us through the get in touch page. If you are not happy with our answer, contact the Equality Advisory and Support Service (EASS). The Equality and Human Rights Commission enforces the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.',
      ].join('\n\n'),
    },
    {
      kind: 'page',
      slug: 'privacy',
      title: 'How we use your information',
      illustrative: true,
      body: [
        'This notice explains what happens to information you give us on these pages.',
        '## Reading the pages',
        'You do not need an account to read these pages.',
        '## Getting in touch',
        'When you get in touch you may give your name and an email address. Both are optional. We use them only to answer you, and only if you say we may. We delete personal details after a set period.',
        '## Consultations',
        'You can answer a consultation without giving your name. You choose whether we may publish what you write. Before anything is published, a person reads it and removes personal details such as names, NHS numbers, phone numbers and addresses.',
        '## Figures',
        'The figures on the progress pages are counts and rates about groups of people, never about one person. A figure about fewer than 8 people is hidden.',
        '## Your rights',
        'You have the right to ask for a copy of information we hold about you, and to ask us to correct or delete it. Get in touch to ask.',
      ].join('\n\n'),
    },
    {
      kind: 'news',
      slug: 'our-plan-online',
      title: 'Our plan is now online in plain English',
      summary: 'Read what the partnership is for, how we are doing, and how to have your say.',
      illustrative: true,
      body: `We have published our plan in plain English and in easy read, with progress on each of our ${ambitions.length || 'ambitions'} ambitions.\n\nThe progress pages show the figures month by month, with charts that say whether anything has really changed. Every chart is also a table and is explained in words.`,
    },
    {
      kind: 'news',
      slug: 'pharmacy-blood-pressure-checks',
      title: 'Blood pressure checks in community pharmacies',
      summary: 'You can have your blood pressure checked at a pharmacy near you.',
      illustrative: true,
      body: 'High blood pressure often has no symptoms, and it raises the risk of heart attacks and strokes. Finding and treating it is part of our ambition that all communities are supported to lead healthy lives.\n\nAsk at your local pharmacy about a free blood pressure check if you are 40 or over.',
    },
    {
      kind: 'news',
      slug: 'have-your-say',
      title: 'Have your say on services in your area',
      summary: 'Our consultations are open to everyone, and you can answer without giving your name.',
      illustrative: true,
      body: 'We want to hear from people who use services, their carers and families, and from people we hear from least.\n\nWhen a consultation closes we publish what you told us and what we changed as a result: we asked, you said, we did.',
    },
    {
      kind: 'question',
      slug: 'what-is-the-partnership',
      position: 1,
      title: 'What is the partnership?',
      body: `${running.name} is the NHS trusts, GP practices, councils and voluntary organisations of ${area}, taking shared responsibility for the health of the people who live here. The register of its member organisations is on the home page.`,
    },
    {
      kind: 'question',
      slug: 'which-places',
      position: 2,
      title: 'Which places does it cover?',
      body: places.length ? `${area} is ${places.length} places, each a local council’s area: ${list(places)}.` : `The places of ${area} are listed on the home page.`,
    },
    {
      kind: 'question',
      slug: 'integrated-care-system',
      position: 3,
      title: 'What is an integrated care system?',
      body: 'Partnerships like ours began in 2016 as Sustainability and Transformation Partnerships, which wrote the first plans for their footprints. They became integrated care systems: there were integrated care systems everywhere in England by April 2021, and 42 statutory integrated care boards from 1 July 2022.',
    },
    {
      kind: 'question',
      slug: 'why-involve-the-public',
      position: 4,
      title: 'Why do you ask the public what they think?',
      body: 'Because it makes services better, and because the law says so. Under the National Health Service Act 2006, NHS England (section 13Q) and integrated care boards (section 14Z45) must involve people in planning services and in proposals to change them.',
    },
    {
      kind: 'question',
      slug: 'how-to-have-your-say',
      position: 5,
      title: 'How can I have my say?',
      body: 'Answer one of our consultations online, with or without giving your name. You can save your answers and come back to them. Or get in touch with a question or a comment at any time.',
    },
    {
      kind: 'question',
      slug: 'on-track',
      position: 6,
      title: 'What does “on track” mean on the progress pages?',
      body: 'For each ambition we planned a path from where we started to where we aim to be. On track means the latest figure is level with or better than that path. Off track means it is worse. The charts also say whether a change is real or just the usual ups and downs.',
    },
    {
      kind: 'question',
      slug: 'hidden-figures',
      position: 7,
      title: 'Why are some figures hidden?',
      body: 'To protect people’s privacy. When a figure counts fewer than 8 people, someone might be able to work out who they are, so we hide it and say so.',
    },
    {
      kind: 'question',
      slug: 'are-the-figures-real',
      position: 8,
      title: 'Are the figures on this site real?',
      illustrative: true,
      body: 'Not in this demonstration. Footprint’s demonstration is built from synthetic (made-up) people, and the targets for each ambition are plausible values made up for it, marked as illustrative wherever they appear.',
    },
  ];

  const content = new ContentStore(platform.sql);
  for (const item of items) {
    if (await content.find(item.kind, item.slug)) continue;
    const created = await content.create(item, CONTENT_SEED_EDITOR);
    await content.publish(created.id, { change: 'First published' }, CONTENT_SEED_EDITOR);
  }
}
