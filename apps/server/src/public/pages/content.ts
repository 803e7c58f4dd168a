import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ReactElement } from 'react';
import { createElement } from 'react';
import { ContentStore, EngageNotFoundError, publicAmbition, publicPlan, STANDARD_PAGES, type ContentKind, type PublishedContent } from '@footprint/engage';
import { footprintDefinitions } from '@footprint/geography';
import { membersOn, PartnershipStore, placesOn, runningFootprint, todayInEngland, type RunningFootprint } from '@footprint/partnership';
import type { ScorecardFootprint } from '@footprint/performance';
import { organisationKindLabel } from '@footprint/warehouse';
import { AmbitionPage, ContentPage, EasyReadPage, HistoryPage, HomePage, NewsItemPage, NewsListPage, PlanPage, ProgressPage, PublicBreadcrumb, PublicNotFoundPage, QuestionsPage, type DistrictShape } from '@footprint/web/public';
import type { Platform } from '../../platform';
import { BOUNDARY_ATTRIBUTION, districtBoundaries } from '../boundaries';
import { sendPublicPage } from './render';

/** The running footprint as the public pages read it: its partnership's name and its places. */
interface PublicFootprint extends ScorecardFootprint {
  running: RunningFootprint;
  deliverySystems: Array<{ name: string; places: string[] }>;
}

const NOT_SET_UP = 'This partnership has not published its pages yet.';

/**
 * Engagement's server-rendered public pages for content, under /public (no sign-in, readable
 * without JavaScript): the home page with who is in the partnership, its places and map; the plan,
 * progress and each ambition (public indicators after disclosure control, SPC charts, "you said,
 * we did"); news, questions, easy read, the accessibility statement, the privacy notice, any other
 * page staff publish at /public/pages/:slug, and every page's history.
 */
export async function contentPages(app: FastifyInstance, platform: Platform): Promise<void> {
  const content = new ContentStore(platform.sql);
  const partnership = new PartnershipStore(platform.sql);

  async function footprint(): Promise<PublicFootprint | undefined> {
    const running = await runningFootprint(platform.record).catch(() => undefined);
    if (!running) return undefined;
    const held = await placesOn(partnership, running.onsCode, todayInEngland());
    const bundled = footprintDefinitions().find((f) => f.ons_code === running.onsCode);
    const places = held.places.length ? held.places.map((p) => ({ code: p.data.code, name: p.data.name })) : (bundled?.places ?? []).map((p) => ({ code: p.lad19_code, name: p.name }));
    const byName = new Map(places.map((p) => [p.name, p.code]));
    const deliverySystems = held.deliverySystems.length
      ? held.deliverySystems.map((d) => ({ name: d.data.name, places: d.data.places }))
      : (bundled?.delivery_systems ?? []).map((d) => ({ name: d.name, places: d.places.map((n) => byName.get(n) ?? n) }));
    return { running, code: running.onsCode, name: bundled?.name ?? running.name, places, deliverySystems };
  }

  /** Sends a page in the public layout for the running partnership, or the "not found" page. */
  async function page(reply: FastifyReply, path: string, title: string, build: (fp: PublicFootprint) => Promise<{ body: ReactElement; before?: ReactElement; title?: string }>): Promise<FastifyReply> {
    const fp = await footprint();
    const partnershipName = fp?.running.name ?? 'Health and care partnership';
    if (!fp) return sendPublicPage(reply, { title: 'Page not found', partnership: partnershipName, path }, createElement(PublicNotFoundPage, { detail: NOT_SET_UP }), 404);
    try {
      const { body, before, title: own } = await build(fp);
      return sendPublicPage(reply, { title: own ?? title, partnership: partnershipName, path, ...(before ? { before } : {}) }, body);
    } catch (error) {
      if (error instanceof EngageNotFoundError) return sendPublicPage(reply, { title: 'Page not found', partnership: partnershipName, path }, createElement(PublicNotFoundPage, { detail: error.message }), 404);
      throw error;
    }
  }

  const published = (kind: ContentKind, slug: string) => content.published(kind, slug).catch((error: unknown) => (error instanceof EngageNotFoundError ? null : Promise.reject(error)));
  const crumbs = (trail: Array<{ label: string; href: string }>) => createElement(PublicBreadcrumb, { trail });
  const required = async (kind: ContentKind, slug: string): Promise<PublishedContent> => content.published(kind, slug);

  app.get('/', async (_request, reply) =>
    page(reply, '/public', 'Home', async (fp) => {
      const members = await membersOn(platform.record, fp.running.organisationId, todayInEngland()).catch(() => []);
      const groups = new Map<string, string[]>();
      for (const m of members) groups.set(m.kind, [...(groups.get(m.kind) ?? []), m.name]);
      let districts: DistrictShape[] = [];
      try {
        // Labelled with the register's names for the places ("St Helens", where the boundary file says "St. Helens").
        const names = new Map(fp.places.map((p) => [p.code, p.name]));
        districts = districtBoundaries(fp.places.map((p) => p.code)).map((d) => ({ ...d, properties: { code: d.properties.code, name: names.get(d.properties.code) ?? d.properties.name } }));
      } catch {
        districts = []; // a place outside the shipped 2019 districts: the list of places still says it
      }
      const news = (await content.publishedList('news')).slice(0, 3);
      return {
        body: createElement(HomePage, {
          partnership: fp.running.name,
          footprint: { code: fp.code, name: fp.name },
          summary: await published('page', 'plan-summary'),
          members: [...groups].map(([kind, names]) => ({ kind, label: organisationKindLabel(kind), names: [...new Set(names)].sort() })).sort((a, b) => a.label.localeCompare(b.label)),
          places: [...fp.places],
          deliverySystems: fp.deliverySystems,
          districts,
          attribution: BOUNDARY_ATTRIBUTION,
          news,
        }),
      };
    }),
  );

  app.get('/plan', async (_request, reply) =>
    page(reply, '/public/plan', 'Our plan', async (fp) => ({ body: createElement(PlanPage, { view: await publicPlan(platform.sql, fp), summary: await published('page', 'plan-summary') }) })),
  );

  app.get<{ Params: { id: string } }>('/plan/ambitions/:id', async (request, reply) =>
    page(reply, '/public/plan', 'Ambition', async (fp) => {
      const view = await publicAmbition(platform.sql, fp, request.params.id);
      return { title: view.ambition.statement, body: createElement(AmbitionPage, { view }), before: crumbs([{ label: 'Our plan', href: '/public/plan' }, { label: 'Progress', href: '/public/progress' }]) };
    }),
  );

  app.get('/progress', async (_request, reply) => page(reply, '/public/progress', 'How we are doing', async (fp) => ({ body: createElement(ProgressPage, { view: await publicPlan(platform.sql, fp) }) })));

  app.get('/news', async (_request, reply) => page(reply, '/public/news', 'News', async () => ({ body: createElement(NewsListPage, { items: await content.publishedList('news') }) })));

  app.get<{ Params: { slug: string } }>('/news/:slug', async (request, reply) =>
    page(reply, '/public/news', 'News', async () => {
      const item = await required('news', request.params.slug);
      return { title: item.title, body: createElement(NewsItemPage, { item }), before: crumbs([{ label: 'News', href: '/public/news' }]) };
    }),
  );

  app.get('/questions', async (_request, reply) => page(reply, '/public/questions', 'Questions people ask', async () => ({ body: createElement(QuestionsPage, { items: await content.publishedList('question') }) })));

  app.get('/easy-read', async (_request, reply) =>
    page(reply, '/public/easy-read', STANDARD_PAGES['easy-read'], async () => ({ body: createElement(EasyReadPage, { item: await required('page', 'easy-read'), historyHref: '/public/easy-read/history' }) })),
  );

  // The accessibility statement, the privacy notice, and any other page staff publish.
  const pagePaths: Array<[string, string]> = [
    ['/accessibility', 'accessibility'],
    ['/privacy', 'privacy'],
  ];
  for (const [path, slug] of pagePaths) {
    app.get(path, async (_request, reply) => page(reply, `/public${path}`, STANDARD_PAGES[slug as keyof typeof STANDARD_PAGES], async () => ({ body: createElement(ContentPage, { item: await required('page', slug), historyHref: `/public${path}/history` }) })));
  }
  app.get<{ Params: { slug: string } }>('/pages/:slug', async (request, reply) =>
    page(reply, `/public/pages/${request.params.slug}`, 'Page', async () => {
      const item = await required('page', request.params.slug);
      return { title: item.title, body: createElement(ContentPage, { item, historyHref: `/public/pages/${encodeURIComponent(request.params.slug)}/history` }) };
    }),
  );

  // Every published page's history: each version whole, what changed and when.
  const history = (kind: ContentKind, slug: string, pageHref: string) => async () => {
    const { item, versions } = await content.publicHistory(kind, slug);
    return { title: `History of ${item.title}`, body: createElement(HistoryPage, { title: item.title, pageHref, versions }), before: crumbs([{ label: item.title, href: pageHref }]) };
  };
  app.get('/plan/history', async (_request, reply) => page(reply, '/public/plan', 'History', history('page', 'plan-summary', '/public/plan')));
  app.get('/easy-read/history', async (_request, reply) => page(reply, '/public/easy-read', 'History', history('page', 'easy-read', '/public/easy-read')));
  for (const [path, slug] of pagePaths) app.get(`${path}/history`, async (_request, reply) => page(reply, `/public${path}`, 'History', history('page', slug, `/public${path}`)));
  app.get<{ Params: { slug: string } }>('/pages/:slug/history', async (request, reply) =>
    page(reply, `/public/pages/${request.params.slug}`, 'History', history('page', request.params.slug, `/public/pages/${encodeURIComponent(request.params.slug)}`)),
  );
  app.get<{ Params: { slug: string } }>('/news/:slug/history', async (request, reply) =>
    page(reply, '/public/news', 'History', history('news', request.params.slug, `/public/news/${encodeURIComponent(request.params.slug)}`)),
  );
}
