import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { integratedCareBoards, stpAcuteTrusts } from '@footprint/geography';
import { readCsv } from '../csv/csv';
import type { FootprintStatus } from './public-types';

/**
 * England's footprints with their history, built from the reference files: the 2017/18 STP list
 * and the ICB list (read through @footprint/geography, not copied) and this package's data files
 * (packages/partnership/data: sources, lineage, and the facts neither list holds). The rules that
 * turn them into dated facts are the documented ones (docs/partnership.md, "State on a date"):
 * STPs from 1 April 2016, ICSs from 1 April 2021, ICBs from 1 July 2022, each code ending the day
 * before the link that replaced it.
 */
export const PARTNERSHIP_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export type FactKind = 'name' | 'status' | 'ods-code' | 'designation';
export type LinkChange = 'merger' | 'recode' | 'split' | 'boundary-change';

export interface ReferenceSource {
  id: string;
  title: string;
  url?: string;
  note?: string;
}
export interface ReferenceFootprint {
  code: string;
  start: string;
  end?: string;
}
export interface ReferenceFact {
  code: string;
  fact: FactKind;
  value: string;
  start: string;
  end?: string;
  source: string;
}
export interface ReferenceLink {
  from: string;
  to: string;
  change: LinkChange;
  date: string;
  source: string;
}
export interface ReferenceRegister {
  sources: ReferenceSource[];
  footprints: ReferenceFootprint[];
  facts: ReferenceFact[];
  links: ReferenceLink[];
  /** A digest of everything above: the loader reloads when it changes. */
  checksum: string;
}

/** The dates the status rules turn on, each with the source that documents it. */
export const STP_START = '2016-04-01';
export const ICS_START = '2021-04-01';
export const ICB_START = '2022-07-01';

const FACT_KINDS: readonly FactKind[] = ['name', 'status', 'ods-code', 'designation'];
const CHANGES: readonly LinkChange[] = ['merger', 'recode', 'split', 'boundary-change'];

export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
const readData = (name: string) => readCsv(readFileSync(PARTNERSHIP_DATA_DIR + name, 'utf8'));

let cached: ReferenceRegister | undefined;

/** The register as the reference files state it (built once per process; throws if the files disagree with themselves). */
export function referenceRegister(): ReferenceRegister {
  cached ??= buildReferenceRegister();
  return cached;
}

function buildReferenceRegister(): ReferenceRegister {
  const sources = readData('sources.csv').map(({ cells }) => ({ id: cells.id, title: cells.title, ...(cells.url ? { url: cells.url } : {}), ...(cells.note ? { note: cells.note } : {}) }));
  const links = readData('footprint-lineage.csv').map(({ row, cells }) => {
    if (!CHANGES.includes(cells.change as LinkChange)) throw new Error(`footprint-lineage.csv row ${row}: change ${cells.change} is not one of ${CHANGES.join(', ')}`);
    return { from: cells.from_code, to: cells.to_code, change: cells.change as LinkChange, date: cells.date, source: cells.source };
  });
  const extra = readData('footprint-facts.csv').map(({ row, cells }) => {
    if (!FACT_KINDS.includes(cells.fact as FactKind)) throw new Error(`footprint-facts.csv row ${row}: fact ${cells.fact} is not one of ${FACT_KINDS.join(', ')}`);
    return { code: cells.code, fact: cells.fact as FactKind, value: cells.value, start: cells.start, ...(cells.end ? { end: cells.end } : {}), source: cells.source };
  });

  const stpNames = new Map(stpAcuteTrusts().map((t) => [t.stpCode, t.stpName]));
  const icbs = new Map(integratedCareBoards().map((r) => [r.icb_ons_code, { name: r.icb_name, ods: r.icb_ods_code }]));
  const codes = [...new Set([...stpNames.keys(), ...icbs.keys(), ...links.flatMap((l) => [l.from, l.to]), ...extra.map((f) => f.code)])].sort();

  const footprints: ReferenceFootprint[] = codes.map((code) => {
    const into = links.filter((l) => l.to === code).map((l) => l.date).sort();
    const out = links.filter((l) => l.from === code).map((l) => l.date).sort();
    const start = stpNames.has(code) ? STP_START : into[0];
    if (!start) throw new Error(`footprint ${code} is neither a 2017/18 STP nor the successor of one, so the register cannot date it`);
    return { code, start, ...(out[0] ? { end: dayBefore(out[0]) } : {}) };
  });

  const facts: ReferenceFact[] = [];
  const add = (f: { code: string; fact: FactKind; value: string; start: string; end?: string; source: string }) => {
    if (f.end === undefined || f.start <= f.end) facts.push({ code: f.code, fact: f.fact, value: f.value, start: f.start, ...(f.end ? { end: f.end } : {}), source: f.source });
  };
  for (const fp of footprints) {
    const status = (value: FootprintStatus, from: string, to: string | undefined, source: string) => add({ code: fp.code, fact: 'status', value, start: later(fp.start, from), end: earlier(fp.end, to), source });
    status('STP', fp.start, dayBefore(ICS_START), stpNames.has(fp.code) ? 'stp-2016' : (links.find((l) => l.to === fp.code)?.source ?? 'stp-2016'));
    status('ICS', ICS_START, dayBefore(ICB_START), 'ics-2021');
    add({ code: fp.code, fact: 'designation', value: 'ICS by April 2021', start: later(fp.start, ICS_START), end: earlier(fp.end, dayBefore(ICB_START)), source: 'ics-2021' });
    status('ICB', ICB_START, undefined, 'hca-2022');
    const stpName = stpNames.get(fp.code);
    if (stpName) add({ code: fp.code, fact: 'name', value: stpName, start: fp.start, end: earlier(fp.end, dayBefore(ICB_START)), source: 'stp-2017-18' });
    const icb = icbs.get(fp.code);
    if (icb) {
      add({ code: fp.code, fact: 'name', value: icb.name, start: later(fp.start, ICB_START), end: fp.end, source: 'icb-2023' });
      add({ code: fp.code, fact: 'ods-code', value: icb.ods, start: later(fp.start, ICB_START), end: fp.end, source: 'icb-2023' });
    }
  }
  for (const f of extra) add(f);
  checkRegister(sources, footprints, facts, links);
  const checksum = createHash('sha256').update(JSON.stringify({ sources, footprints, facts, links })).digest('hex');
  return { sources, footprints, facts, links, checksum };
}

/** Every footprint has exactly one name and one status on every day of its life; every fact and link names a known footprint and source. */
function checkRegister(sources: ReferenceSource[], footprints: ReferenceFootprint[], facts: ReferenceFact[], links: ReferenceLink[]): void {
  const sourceIds = new Set(sources.map((s) => s.id));
  const byCode = new Map(footprints.map((f) => [f.code, f]));
  for (const item of [...facts, ...links]) {
    if (!sourceIds.has(item.source)) throw new Error(`footprint data names source ${item.source}, which sources.csv does not list`);
  }
  for (const l of links) if (!byCode.has(l.from) || !byCode.has(l.to)) throw new Error(`lineage ${l.from} → ${l.to} names an unknown footprint`);
  for (const fp of footprints) {
    for (const kind of ['name', 'status'] as const) {
      const spans = facts.filter((f) => f.code === fp.code && f.fact === kind).sort((a, b) => a.start.localeCompare(b.start));
      let next = fp.start;
      for (const span of spans) {
        if (span.start !== next) throw new Error(`footprint ${fp.code} has no single ${kind} from ${next} (the next begins ${span.start})`);
        next = span.end ? nextDay(span.end) : '9999-12-31';
      }
      if (next !== (fp.end ? nextDay(fp.end) : '9999-12-31')) throw new Error(`footprint ${fp.code}'s ${kind} does not cover its whole life`);
    }
  }
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
