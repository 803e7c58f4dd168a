import { writeCsv } from '../csv/csv';
import type { FootprintDetail, FootprintLinkView, FootprintListResponse } from './public-types';

/** The columns of GET /api/public/register/footprints as CSV: one row per footprint; links as `code (date, change)` joined by `; `. */
export const FOOTPRINT_LIST_COLUMNS = ['on', 'code', 'name', 'status', 'status_since', 'designation', 'ods_code', 'predecessors', 'successors'] as const;

/**
 * The columns of GET /api/public/register/footprints/{code} as CSV: one flat table, a row per
 * fact, place, delivery system, member and alliance member, told apart by `section`:
 * `footprint` (its state on the date), `name` / `status` / `ods_code` (its history, with
 * start/end and source), `predecessor` / `successor`, `place`, `delivery_system` (places as
 * district codes joined by `; `), `member`, and `alliance_member` (with the alliance in `parent`).
 */
export const FOOTPRINT_DETAIL_COLUMNS = ['footprint', 'on', 'section', 'code', 'name', 'kind', 'role', 'parent', 'places', 'start', 'end', 'source'] as const;

const links = (list: FootprintLinkView[]) => list.map((l) => `${l.code} (${l.date}, ${l.change})`).join('; ');

export function footprintListCsv(list: FootprintListResponse): string {
  return writeCsv(
    FOOTPRINT_LIST_COLUMNS,
    list.footprints.map((f) => ({
      on: list.on,
      code: f.code,
      name: f.name,
      status: f.status,
      status_since: f.statusSince,
      designation: f.designation,
      ods_code: f.odsCode,
      predecessors: links(f.predecessors),
      successors: links(f.successors),
    })),
  );
}

export function footprintDetailCsv(d: FootprintDetail): string {
  const base = { footprint: d.code, on: d.on };
  const rows: Record<string, unknown>[] = [
    { ...base, section: 'footprint', code: d.code, name: d.name, kind: d.status, role: d.designation, parent: d.odsCode, start: d.statusSince },
    ...d.names.map((f) => ({ ...base, section: 'name', name: f.value, start: f.start, end: f.end, source: f.source.title })),
    ...d.statuses.map((f) => ({ ...base, section: 'status', kind: f.value, start: f.start, end: f.end, source: f.source.title })),
    ...d.odsCodes.map((f) => ({ ...base, section: 'ods_code', code: f.value, start: f.start, end: f.end, source: f.source.title })),
    ...d.predecessors.map((l) => ({ ...base, section: 'predecessor', code: l.code, name: l.name, kind: l.change, start: l.date, source: l.source.title })),
    ...d.successors.map((l) => ({ ...base, section: 'successor', code: l.code, name: l.name, kind: l.change, start: l.date, source: l.source.title })),
    ...d.places.map((p) => ({ ...base, section: 'place', code: p.code, name: p.name, start: p.start, end: p.end, source: p.source })),
    ...d.deliverySystems.map((s) => ({ ...base, section: 'delivery_system', code: s.id, name: s.name, places: s.places.join('; '), start: s.start, end: s.end, source: s.source })),
    ...d.members.map((m) => ({ ...base, section: 'member', code: m.odsCode ?? m.onsCode, name: m.name, kind: m.kind, role: m.role.code, start: m.start, end: m.end })),
    ...d.alliances.flatMap((a) => a.members.map((m) => ({ ...base, section: 'alliance_member', code: m.odsCode ?? m.onsCode, name: m.name, kind: m.kind, role: m.role.code, parent: a.name, start: m.start, end: m.end }))),
  ];
  return writeCsv(FOOTPRINT_DETAIL_COLUMNS, rows);
}
