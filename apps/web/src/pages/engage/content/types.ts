/** What the staff content API answers (apps/server/src/api/engage/content.ts). */
export type ContentKind = 'page' | 'news' | 'question';

export interface ContentItem {
  id: number;
  kind: ContentKind;
  slug: string;
  title: string;
  summary: string;
  body: string;
  position: number;
  illustrative: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  publishedVersion: number | null;
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  unpublishedChanges: boolean;
}

export interface ContentVersion {
  version: number;
  title: string;
  summary: string;
  body: string;
  position: number;
  illustrative: boolean;
  change: string;
  changedFields: string[];
  publishedAt: string;
  publishedBy: string;
}

export interface ContentWithHistory extends ContentItem {
  versions: ContentVersion[];
}

export const KIND_LABELS: Record<ContentKind, string> = { page: 'Pages', news: 'News', question: 'Questions' };

/** Where the public reads an item. */
export function publicHref(item: Pick<ContentItem, 'kind' | 'slug'>): string {
  if (item.kind === 'news') return `/public/news/${encodeURIComponent(item.slug)}`;
  if (item.kind === 'question') return `/public/questions#${encodeURIComponent(item.slug)}`;
  if (item.slug === 'plan-summary') return '/public/plan';
  if (['easy-read', 'accessibility', 'privacy'].includes(item.slug)) return `/public/${item.slug}`;
  return `/public/pages/${encodeURIComponent(item.slug)}`;
}

const WHEN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
/** "3 Dec 2026, 14:05". */
export const when = (iso: string) => WHEN.format(new Date(iso));

/** Where an item's publication stands, in words. */
export function statusWords(item: ContentItem): string {
  if (item.publishedVersion === null) return 'Draft, not published';
  return item.unpublishedChanges ? `Published (version ${item.publishedVersion}), with unpublished changes` : `Published (version ${item.publishedVersion})`;
}
