import { isCalendarDate } from '../store/fields';
import { sameValue } from '../store/items';
import type { FieldChangeView } from './types';

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field's path as people say it: `dueDate` → "Due date", `period.start` → "Period start", `lead_org` → "Lead org". */
export function humaniseField(path: string): string {
  const words = path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `${Number(part) + 1}` : part))
    .join(' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A value as people read it: a calendar date as "12 March 2024", a moment with its time, yes/no,
 * text as written (long text stays text), a list one item per line, and an object as
 * "Field: value" lines. Null when the value is not set.
 */
export function readableValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (isCalendarDate(value)) return new Date(`${value}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    if (DATE_TIME.test(value) && !Number.isNaN(new Date(value).getTime())) {
      return new Date(value).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
    }
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'None';
    return value.map((v) => (isPlainObject(v) ? inline(v) : (readableValue(v) ?? 'Not set'))).join('\n');
  }
  if (isPlainObject(value)) {
    const lines = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${humaniseField(k)}: ${(readableValue(v) ?? 'Not set').replace(/\n/g, '; ')}`);
    return lines.length ? lines.join('\n') : 'None';
  }
  return String(value);
}

/** An object inside a list, on one line: "Name: Ann Smith; Role: Chair". */
function inline(value: Record<string, unknown>): string {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${humaniseField(k)}: ${(readableValue(v) ?? 'Not set').replace(/\n/g, ', ')}`)
    .join('; ');
}

/**
 * Every value that differs between two versions' data, at the deepest level that differs: an
 * object is compared field by field (`period.start`), a list or a single value as a whole. With
 * no `before` (a first version) every field set is a change from "not set".
 */
export function fieldChanges(before: unknown, after: unknown, prefix = ''): FieldChangeView[] {
  const a = isPlainObject(before) ? before : {};
  const b = isPlainObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: FieldChangeView[] = [];
  for (const key of keys) {
    const field = prefix ? `${prefix}.${key}` : key;
    const [x, y] = [a[key], b[key]];
    if (sameValue(x, y)) continue;
    if (isPlainObject(x) && isPlainObject(y)) {
      changes.push(...fieldChanges(x, y, field));
      continue;
    }
    if (x === undefined && isPlainObject(y) && Object.keys(y).length > 0) {
      changes.push(...fieldChanges(undefined, y, field));
      continue;
    }
    changes.push({
      field,
      label: humaniseField(field),
      ...(x !== undefined ? { before: x } : {}),
      ...(y !== undefined ? { after: y } : {}),
      beforeText: readableValue(x),
      afterText: readableValue(y),
    });
  }
  return changes;
}
