import { badRequest } from '@footprint/fhir';

/**
 * A keyset paging cursor: the sort-key values and rid of the last row served, and the snapshot
 * bound (the highest rid when the first page was served), so later pages neither repeat nor
 * skip rows while others write, and resources created after the first page stay out.
 */
export interface PageCursor {
  /** Sort-key values of the last row, as text (null for a missing value). */
  keys: Array<string | null>;
  rid: string;
  snapshot: string;
  /** A fingerprint of the query, so a cursor cannot be replayed against another search. */
  query: string;
}

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(text: string, query: string): PageCursor {
  let cursor: PageCursor;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as PageCursor;
  } catch {
    throw badRequest('The paging cursor is not valid', '_cursor');
  }
  if (
    !cursor ||
    !Array.isArray(cursor.keys) ||
    typeof cursor.rid !== 'string' ||
    !/^\d+$/.test(cursor.rid) ||
    typeof cursor.snapshot !== 'string' ||
    !/^\d+$/.test(cursor.snapshot)
  ) {
    throw badRequest('The paging cursor is not valid', '_cursor');
  }
  if (cursor.query !== query) throw badRequest('The paging cursor belongs to a different search', '_cursor');
  return cursor;
}
