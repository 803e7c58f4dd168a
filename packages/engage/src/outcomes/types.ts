/** The plan items an outcome can change, by the partnership store's kind and id. */
export type PlanItemKind = 'priority' | 'ambition' | 'programme' | 'decision';
export interface PlanItemRef {
  kind: PlanItemKind;
  id: string;
}

/** One "We asked, you said, we did" entry. */
export interface Outcome {
  id: number;
  consultationId: string;
  /** The consultation's title, for lists on plan pages. */
  consultationTitle: string;
  position: number;
  weAsked: string;
  youSaid: string;
  weDid: string;
  planItems: PlanItemRef[];
  recordedAt: string;
  recordedBy: string;
}

export interface OutcomeInput {
  weAsked: string;
  youSaid: string;
  weDid: string;
  planItems: PlanItemRef[];
}
