import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type {
  Scorecard,
  ScorecardAmbition,
  ScorecardCell,
} from "@footprint/performance";
import { useApi } from "../../api/useApi";
import { Load } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { PerformanceNav } from "./PerformanceNav";
import {
  CellIcons,
  formatValue,
  GAP_STATEMENTS,
  GapText,
  monthName,
  StatusTag,
  TrendText,
} from "./ScorecardParts";

/** Chooses the footprint or one place (?area=CODE), so every row reads for that area. */
function AreaSwitch({ card, area }: { card: Scorecard; area: string }) {
  const [params, setParams] = useSearchParams();
  const [chosen, setChosen] = useState(area);
  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (chosen === card.footprint.code) next.delete("area");
    else next.set("area", chosen);
    setParams(next);
  }
  return (
    <form onSubmit={submit} data-testid="scorecard-area-form">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="scorecard-area">
          Show the scorecard for
        </label>
        <select
          className="nhsuk-select"
          id="scorecard-area"
          data-testid="scorecard-area"
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
        >
          <option value={card.footprint.code}>
            {card.footprint.name} (the footprint)
          </option>
          {card.places.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>{" "}
        <button
          className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
          type="submit"
        >
          Show
        </button>
      </div>
    </form>
  );
}

const cellOf = (a: ScorecardAmbition, area: string): ScorecardCell =>
  area === a.footprint.area.code
    ? a.footprint
    : (a.places.find((p) => p.area.code === area) ?? a.footprint);

function AmbitionRow({
  ambition: a,
  area,
}: {
  ambition: ScorecardAmbition;
  area: string;
}) {
  const cell = cellOf(a, area);
  return (
    <tbody
      className="nhsuk-table__body"
      data-testid="scorecard-row"
      data-ambition={a.id}
      data-status={cell.status}
    >
      <tr className="nhsuk-table__row">
        <td className="nhsuk-table__cell">
          <Link
            to={`/performance/ambitions/${encodeURIComponent(a.id)}${area !== a.footprint.area.code ? `?area=${encodeURIComponent(area)}` : ""}`}
          >
            {a.statement}
          </Link>
          <br />
          <span className="nhsuk-body-s">
            {a.primary
              ? `Measured by ${a.primary.name}`
              : "No primary indicator"}
            {a.illustrative ? " · illustrative figures" : ""}
          </span>
        </td>
        <td className="nhsuk-table__cell">
          {formatValue(a.baseline.value, a.unit)}
          <br />
          <span className="nhsuk-body-s">{monthName(a.baseline.period)}</span>
        </td>
        <td className="nhsuk-table__cell">
          {cell.trajectory ? formatValue(cell.trajectory.value, a.unit) : "–"}
        </td>
        <td className="nhsuk-table__cell">
          {formatValue(a.target.value, a.unit)}
          <br />
          <span className="nhsuk-body-s">{monthName(a.target.period)}</span>
        </td>
        <td className="nhsuk-table__cell">
          {cell.latest ? formatValue(cell.latest.value, a.unit) : "No data yet"}
          <br />
          <span className="nhsuk-body-s">
            {monthName(cell.latest?.period)}
            {cell.latest?.synthetic ? " · Synthetic" : ""}
          </span>
        </td>
        <td className="nhsuk-table__cell">
          <GapText cell={cell} unit={a.unit} />
        </td>
        <td className="nhsuk-table__cell">
          <CellIcons cell={cell} />
        </td>
        <td className="nhsuk-table__cell">
          <TrendText trend={cell.trend} />
        </td>
        <td className="nhsuk-table__cell">
          <StatusTag status={cell.status} />
        </td>
      </tr>
      <tr className="nhsuk-table__row">
        <td className="nhsuk-table__cell" colSpan={9}>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-0" data-testid="scorecard-reason" style={{ maxWidth: 'none' }}>
            {cell.reason}
          </p>
        </td>
      </tr>
    </tbody>
  );
}

function ScorecardView({ card, area }: { card: Scorecard; area: string }) {
  const areaName =
    area === card.footprint.code
      ? card.footprint.name
      : (card.places.find((p) => p.code === area)?.name ?? card.footprint.name);
  const all = card.gaps.flatMap((g) => g.ambitions.map((a) => cellOf(a, area)));
  const off = all.filter((c) => c.status === "off-track");
  const signal = off.filter(
    (c) => c.variation && c.variation !== "common_cause",
  ).length;
  return (
    <>
      <p className="nhsuk-body-l" data-testid="scorecard-summary">
        {card.plan.name} ({card.plan.version}) for {areaName}
        {card.latestPeriod
          ? `, latest values ${monthName(card.latestPeriod)}`
          : ", no values yet"}
        : {ambitionCount(all.filter((c) => c.status === "on-track").length)} on
        track, {off.length} off track
        {off.length
          ? ` (${signal} of them with a signal of special cause variation, ${off.length - signal} within common cause variation)`
          : ""}
        , {all.filter((c) => c.status === "no-data").length} with no data yet.
      </p>
      <AreaSwitch card={card} area={area} />
      {card.gaps.map((g) => (
        <section
          key={g.gap}
          aria-labelledby={`gap-${g.gap}`}
          data-testid="scorecard-gap-section"
          data-gap={g.gap}
        >
          <h2 id={`gap-${g.gap}`}>{g.label}</h2>
          <p>{GAP_STATEMENTS[g.gap]}</p>
          {g.ambitions.length === 0 ? (
            <p>The plan has no ambitions for this gap.</p>
          ) : (
            <div
              style={{ overflowX: "auto" }}
              tabIndex={0}
              role="region"
              aria-label={`${g.label} ambitions`}
            >
              <table className="nhsuk-table nhsuk-body-s fp-scorecard-table">
                <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
                  {g.label}: each ambition for {areaName}
                </caption>
                <thead className="nhsuk-table__head">
                  <tr>
                    {[
                      "Ambition",
                      "Baseline",
                      "Trajectory now",
                      "Target",
                      "Latest",
                      "Gap to trajectory",
                      "Variation and assurance",
                      "Trend (12 months)",
                      "Status",
                    ].map((h) => (
                      <th key={h} scope="col" className="nhsuk-table__header">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                {g.ambitions.map((a) => (
                  <AmbitionRow key={a.id} ambition={a} area={area} />
                ))}
              </table>
            </div>
          )}
        </section>
      ))}
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">
            How the scorecard is worked out
          </span>
        </summary>
        <div className="nhsuk-details__text">
          <dl className="nhsuk-summary-list">
            {Object.entries({
              Trajectory: card.methods.trajectory,
              "Gap to trajectory": card.methods.gap,
              "Variation and assurance": card.methods.spc,
              Trend: card.methods.trend,
              Status: card.methods.status,
            }).map(([k, v]) => (
              <div key={k} className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">{k}</dt>
                <dd className="nhsuk-summary-list__value">{v}</dd>
              </div>
            ))}
          </dl>
        </div>
      </details>
    </>
  );
}

/** "1 ambition", "2 ambitions". */
const ambitionCount = (n: number) => `${n} ambition${n === 1 ? "" : "s"}`;

/** /performance: the plan's scorecard, where the plan is off track and whether that is signal or noise. */
export function ScorecardPage() {
  usePageTitle("The plan's scorecard");
  const [params] = useSearchParams();
  const period = params.get("period");
  const state = useApi<Scorecard>(
    `/performance/scorecard${period ? `?period=${encodeURIComponent(period)}` : ""}`,
  );
  return (
    <>
      <PerformanceNav />
      <h1>The plan's scorecard</h1>
      <Load state={state} what="the scorecard">
        {(card) => (
          <ScorecardView
            card={card}
            area={params.get("area") ?? card.footprint.code}
          />
        )}
      </Load>
    </>
  );
}
