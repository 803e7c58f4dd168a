import { PartnershipProblem } from '../errors';
import type { PartnershipStore } from '../store/items';
import { itemKind, itemKinds, type ItemKind } from '../store/kinds';
import { columnPath, flattenData, META_COLUMNS } from './cells';
import { inDeclaredOrder } from './declared-order';
import { writeCsv } from './csv';

/** The kind named in a URL or on the command line, or a 404 naming the kinds there are. */
export function kindNamed(name: string): ItemKind {
  const kind = itemKind(name);
  if (kind) return kind;
  const known = itemKinds()
    .map((k) => k.kind)
    .sort();
  throw new PartnershipProblem(404, 'No such kind', known.length ? `There is no kind ${JSON.stringify(name.slice(0, 80))}. The kinds are: ${known.join(', ')}.` : `There is no kind ${JSON.stringify(name.slice(0, 80))}: no kinds are registered.`);
}

/**
 * The footprint's live items of one kind as CSV: `id`, `parent_id`, `version`, `updated_at`,
 * `updated_by`, then the data's columns (cells.ts), in the order they first appear. Oldest item first.
 */
export async function exportItemsCsv(store: PartnershipStore, kind: ItemKind, footprint: string): Promise<{ csv: string; rows: number }> {
  const items = await store.list(kind, footprint);
  const dataColumns = new Set<string>();
  const rows = items.map((item) => {
    const cells = flattenData(item.data);
    for (const column of cells.keys()) dataColumns.add(column);
    return {
      ...Object.fromEntries(cells),
      id: item.id,
      parent_id: item.parentId ?? '',
      version: item.version,
      updated_at: item.updatedAt,
      updated_by: item.updatedBy.name,
    } as Record<string, unknown>;
  });
  return { csv: writeCsv([...META_COLUMNS, ...inDeclaredOrder(kind.schema, [...dataColumns], columnPath)], rows), rows: rows.length };
}
