import { readdirSync, readFileSync } from 'node:fs';
import { compileView, type CompiledView } from '@footprint/views';
import { tables, type WarehouseTableName } from './tables';

/**
 * The standard ViewDefinitions in packages/warehouse/views, compiled once. Each file is named
 * `<target>.<source>.json`: the target is a warehouse table (or `opt-outs`), so the loader knows
 * which mapper turns the view's rows into table rows.
 */
export type ViewTarget = WarehouseTableName | 'opt-outs' | 'practitioner-roles';

export interface StandardView {
  file: string;
  target: ViewTarget;
  view: CompiledView;
  /** Column name → index in the view's rows, for the mappers. */
  column: Record<string, number>;
}

const targets = new Set<string>([...Object.keys(tables), 'opt-outs', 'practitioner-roles']);
const viewsFolder = new URL('../views/', import.meta.url);

let cache: StandardView[] | undefined;

export function standardViews(): StandardView[] {
  if (cache) return cache;
  cache = readdirSync(viewsFolder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const target = file.split('.')[0] as ViewTarget;
      if (!targets.has(target) || target === 'places') throw new Error(`views/${file}: unknown target table "${target}"`);
      const view = compileView(JSON.parse(readFileSync(new URL(file, viewsFolder), 'utf8')));
      const column: Record<string, number> = {};
      view.columns.forEach((c, i) => (column[c.name] = i));
      return { file, target, view, column };
    });
  return cache;
}

/** The resource types the standard views read. */
export function viewedResourceTypes(): string[] {
  return [...new Set(standardViews().map((v) => v.view.resource))].sort();
}
