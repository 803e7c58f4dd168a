import type { SqlClient } from '@footprint/record';
import { PartnershipProblem } from '../errors';
import { isCalendarDate } from '../store/fields';
import { loadFootprintRegister } from './load';
import type { DatedFact, FootprintLinkView, FootprintStatus, FootprintSummary, SourceView } from './public-types';

/** A footprint's whole history: its life span, every dated fact, its links both ways, and the sources they cite. */
export interface FootprintHistory {
  code: string;
  start: string;
  end?: string;
  names: DatedFact<string>[];
  statuses: DatedFact<FootprintStatus>[];
  odsCodes: DatedFact<string>[];
  designations: DatedFact<string>[];
  predecessors: FootprintLinkView[];
  successors: FootprintLinkView[];
  sources: SourceView[];
}

interface FactRow extends Record<string, unknown> {
  code: string;
  fact: string;
  value: string;
  start_date: string;
  end_date: string | null;
  source_id: string;
}
interface LinkRow extends Record<string, unknown> {
  from_code: string;
  to_code: string;
  change: FootprintLinkView['change'];
  effective: string;
  source_id: string;
  from_name: string | null;
  to_name: string | null;
}

const FACT_COLUMNS = "code, fact, value, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date, source_id";
const ON = '(start_date <= $1::date AND (end_date IS NULL OR end_date >= $1::date))';
// Each side of a link named as it was then: the predecessor on its last day, the successor on its first.
const LINKS = `SELECT from_code, to_code, change, to_char(effective, 'YYYY-MM-DD') AS effective, l.source_id,
  (SELECT value FROM partnership_footprint_fact f WHERE f.code = l.from_code AND f.fact = 'name' AND f.start_date <= l.effective - 1 AND (f.end_date IS NULL OR f.end_date >= l.effective - 1)) AS from_name,
  (SELECT value FROM partnership_footprint_fact f WHERE f.code = l.to_code AND f.fact = 'name' AND f.start_date <= l.effective AND (f.end_date IS NULL OR f.end_date >= l.effective)) AS to_name
  FROM partnership_footprint_link l`;

/** A footprint code: E54 and six digits. */
export const FOOTPRINT_CODE = /^E54\d{6}$/;

/**
 * England's footprints as the register holds them (partnership-footprints tables, loaded from the
 * shipped reference files on first use): every footprint on a date, one footprint's state on a
 * date, and its whole history. Lineage is one table read both ways, so a predecessor's successors
 * and a successor's predecessors always agree.
 */
export class FootprintRegister {
  constructor(private readonly sql: SqlClient) {}

  /** Every footprint on `on` (YYYY-MM-DD), by code. */
  async footprintsOn(on: string): Promise<FootprintSummary[]> {
    checkDate(on);
    await loadFootprintRegister(this.sql);
    const [codes, facts, links, sources] = await Promise.all([
      this.sql.query<{ code: string }>(`SELECT code FROM partnership_footprint WHERE ${ON} ORDER BY code`, [on]),
      this.sql.query<FactRow>(`SELECT ${FACT_COLUMNS} FROM partnership_footprint_fact WHERE ${ON}`, [on]),
      this.sql.query<LinkRow>(`${LINKS} ORDER BY effective, from_code, to_code`),
      this.sources(),
    ]);
    return codes.rows.map(({ code }) => summarise(code, on, facts.rows.filter((f) => f.code === code), links.rows, sources));
  }

  /** One footprint's whole history, or undefined for a code the register does not hold. */
  async history(code: string): Promise<FootprintHistory | undefined> {
    await loadFootprintRegister(this.sql);
    const { rows } = await this.sql.query<{ start_date: string; end_date: string | null }>(
      "SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM partnership_footprint WHERE code = $1",
      [code],
    );
    if (!rows[0]) return undefined;
    const [facts, links, sources] = await Promise.all([
      this.sql.query<FactRow>(`SELECT ${FACT_COLUMNS} FROM partnership_footprint_fact WHERE code = $1 ORDER BY fact, start_date`, [code]),
      this.sql.query<LinkRow>(`${LINKS} WHERE l.from_code = $1 OR l.to_code = $1 ORDER BY effective, from_code, to_code`, [code]),
      this.sources(),
    ]);
    const dated = <T>(kind: string) => facts.rows.filter((f) => f.fact === kind).map((f) => fact<T>(f, sources));
    const used = new Set([...facts.rows.map((f) => f.source_id), ...links.rows.map((l) => l.source_id)]);
    return {
      code,
      start: rows[0].start_date,
      ...(rows[0].end_date ? { end: rows[0].end_date } : {}),
      names: dated<string>('name'),
      statuses: dated<FootprintStatus>('status'),
      odsCodes: dated<string>('ods-code'),
      designations: dated<string>('designation'),
      predecessors: links.rows.filter((l) => l.to_code === code).map((l) => linkView(l, 'from', sources)),
      successors: links.rows.filter((l) => l.from_code === code).map((l) => linkView(l, 'to', sources)),
      sources: [...sources.values()].filter((s) => used.has(s.id)),
    };
  }

  /**
   * One footprint as it stood on `on`, with its history. Refuses a malformed code (400), a code the
   * register does not hold (404), and a date outside the footprint's life (404, naming its span and
   * what it became or came from).
   */
  async stateOn(code: string, on: string): Promise<{ summary: FootprintSummary; history: FootprintHistory }> {
    checkDate(on);
    if (!FOOTPRINT_CODE.test(code)) throw new PartnershipProblem(400, 'Invalid footprint code', `${code.slice(0, 40)} is not a footprint's ONS code: E54 and six digits, such as E54000008.`);
    const history = await this.history(code);
    if (!history) throw new PartnershipProblem(404, 'No such footprint', `The register holds no footprint with ONS code ${code}.`);
    if (on < history.start || (history.end && on > history.end)) {
      const span = history.end ? `from ${history.start} to ${history.end}` : `from ${history.start}`;
      const next = on > (history.end ?? on) ? history.successors : history.predecessors;
      const see = next.length ? `; see ${next.map((l) => `${l.code} (${l.name})`).join(', ')}` : '';
      throw new PartnershipProblem(404, 'Not a footprint on that date', `${code} was a footprint ${span}, not on ${on}${see}.`);
    }
    const at = <T>(facts: DatedFact<T>[]) => facts.find((f) => (!f.start || f.start <= on) && (!f.end || on <= f.end));
    const status = at(history.statuses)!;
    const ods = at(history.odsCodes);
    const designation = at(history.designations);
    const summary: FootprintSummary = {
      code,
      ...(ods ? { odsCode: ods.value } : {}),
      name: at(history.names)!.value,
      status: status.value,
      ...(status.start ? { statusSince: status.start } : {}),
      ...(designation ? { designation: designation.value } : {}),
      predecessors: history.predecessors,
      successors: history.successors,
    };
    return { summary, history };
  }

  private async sources(): Promise<Map<string, SourceView>> {
    const { rows } = await this.sql.query<{ id: string; title: string; url: string | null; note: string | null }>('SELECT id, title, url, note FROM partnership_footprint_source ORDER BY id');
    return new Map(rows.map((s) => [s.id, { id: s.id, title: s.title, ...(s.url ? { url: s.url } : {}), ...(s.note ? { note: s.note } : {}) }]));
  }
}

/** Refuses anything but a real calendar date written YYYY-MM-DD (2023-02-30 and 'yesterday' are refused). */
export function checkDate(on: string): void {
  if (!isCalendarDate(on)) throw new PartnershipProblem(400, 'Invalid date', `on must be a calendar date written YYYY-MM-DD, such as 2023-04-01; ${JSON.stringify(on.slice(0, 40))} is not one.`);
}


function fact<T>(row: FactRow, sources: Map<string, SourceView>): DatedFact<T> {
  return { value: row.value as T, start: row.start_date, ...(row.end_date ? { end: row.end_date } : {}), source: sources.get(row.source_id) ?? { id: row.source_id, title: row.source_id } };
}

function linkView(row: LinkRow, side: 'from' | 'to', sources: Map<string, SourceView>): FootprintLinkView {
  const code = side === 'from' ? row.from_code : row.to_code;
  const name = (side === 'from' ? row.from_name : row.to_name) ?? code;
  return { code, name, date: row.effective, change: row.change, source: sources.get(row.source_id) ?? { id: row.source_id, title: row.source_id } };
}

function summarise(code: string, on: string, facts: FactRow[], links: LinkRow[], sources: Map<string, SourceView>): FootprintSummary {
  const value = (kind: string) => facts.find((f) => f.fact === kind);
  const status = value('status');
  const ods = value('ods-code');
  const designation = value('designation');
  if (!status || !value('name')) throw new Error(`the register holds no name or status for ${code} on ${on}`);
  return {
    code,
    ...(ods ? { odsCode: ods.value } : {}),
    name: value('name')!.value,
    status: status.value as FootprintStatus,
    statusSince: status.start_date,
    ...(designation ? { designation: designation.value } : {}),
    predecessors: links.filter((l) => l.to_code === code).map((l) => linkView(l, 'from', sources)),
    successors: links.filter((l) => l.from_code === code).map((l) => linkView(l, 'to', sources)),
  };
}
