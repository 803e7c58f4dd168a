import { Outcomes } from './Outcomes';
import { PlainText } from './PlainText';
import type { AmbitionSummary, PublicContent, PublicPlan, ScorecardStatus } from './types';
import { IllustrativeNotice, figure, longDate, monthWords } from './words';

const TAG: Record<ScorecardStatus, string> = { 'on-track': 'nhsuk-tag--green', 'off-track': 'nhsuk-tag--red', 'no-data': 'nhsuk-tag--grey' };

/** An ambition's status as an NHS.UK tag, always in words. */
export function StatusTag({ status, words }: { status: ScorecardStatus; words: string }) {
  return (
    <strong className={`nhsuk-tag ${TAG[status]}`} data-testid="status" data-status={status}>
      {words}
    </strong>
  );
}

/** From where to where, in words: "from 58% in March 2021 to 70% by March 2026". */
export function ambitionGoalWords(a: Pick<AmbitionSummary, 'baseline' | 'target' | 'unit'>): string {
  return `from ${figure(a.baseline.value, a.unit)} in ${monthWords(a.baseline.period)} to ${figure(a.target.value, a.unit)} by ${monthWords(a.target.period)}`;
}

const ambitionHref = (id: string) => `/public/plan/ambitions/${encodeURIComponent(id)}`;

/** The plan in plain words: the summary staff write, the mission, the priorities and the 2021 ambitions. */
export function PlanPage({ view, summary }: { view: PublicPlan; summary: PublicContent | null }) {
  const clinical = view.priorities.filter((p) => p.type === 'clinical');
  const enabling = view.priorities.filter((p) => p.type === 'enabling');
  const illustrative = view.ambitions.some((a) => a.illustrative);
  return (
    <>
      <h1>Our plan</h1>
      <p className="nhsuk-lede-text">
        {view.plan.name}: {view.plan.version}
        {view.plan.published ? `, agreed ${longDate(view.plan.published)}` : ''}.
      </p>
      {view.plan.mission && (
        <div className="nhsuk-inset-text">
          <p>Our mission: {view.plan.mission}</p>
        </div>
      )}
      {summary && (
        <section aria-labelledby="plan-summary" data-testid="plan-summary" data-version={summary.version}>
          <h2 id="plan-summary">{summary.title}</h2>
          {summary.illustrative && <IllustrativeNotice what="This summary" />}
          <PlainText text={summary.body} headingLevel={3} />
          <p className="nhsuk-body-s">
            Version {summary.version}, published {longDate(summary.lastPublishedAt)}. <a href="/public/plan/history">See the summary’s history</a>. There is also an <a href="/public/easy-read">easy read version</a>.
          </p>
        </section>
      )}
      <section aria-labelledby="ambitions-heading" data-testid="plan-ambitions">
        <h2 id="ambitions-heading">Our ambitions</h2>
        <p className="nhsuk-body">In 2021 we set ourselves {view.ambitions.length} ambitions. Each one links to how we are doing.</p>
        {illustrative && (
          <div className="nhsuk-inset-text">
            <p>The ambitions are the partnership’s own words. The figures (where we started and what we aim for) are illustrative: the published ambitions set no figures, so the demonstration uses plausible ones.</p>
          </div>
        )}
        <ol className="nhsuk-list fp-ambitions">
          {view.ambitions.map((a) => (
            <li key={a.id} className="fp-ambitions__item" data-testid="plan-ambition">
              <h3 className="nhsuk-heading-s">
                <a href={ambitionHref(a.id)}>{a.statement}</a>
              </h3>
              <p className="nhsuk-body">
                We measure it by: {a.measure.charAt(0).toLowerCase() + a.measure.slice(1)}, {ambitionGoalWords(a)}.
              </p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="priorities-heading" data-testid="plan-priorities">
        <h2 id="priorities-heading">Our priorities</h2>
        <p className="nhsuk-body">The work is organised as priorities. Some are about care for particular conditions or people; others are the things that make all of it possible.</p>
        {[
          ['Care for people', clinical] as const,
          ['What makes it possible', enabling] as const,
        ].map(([label, list]) =>
          list.length ? (
            <div key={label}>
              <h3>{label}</h3>
              <ul className="nhsuk-list nhsuk-list--bullet">
                {list.map((p) => (
                  <li key={p.id}>
                    <strong>{p.name}</strong>
                    {p.description ? `: ${p.description}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          ) : null,
        )}
      </section>
      <Outcomes outcomes={view.outcomes} about="our priorities" />
    </>
  );
}

/** Progress on each ambition in words: its status and why, linking to the ambition's page. */
export function ProgressPage({ view }: { view: PublicPlan }) {
  return (
    <>
      <h1>How we are doing</h1>
      <p className="nhsuk-lede-text">Progress on each of our {view.ambitions.length} ambitions, measured against the path we planned from where we started to where we aim to be.</p>
      <div className="nhsuk-inset-text">
        <p>
          We publish only figures that cannot identify anyone. {view.suppressionWords} Where the main measure is not one we publish, we say so.
        </p>
      </div>
      <ul className="nhsuk-list fp-progress" data-testid="progress-list">
        {view.ambitions.map((a) => (
          <li key={a.id} className="fp-progress__item" data-testid="progress-ambition" data-ambition={a.id}>
            <h2 className="nhsuk-heading-m">
              <a href={ambitionHref(a.id)}>{a.statement}</a>
            </h2>
            <p className="nhsuk-body">
              <StatusTag status={a.status} words={a.statusWords} /> <span className="nhsuk-body-s">{a.gapLabel}</span>
            </p>
            <p className="nhsuk-body" data-testid="progress-reason">
              {a.reason}
            </p>
            {a.illustrative && <p className="nhsuk-body-s">The figures for this ambition are illustrative.</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
