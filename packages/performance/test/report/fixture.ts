import type { ActionView, Item, MilestoneData, PlanTree, RiskData } from '@footprint/partnership';
import { riskScore } from '@footprint/partnership';
import { findIndicator } from '../../src/indicators/catalogue';
import { indicatorSeries } from '../../src/report/changed';
import type { BoardReportInputs, ScorecardSource } from '../../src/report/types';
import type { IndicatorValue } from '../../src/types';

/** Constructed inputs for a board report of March 2025 (every list given out of order on purpose). */
export const PERIOD = '2025-03';
export const FOOTPRINT = { code: 'E54000008', name: 'Cheshire and Merseyside' };

const months = (from: string, n: number): string[] => {
  const [y, m] = from.split('-').map(Number);
  return Array.from({ length: n }, (_v, i) => {
    const d = new Date(Date.UTC(y!, m! - 1 + i, 1));
    return d.toISOString().slice(0, 7);
  });
};

export function value(indicatorId: string, period: string, v: number, synthetic = false): IndicatorValue {
  return { indicatorId, areaCode: FOOTPRINT.code, areaType: 'footprint', period, breakdown: '', value: v, numerator: null, denominator: null, lower95: null, upper95: null, lower998: null, upper998: null, note: null, synthetic };
}

/** `values` for the months ending at `last`, oldest first. */
export function monthly(indicatorId: string, last: string, values: readonly number[], synthetic = false): IndicatorValue[] {
  const [y, m] = last.split('-').map(Number);
  const first = new Date(Date.UTC(y!, m! - values.length, 1)).toISOString().slice(0, 7);
  return months(first, values.length).map((p, i) => value(indicatorId, p, values[i]!, synthetic));
}

const alternating = (n: number, a: number, b: number) => Array.from({ length: n }, (_v, i) => (i % 2 === 0 ? a : b));

const item = <T>(kind: string, id: string, data: T, parentId: string | null = null): Item<T> => ({
  id,
  kind,
  footprint: FOOTPRINT.code,
  parentId,
  version: 1,
  data,
  deleted: false,
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: { id: 'footprint', name: 'Footprint (seed data)' },
});

const milestone = (id: string, data: MilestoneData) => ({ ...item('milestone', id, data, 'prog-1'), overdue: false });
const risk = (id: string, data: Omit<RiskData, 'status'> & { status?: RiskData['status'] }, parentId = 'prog-1') => {
  const full: RiskData = { status: 'open', ...data };
  return { ...item('risk', id, full, parentId), ...riskScore(full) };
};

export function plan(): Pick<PlanTree, 'plan' | 'priorities' | 'risks'> {
  const programme = {
    ...item('programme', 'prog-1', { name: 'Urgent and emergency care', places: [] }, 'pri-1'),
    placesInScope: [],
    milestones: [
      milestone('m5', { name: 'Open the second urgent treatment centre', due: '2025-05-01', status: 'not-started' }),
      milestone('m2', { name: 'Same-day emergency care seven days a week', due: '2025-03-20', status: 'complete', completed: '2025-03-15' }),
      milestone('m1', { name: 'Virtual wards at 40 beds per 100,000', due: '2025-03-10', status: 'on-track' }),
      milestone('m4', { name: 'Discharge to assess in every place', due: '2025-02-10', status: 'complete', completed: '2025-04-05' }),
      milestone('m3', { name: 'Single point of access for community services', due: '2025-01-31', status: 'delayed' }),
      milestone('m6', { name: 'Falls response service', due: '2024-11-30', status: 'complete', completed: '2024-12-20' }),
    ],
    risks: [
      risk('r1', { title: 'Workforce gaps in urgent care', likelihood: 4, impact: 4, owner: 'Chief People Officer', mitigation: 'International recruitment and rotation.' }),
      risk('r2', { title: 'Winter demand exceeds capacity', likelihood: 5, impact: 4, owner: 'Chief Operating Officer', mitigation: 'Surge plan agreed with every trust.' }),
      risk('r3', { title: 'Closed risk that scored highest', likelihood: 5, impact: 5, owner: 'Director', mitigation: 'Done.', status: 'closed' }),
      risk('r4', { title: 'Digital programme delay', likelihood: 3, impact: 3, owner: 'Chief Digital Officer', mitigation: 'Phased go-live.' }),
    ],
    summary: { milestones: 6, complete: 3, overdue: 0, atRiskOrDelayed: 1, openRisks: 3 },
  };
  return {
    plan: item('plan', 'plan-1', { name: 'Cheshire and Merseyside Health and Care Partnership plan', version: '2021 ambitions', status: 'current' }),
    priorities: [{ ...item('priority', 'pri-1', { name: 'Urgent care', type: 'clinical' }, 'plan-1'), programmes: [programme] }],
    risks: [
      risk('r5', { title: 'Financial deficit across the system', likelihood: 4, impact: 5, owner: 'Chief Finance Officer', mitigation: 'Recovery plan.' }, 'plan-1'),
      risk('r6', { title: 'Partnership agreement not renewed', likelihood: 2, impact: 4, owner: 'Chair', mitigation: 'Early engagement.' }, 'plan-1'),
      risk('r7', { title: 'Data sharing agreement lapses', likelihood: 2, impact: 4, owner: 'Caldicott Guardian', mitigation: 'Renewal scheduled.' }, 'plan-1'),
    ],
  };
}

export function scorecard(): ScorecardSource {
  const cell = {
    latest: { period: PERIOD, value: 90, synthetic: true },
    trajectory: { value: 78 },
    gap: { value: 12, direction: 'better' as const },
    variation: 'improvement_high' as const,
    assurance: 'inconsistent' as const,
    trend: { direction: 'improving', words: 'Improving: rising by 0.8 a month.' },
    status: 'on-track',
    reason: 'Level with or better than the trajectory.',
  };
  return {
    plan: { id: 'plan-1', name: 'Plan', version: '2021 ambitions' },
    period: PERIOD,
    latestPeriod: PERIOD,
    gaps: [
      {
        gap: 'care-and-quality',
        label: 'Care and quality',
        ambitions: [
          { id: 'amb-1', statement: 'Four in five A&E patients seen within four hours', unit: '%', baseline: { value: 71, period: '2023-04' }, target: { value: 78, period: '2025-03' }, illustrative: false, primary: { id: 'ae-four-hour-performance', name: 'A&E four-hour performance' }, footprint: cell },
        ],
      },
    ],
  };
}

const action = (id: string, description: string, meetingDate: string, dueDate: string, status: 'open' | 'in-progress' | 'done'): ActionView => ({
  id,
  version: 1,
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: 'Footprint',
  description,
  dueDate,
  status,
  ...(status === 'done' ? { completedOn: dueDate } : {}),
  owner: { role: 'Director of Strategy', label: 'Director of Strategy' },
  statusLabel: status === 'done' ? 'Done' : status === 'open' ? 'Open' : 'In progress',
  overdue: false,
  body: { id: 'body-1', name: 'Partnership Board' },
  meeting: { id: `meeting-${meetingDate}`, title: `Partnership Board, ${meetingDate}`, date: meetingDate },
});

export function inputs(overrides: Partial<BoardReportInputs> = {}): BoardReportInputs {
  const ae = findIndicator('ae-four-hour-performance')!;
  const cancer = findIndicator('premature-mortality-cancer-u75')!;
  const rtt = findIndicator('rtt-18-weeks')!;
  const values = [
    // A&E: steady 70/72 for two years, then 90 in March 2025: outside the limits (special cause).
    ...monthly(ae.id, PERIOD, [...alternating(23, 70, 72), 90], true),
    // Cancer mortality: steady, nothing to report.
    ...monthly(cancer.id, PERIOD, alternating(24, 130, 134)),
    // RTT: no value for March (ends in February): not considered.
    ...monthly(rtt.id, '2025-02', alternating(20, 60, 62), true),
  ];
  const bounds = { previous: '2025-02' };
  return {
    period: PERIOD,
    footprint: FOOTPRINT,
    plan: plan(),
    scorecard: scorecard(),
    indicators: [rtt, cancer, ae].map((d) => indicatorSeries(d, values, PERIOD, bounds.previous)),
    ratings: {
      computed: [{ engine: { id: 'oversight', name: 'Oversight segmentation' }, subject: FOOTPRINT.code, rating: { value: '2', rank: 2, label: 'Segment 2' }, score: 1.75, summary: 'Average score 1.75: segment 2.', domains: [], notes: ['Illustrative cut points.'] }],
      published: [{ scheme: 'stp-progress-dashboard', period: '2017-07', rating: '2', ratingLabel: 'Category 2 – Advanced', source: 'NHS England STP progress dashboard, July 2017.', sourceUrl: null }],
    },
    governance: {
      decisions: [
        { id: 'd2', reference: 'PB/25/07', text: 'Approved the winter surge plan.', date: '2025-03-12', status: 'approved', statusLabel: 'Approved', body: { id: 'body-1', name: 'Partnership Board' }, meeting: { id: 'meeting-2025-03-12', title: 'Partnership Board, 12 March 2025', date: '2025-03-12' } },
        { id: 'd1', reference: 'PB/25/03', text: 'Noted the February finance report.', date: '2025-02-12', status: 'noted', statusLabel: 'Noted', body: { id: 'body-1', name: 'Partnership Board' }, meeting: { id: 'meeting-2025-02-12', title: 'Partnership Board, 12 February 2025', date: '2025-02-12' } },
      ],
      actions: [
        action('a3', 'Report on the January pilot', '2025-01-15', '2025-02-20', 'done'),
        action('a2', 'Publish the surge plan on the website', '2025-03-12', '2025-04-30', 'open'),
        action('a1', 'Agree the discharge dashboard with councils', '2025-02-12', '2025-03-20', 'in-progress'),
      ],
    },
    ...overrides,
  };
}
