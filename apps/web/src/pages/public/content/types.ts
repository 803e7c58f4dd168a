import type { Assurance, Polarity, SpcResult, VariationIcon } from '@footprint/performance';

/**
 * The shapes the public content pages render, as the server hands them over (the same fields
 * @footprint/engage's content and public plan give). Rendering only: nothing here reads data.
 */

/** A published page, news item or question (its latest published version). */
export interface PublicContent {
  kind: 'page' | 'news' | 'question';
  slug: string;
  title: string;
  summary: string;
  /** Plain text: blank lines between paragraphs, "## " a heading, "- " a bullet. */
  body: string;
  position: number;
  illustrative: boolean;
  version: number;
  firstPublishedAt: string;
  lastPublishedAt: string;
}

export interface PublicVersion {
  version: number;
  title: string;
  summary: string;
  body: string;
  illustrative: boolean;
  change: string;
  changedFields: string[];
  publishedAt: string;
}

export interface PublicOutcome {
  consultationId: string;
  consultationTitle: string;
  weAsked: string;
  youSaid: string;
  weDid: string;
}

export type ScorecardStatus = 'on-track' | 'off-track' | 'no-data';

export interface AmbitionSummary {
  id: string;
  statement: string;
  gapLabel: string;
  measure: string;
  unit: string;
  baseline: { value: number; period: string };
  target: { value: number; period: string };
  illustrative: boolean;
  note: string | null;
  status: ScorecardStatus;
  statusWords: string;
  reason: string;
  latest: { period: string; value: number; synthetic: boolean } | null;
}

export interface PlanSummary {
  id: string;
  name: string;
  version: string;
  published: string | null;
  period: { start?: string; end?: string } | null;
  mission: string | null;
  source: string | null;
}

export interface PublicPlan {
  footprint: { code: string; name: string };
  plan: PlanSummary;
  priorities: Array<{ id: string; name: string; type: 'clinical' | 'enabling'; description: string | null }>;
  ambitions: AmbitionSummary[];
  outcomes: PublicOutcome[];
  suppressionWords: string;
}

export interface PublicValue {
  period: string;
  value: number | null;
  suppressed: boolean;
  synthetic: boolean;
}

export interface PublicIndicator {
  id: string;
  name: string;
  definition: string;
  source: string;
  unit: string;
  polarity: Polarity;
  role: 'primary' | 'supporting';
  series: PublicValue[];
  suppressedCount: number;
  spc: SpcResult | null;
  spcReason: string | null;
  places: Array<{ code: string; name: string; latest: PublicValue | null }>;
  synthetic: boolean;
}

export interface PublicAmbition {
  footprint: { code: string; name: string };
  plan: PlanSummary;
  ambition: AmbitionSummary & { trajectory: Array<{ value: number; period: string }> };
  indicators: PublicIndicator[];
  unpublished: Array<{ id: string; name: string }>;
  outcomes: PublicOutcome[];
  suppressionWords: string;
}

/** A district's boundary (GeoJSON Feature, WGS84), as apps/server/src/public/boundaries.ts gives them. */
export interface DistrictShape {
  properties: { code: string; name: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export type { Assurance, VariationIcon };
