import type { ItemChange } from '../store/items';

/**
 * The shapes of the history API's answers (GET /api/partnership/items/:id/history and
 * GET /api/partnership/changes), which the web app imports as types.
 */

/** One field that differs between a version and the one before it. */
export interface FieldChangeView {
  /** The field's path in the item's data, dotted for nested values (`period.start`); `parentId` for a move. */
  field: string;
  /** The field's name for people ("Period start"). */
  label: string;
  /** The values themselves (absent when the field was not set). */
  before?: unknown;
  after?: unknown;
  /** The values as people read them: dates as dates, lists one per line, text as written; null when not set. */
  beforeText: string | null;
  afterText: string | null;
}

export interface ChangedBy {
  id: string;
  name: string;
  role: string;
  roleLabel: string;
}

/** One version of an item: who made it, when, how, and what it changed. */
export interface VersionView {
  version: number;
  change: ItemChange;
  /** "Created", "Updated", "Deleted", "Restored", "Imported". */
  changeLabel: string;
  who: ChangedBy;
  /** When (ISO 8601). */
  when: string;
  /** The item's title as this version had it. */
  title: string;
  deleted: boolean;
  /** Top-level fields of the data that changed (the store's own list). */
  changedFields: string[];
  /** Each changed value, before and after, at the deepest level that differs. */
  changes: FieldChangeView[];
}

export interface ItemSummaryView {
  id: string;
  kind: string;
  /** The kind's label ("governance body"), or its stored name when no kind of that name is registered. */
  kindLabel: string;
  title: string;
}

/** GET /api/partnership/items/:id/history */
export interface ItemHistoryView {
  item: ItemSummaryView & { footprint: string; version: number; deleted: boolean; parent: ItemSummaryView | null };
  /** Every version, newest first. */
  versions: VersionView[];
}

/** One change in the footprint's recent changes. */
export interface ChangeView extends VersionView {
  item: ItemSummaryView;
}

/** GET /api/partnership/changes */
export interface ChangesView {
  changes: ChangeView[];
  /** The `before` of the next (older) page, when there is one. */
  next?: string;
  /** The kinds there are changes of, or that are registered, for the filter. */
  kinds: { kind: string; label: string }[];
}
