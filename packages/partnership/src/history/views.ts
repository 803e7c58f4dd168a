import type { ItemVersion, PartnershipStore } from '../store/items';
import { inDeclaredOrder } from '../csv/declared-order';
import { itemKind, itemKinds } from '../store/kinds';
import { fieldChanges, humaniseField } from './diff';
import type { ChangesView, ItemHistoryView, ItemSummaryView, VersionView } from './types';

/** How the history names a role ("partnership_lead" → "Partnership lead"); the server passes its role labels. */
export type RoleLabel = (role: string) => string;

const CHANGE_LABELS: Record<VersionView['change'], string> = { created: 'Created', updated: 'Updated', deleted: 'Deleted', restored: 'Restored', imported: 'Imported' };
const defaultRoleLabel: RoleLabel = (role) => (role === 'system' ? 'Footprint' : humaniseField(role));

/**
 * An item's title through its kind (ItemKind.title). A kind no longer registered (or never, in
 * this process) still shows: its stored name, and the data's name or title, else the id.
 */
export function summaryOf(version: Pick<ItemVersion, 'id' | 'kind' | 'data'>): ItemSummaryView {
  const kind = itemKind(version.kind);
  let title: string | undefined;
  if (kind) {
    try {
      title = kind.title(version.data as never);
    } catch {
      // Data an older schema wrote may lack what today's title needs; the fallback below still names it.
    }
  }
  if (!title) {
    const data = (version.data ?? {}) as Record<string, unknown>;
    title = [data.name, data.title, data.label].find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? version.id;
  }
  return { id: version.id, kind: version.kind, kindLabel: kind?.label ?? version.kind, title };
}

/** One version, compared with the version before it (undefined for the first). */
function versionView(version: ItemVersion, previous: ItemVersion | undefined, roleLabel: RoleLabel): VersionView {
  const kind = itemKind(version.kind);
  const compared = version.change === 'deleted' ? [] : fieldChanges(previous?.data, version.data);
  const changes = kind ? inDeclaredOrder(kind.schema, compared, (c) => c.field.split('.')) : compared;
  if (previous && previous.parentId !== version.parentId) {
    changes.push({ field: 'parentId', label: 'Belongs to', ...(previous.parentId ? { before: previous.parentId } : {}), ...(version.parentId ? { after: version.parentId } : {}), beforeText: previous.parentId, afterText: version.parentId });
  }
  return {
    version: version.version,
    change: version.change,
    changeLabel: CHANGE_LABELS[version.change] ?? humaniseField(version.change),
    who: { ...version.changedBy, roleLabel: roleLabel(version.changedBy.role) },
    when: version.updatedAt,
    title: summaryOf(version).title,
    deleted: version.deleted,
    changedFields: version.changedFields,
    changes,
  };
}

/** Every version of an item, newest first, each with what it changed (404 when the id never existed). */
export async function itemHistory(store: PartnershipStore, id: string, roleLabel: RoleLabel = defaultRoleLabel): Promise<ItemHistoryView> {
  const versions = await store.history(id);
  const latest = versions[0];
  let parent: ItemSummaryView | null = null;
  if (latest.parentId) {
    const parentVersions = await store.history(latest.parentId).catch(() => []);
    if (parentVersions[0]) parent = summaryOf(parentVersions[0]);
  }
  return {
    item: { ...summaryOf(latest), footprint: latest.footprint, version: latest.version, deleted: latest.deleted, parent },
    versions: versions.map((v, i) => versionView(v, versions[i + 1], roleLabel)),
  };
}

/** A page of the footprint's changes across every kind (or one), newest first, each with what it changed. */
export async function recentChangesView(
  store: PartnershipStore,
  footprint: string,
  options: { limit?: number; before?: string; kind?: string } = {},
  roleLabel: RoleLabel = defaultRoleLabel,
): Promise<ChangesView> {
  const page = await store.changesPage(footprint, options);
  const previous = await store.versionsOf(page.changes.filter((c) => c.version > 1).map((c) => ({ id: c.id, version: c.version - 1 })));
  const byKey = new Map(previous.map((v) => [`${v.id}#${v.version}`, v]));
  const kinds = new Map(itemKinds().map((k) => [k.kind, k.label]));
  for (const kind of await store.kindsIn(footprint)) if (!kinds.has(kind)) kinds.set(kind, kind);
  return {
    changes: page.changes.map((c) => ({ ...versionView(c, byKey.get(`${c.id}#${c.version - 1}`), roleLabel), item: summaryOf(c) })),
    ...(page.next ? { next: page.next } : {}),
    kinds: [...kinds].map(([kind, label]) => ({ kind, label })).sort((a, b) => a.label.localeCompare(b.label, 'en-GB')),
  };
}
