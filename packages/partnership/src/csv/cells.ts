/**
 * How an item's data becomes CSV columns and back, exactly (docs/partnership.md, "CSV format"):
 *
 * - A nested object's fields are columns of their own, named with dots: `period.start`.
 * - A list, an empty object, or an object with a key that has a dot in it is JSON in one cell.
 * - Text is written as it is, unless it would read back as something else (`12`, `true`, `null`,
 *   `[…]`, `"…"`, the empty text): then it is written as a JSON string, in double quotes.
 * - A number, true/false and null are written as themselves; an empty cell is a field not set.
 * - A data field named like a metadata column (`id`, `version`…) or `data` is written `data.<name>`.
 *
 * Reading a cell: empty is "not set"; otherwise JSON if it parses as JSON, else the text itself.
 */
export const META_COLUMNS = ['id', 'parent_id', 'version', 'updated_at', 'updated_by'] as const;
const RESERVED = new Set<string>([...META_COLUMNS, 'data']);
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A value as writeCsv takes it: numbers and booleans as themselves (spreadsheets keep them as numbers), the rest as text. */
export function encodeCell(value: unknown): string | number | boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' || parsesAsJson(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** A cell read back (already un-neutralised): undefined for an empty cell, JSON when it parses, else the text. */
export function decodeCell(cell: string): unknown {
  if (cell === '') return undefined;
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    return cell;
  }
}

/** Whether an object is written as columns of its own (rather than JSON in one cell). */
const spreads = (value: Record<string, unknown>) => Object.keys(value).length > 0 && Object.keys(value).every((k) => k !== '' && !k.includes('.'));

/** An item's data as `column → cell` (columns in the data's own order). */
export function flattenData(data: unknown): Map<string, string | number | boolean> {
  const cells = new Map<string, string | number | boolean>();
  const walk = (value: Record<string, unknown>, prefix: string) => {
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const column = prefix ? `${prefix}.${key}` : RESERVED.has(key) ? `data.${key}` : key;
      if (isPlainObject(child) && spreads(child)) walk(child, column);
      else cells.set(column, encodeCell(child));
    }
  };
  if (isPlainObject(data)) walk(data, '');
  return cells;
}

/** A data column's path into the data: `period.start` → ['period', 'start'], `data.version` → ['version']. */
export function columnPath(column: string): string[] {
  const parts = column.split('.');
  return parts[0] === 'data' && parts.length > 1 ? parts.slice(1) : parts;
}

/** A problem with one cell, for the import's refusal. */
export interface CellProblem {
  column: string;
  message: string;
}

/** Rebuilds an item's data from its row's data columns; problems name the column. */
export function unflattenData(cells: Record<string, string>, columns: readonly string[]): { data: Record<string, unknown>; problems: CellProblem[] } {
  const data: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  /** Which column set each field, and whether it is a value (leaf) or holds dotted columns (branch). */
  const setBy = new Map<string, { column: string; leaf: boolean }>();
  for (const column of columns) {
    const value = decodeCell(cells[column] ?? '');
    if (value === undefined) continue;
    const path = columnPath(column);
    if (path.some((p) => p === '' || UNSAFE_KEYS.has(p))) {
      problems.push({ column, message: 'is not a field name' });
      continue;
    }
    let target = data;
    let clash: string | undefined;
    for (let i = 0; i < path.length && clash === undefined; i++) {
      const field = path.slice(0, i + 1).join('.');
      const earlier = setBy.get(field);
      const last = i === path.length - 1;
      if (earlier && (earlier.leaf || last)) clash = earlier.column;
      else if (last) {
        target[path[i]] = value;
        setBy.set(field, { column, leaf: true });
      } else {
        if (!earlier) {
          target[path[i]] = {};
          setBy.set(field, { column, leaf: false });
        }
        target = target[path[i]] as Record<string, unknown>;
      }
    }
    if (clash !== undefined) problems.push({ column, message: `sets the same field as column ${clash}: leave one of them empty` });
  }
  return { data, problems };
}
