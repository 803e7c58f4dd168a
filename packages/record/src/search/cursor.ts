import { createHash } from 'node:crypto';
import { badRequest } from '@footprint/fhir';
import type { AccessContext } from '../access-context';

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
  /** Whose cursor it is (cursorOwner): a cursor is refused for any other principal. */
  by: string;
}

/**
 * A digest of who a cursor was issued to: the principal (kind and id), the organisation it acts
 * for and the purpose, so a next-page link copied to another client, user or person (or to the
 * same user acting for another organisation) is refused rather than followed. It is a digest so
 * the cursor carries no identifier of the principal.
 */
export function cursorOwner(ctx: AccessContext): string {
  const who = [ctx.principal.kind, ctx.principal.id, ctx.organisation?.reference ?? '', ctx.purpose].join('\u0000');
  return createHash('sha256').update(who).digest('base64url').slice(0, 22);
}

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(text: string, query: string, owner: string): PageCursor {
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
  if (cursor.by !== owner) throw badRequest('The paging cursor was issued to someone else: run the search again to page through it', '_cursor');
  if (cursor.query !== query) throw badRequest('The paging cursor belongs to a different search', '_cursor');
  return cursor;
}
