import type { Item } from '../store/items';
import type { AmbitionData, PlanData, PriorityData } from './kinds';
import type { ProgrammeView, RiskView } from './tree';

/** The staff API's answers about one part of a plan (GET /api/partnership/plans/:planId/...): shapes the web app reads. */
export interface ProgrammeAnswer {
  plan: Item<PlanData>;
  priority: Item<PriorityData>;
  programme: ProgrammeView;
  today: string;
}
export interface AmbitionAnswer {
  plan: Item<PlanData>;
  ambition: Item<AmbitionData>;
}
export interface RiskRegisterAnswer {
  plan: Item<PlanData>;
  /** Every risk, highest score first; `programme` is absent for risks to the whole plan. */
  risks: Array<RiskView & { programme?: { id: string; name: string } }>;
}
