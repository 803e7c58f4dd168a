/**
 * The shapes of the public register API (GET /api/public/register/footprints?on=… and
 * GET /api/public/register/footprints/{code}?on=…). Other pillars (engagement, performance) and
 * outside users build on these: add fields, never rename or remove one.
 */

/** Where a fact comes from: a reference file shipped with Footprint, a published document, or an edit in the app. */
export interface SourceView {
  id: string;
  title: string;
  url?: string;
  /** What the source says and how the register reads it (dates it does not give, choices made). */
  note?: string;
}

/** A footprint's status: a Sustainability and Transformation Partnership, an Integrated Care System, or an Integrated Care Board. */
export type FootprintStatus = 'STP' | 'ICS' | 'ICB';

/** One fact that holds for a stretch of time (either end open), with its source. */
export interface DatedFact<T> {
  value: T;
  start?: string;
  end?: string;
  source: SourceView;
}

/** A link to an earlier or later footprint: what happened on which date. */
export interface FootprintLinkView {
  code: string;
  name: string;
  /** The date the change took effect (YYYY-MM-DD). */
  date: string;
  /** 'merger' (several became one), 'recode' (a new code for the same footprint), 'split', 'boundary-change'. */
  change: 'merger' | 'recode' | 'split' | 'boundary-change';
  source: SourceView;
}

/** A footprint as it stood on the asked date. */
export interface FootprintSummary {
  /** ONS code (E54000008). */
  code: string;
  /** ODS code on that date, where it had one (QYG). */
  odsCode?: string;
  name: string;
  status: FootprintStatus;
  /** When the current status began, and the ICS designation wave where known ("wave 1, 2018"). */
  statusSince?: string;
  designation?: string;
  predecessors: FootprintLinkView[];
  successors: FootprintLinkView[];
}

export interface FootprintListResponse {
  on: string;
  count: number;
  footprints: FootprintSummary[];
}

/** A place of the footprint: a local authority district. */
export interface PlaceView {
  /** 2019 local authority district code (E06000049). */
  code: string;
  name: string;
  start?: string;
  end?: string;
  /** The store item holding it (its history is at /partnership/changes/{itemId}); absent for places not held as items. */
  itemId?: string;
  /** Where it comes from (a reference file, a decision of the partnership). */
  source?: string;
}

export interface DeliverySystemView {
  /** The store item holding it (its history is at /partnership/changes/{id}). */
  id: string;
  name: string;
  /** The places (district codes) it covers. */
  places: string[];
  start?: string;
  end?: string;
  source?: string;
}

export interface MemberView {
  odsCode?: string;
  onsCode?: string;
  name: string;
  /** Organisation-kind code (acute_trust, commissioner, gp_practice, …) and its label. */
  kind: string;
  kindLabel: string;
  role: { code: string; label: string };
  start?: string;
  end?: string;
}

export interface AllianceView {
  odsCode?: string;
  name: string;
  kind: 'provider_alliance' | 'integrated_care_partnership';
  members: MemberView[];
}

/** One footprint on the asked date, with its full history of names and statuses, and what it held then. */
export interface FootprintDetail extends FootprintSummary {
  on: string;
  names: DatedFact<string>[];
  statuses: DatedFact<FootprintStatus>[];
  odsCodes: DatedFact<string>[];
  places: PlaceView[];
  deliverySystems: DeliverySystemView[];
  /** Member organisations on that date (from the record; empty for footprints this instance does not run). */
  members: MemberView[];
  alliances: AllianceView[];
  sources: SourceView[];
}
