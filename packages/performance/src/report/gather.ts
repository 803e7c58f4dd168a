import { DECISION, DECISION_STATUSES, GOVERNANCE_BODY, MEETING, labelOf, listPlans, readPlanTree, type Governance, type PartnershipStore } from '@footprint/partnership';
import { INDICATORS } from '../indicators/catalogue';
import type { IndicatorValueStore } from '../indicators/store';
import type { MaturityAssessmentStore, PublishedRatingStore } from '../ratings/store';
import { buildScorecard } from '../scorecard/build';
import type { IndicatorDefinition } from '../types';
import { indicatorSeries } from './changed';
import { BoardReportInputError, byText, checkReportPeriod, longDate, periodBounds } from './period';
import { ratingsAsAt } from './ratings';
import type { BoardReportInputs, DecisionSource } from './types';

/** Where the report's inputs are read from. */
export interface BoardReportSources {
  values: IndicatorValueStore;
  partnership: PartnershipStore;
  /** The footprint's governance (for the action log, with owners' names from the record). */
  governance: Governance;
  /** Published ratings and maturity self-assessments (../ratings). */
  published: PublishedRatingStore;
  assessments: MaturityAssessmentStore;
  /** The footprint, with its places for the scorecard. */
  footprint: { code: string; name: string; places: readonly { code: string; name: string }[] };
  catalogue?: readonly IndicatorDefinition[];
  topRisks?: number;
}

/** The newest month any indicator has a value for (the report's default period), or null with no values. */
export async function latestReportPeriod(values: IndicatorValueStore): Promise<string | null> {
  const latest = [...(await values.latestPeriods()).values()].sort(byText).at(-1);
  return latest ?? null;
}

async function decisionsOf(store: PartnershipStore, footprint: string): Promise<DecisionSource[]> {
  const [bodies, meetings, decisions] = await Promise.all([store.list(GOVERNANCE_BODY, footprint), store.list(MEETING, footprint), store.list(DECISION, footprint)]);
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  return decisions.flatMap((d) => {
    const meeting = meetingById.get(d.parentId ?? '');
    const body = meeting ? bodyById.get(meeting.parentId ?? '') : undefined;
    if (!meeting || !body) return [];
    return [
      {
        id: d.id,
        ...(d.data.reference ? { reference: d.data.reference } : {}),
        text: d.data.text,
        date: d.data.date,
        status: d.data.status,
        statusLabel: labelOf(DECISION_STATUSES, d.data.status),
        body: { id: body.id, name: body.data.name },
        meeting: { id: meeting.id, title: `${body.data.name}, ${longDate(meeting.data.date)}`, date: meeting.data.date },
      },
    ];
  });
}

/**
 * Reads everything the report for `period` is made from: the footprint's current plan (milestones
 * and risks judged as at the day after the period), its scorecard, each catalogue indicator's
 * footprint series with SPC now and a month before, ratings, and the governance log.
 */
export async function gatherBoardReportInputs(sources: BoardReportSources, period: string): Promise<BoardReportInputs> {
  checkReportPeriod(period);
  const bounds = periodBounds(period);
  const footprint = { code: sources.footprint.code, name: sources.footprint.name };
  const plans = await listPlans(sources.partnership, { onsCode: footprint.code, name: footprint.name });
  const plan = plans.current ? await readPlanTree(sources.partnership, plans.current, { footprint: footprint.code, today: bounds.after }) : null;
  const catalogue = sources.catalogue ?? INDICATORS;
  const values = await sources.values.list({ areaCode: footprint.code, breakdown: '', to: period });
  const [scorecard, ratings, decisions, log] = await Promise.all([
    plan ? buildScorecard({ plan, values: sources.values, catalogue, footprint: sources.footprint, period }) : Promise.resolve(null),
    ratingsAsAt({ values: sources.values, published: sources.published, assessments: sources.assessments, footprint }, period),
    decisionsOf(sources.partnership, footprint.code),
    sources.governance.actionLog({}),
  ]);
  return {
    period,
    footprint,
    plan,
    scorecard,
    indicators: catalogue.map((d) => indicatorSeries(d, values, period, bounds.previous)),
    ratings,
    governance: { decisions, actions: log.actions },
    ...(sources.topRisks !== undefined ? { topRisks: sources.topRisks } : {}),
  };
}

/** The period asked for, or the newest with values; a 400-worthy error when there is none at all. */
export async function reportPeriodOrLatest(values: IndicatorValueStore, asked: unknown): Promise<string> {
  if (asked !== undefined && asked !== '') return checkReportPeriod(asked);
  const latest = await latestReportPeriod(values);
  if (!latest) throw new BoardReportInputError('there are no indicator values yet, so there is no latest period: give period=YYYY-MM');
  return latest;
}
