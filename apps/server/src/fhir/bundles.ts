import type { Bundle, BundleEntry, BundleLink, Resource } from '@footprint/fhir';
import type { HistoryResult, SearchParams, SearchResult } from '@footprint/record';

/** The query parameter carrying the record's opaque paging cursor in `next` links. */
export const CURSOR_PARAM = '_cursor';

function query(params: SearchParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of params) search.append(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Self and next links: the applied parameters, and the same plus the cursor for the next page. */
export function pageLinks(url: string, applied: SearchParams, next: string | undefined): BundleLink[] {
  const kept = applied.filter(([name]) => name !== CURSOR_PARAM);
  const links: BundleLink[] = [{ relation: 'self', url: `${url}${query(applied)}` }];
  if (next) links.push({ relation: 'next', url: `${url}${query([...kept, [CURSOR_PARAM, next]])}` });
  return links;
}

function fullUrl(base: string, resource: Resource): string {
  return `${base}/${resource.resourceType}/${resource.id}`;
}

/** A `searchset` Bundle: matches then includes, total only when the record computed one. */
export function searchsetBundle(base: string, url: string, result: SearchResult, warnings?: Resource): Bundle {
  const entry: BundleEntry[] = [
    ...result.matches.map((resource) => ({ fullUrl: fullUrl(base, resource), resource, search: { mode: 'match' as const } })),
    ...result.includes.map((resource) => ({ fullUrl: fullUrl(base, resource), resource, search: { mode: 'include' as const } })),
  ];
  if (warnings) entry.push({ resource: warnings, search: { mode: 'outcome' } });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(result.total !== undefined ? { total: result.total } : {}),
    link: pageLinks(url, result.applied, result.next),
    entry,
  };
}

const STATUS_OF = { POST: '201 Created', PUT: '200 OK', DELETE: '204 No Content' } as const;

/** A `history` Bundle, newest first, with request and response per version (deletions have no resource). */
export function historyBundle(base: string, url: string, applied: SearchParams, result: HistoryResult): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'history',
    ...(result.total !== undefined ? { total: result.total } : {}),
    link: pageLinks(url, applied, result.next),
    entry: result.entries.map((e) => ({
      fullUrl: `${base}/${e.resourceType}/${e.id}`,
      ...(e.resource ? { resource: e.resource } : {}),
      request: { method: e.method, url: e.method === 'POST' ? e.resourceType : `${e.resourceType}/${e.id}` },
      response: { status: STATUS_OF[e.method], etag: `W/"${e.versionId}"`, lastModified: e.lastUpdated },
    })),
  };
}
