import type { Assurance, SpcPointResult, SpcResult, VariationIcon } from '@footprint/performance';
import { describeSpc, formatSpcValue, monthLabel } from '../../performance/SpcChart';
import { AssuranceIconImage, SPC_COLOURS, VariationIconImage, assuranceWords, pointTypeColour, pointTypeWords, variationWords } from '../../performance/SpcIcons';
import type { PublicValue } from './types';

/**
 * A statistical process control chart for the public, drawn as SVG on the server (no script, no
 * inline styles): the values that may be shown, their mean and process limits, and the target;
 * the Making Data Count icons with what they mean in plain words; and a table of the same figures,
 * with hidden months marked and why.
 */

/** What a variation icon means, for someone who has never seen an SPC chart. */
export const VARIATION_MEANING: Record<VariationIcon, string> = {
  common_cause: 'The ups and downs are the usual ones. Nothing has changed more than chance would explain.',
  improvement_high: 'Things have got better: the latest figures are higher than chance would explain, and higher is better.',
  improvement_low: 'Things have got better: the latest figures are lower than chance would explain, and lower is better.',
  concern_high: 'Things have got worse: the latest figures are higher than chance would explain, and higher is worse.',
  concern_low: 'Things have got worse: the latest figures are lower than chance would explain, and lower is worse.',
  neutral_high: 'The figures have gone up by more than chance would explain. Higher is neither better nor worse.',
  neutral_low: 'The figures have gone down by more than chance would explain. Lower is neither better nor worse.',
};

/** What an assurance icon means in plain words. */
export function assuranceMeaning(assurance: Assurance | null): string {
  switch (assurance) {
    case 'consistent_pass':
      return 'If things carry on as they are, we will meet the target every month.';
    case 'consistent_fail':
      return 'If things carry on as they are, we will not meet the target: something needs to change.';
    case 'inconsistent':
      return 'If things carry on as they are, we will meet the target in some months and not in others.';
    case null:
      return 'There is no target to check the figures against.';
  }
}

const WIDTH = 720;
const HEIGHT = 320;
const M = { top: 16, right: 16, bottom: 64, left: 96 };

function ticks(min: number, max: number): number[] {
  const raw = (max - min || 1) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step / 1e6; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

function line(points: SpcPointResult[], pick: (p: SpcPointResult) => number | null, x: (i: number) => number, y: (v: number) => number, byGroup: boolean): string[] {
  const runs: string[][] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    const v = pick(p);
    if (v === null || (byGroup && i > 0 && points[i - 1]!.group !== p.group)) {
      if (run.length) runs.push(run);
      run = [];
    }
    if (v !== null) run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (run.length) runs.push(run);
  return runs.map((r) => r.join(' '));
}

function ChartSvg({ result, unit, labelId }: { result: SpcResult; unit: string; labelId: string }) {
  const points = result.points;
  const all = points.flatMap((p) => [p.value, p.lpl, p.upl, ...(p.target === null ? [] : [p.target])]).filter(Number.isFinite);
  const pad = (Math.max(...all) - Math.min(...all) || 1) * 0.08;
  const t = ticks(Math.min(...all) - pad, Math.max(...all) + pad);
  const [lo, hi] = [Math.min(Math.min(...all) - pad, t[0]!), Math.max(Math.max(...all) + pad, t.at(-1)!)];
  const w = WIDTH - M.left - M.right;
  const h = HEIGHT - M.top - M.bottom;
  const x = (i: number) => M.left + (points.length === 1 ? w / 2 : (i / (points.length - 1)) * w);
  const y = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * h;
  const every = Math.max(1, Math.ceil(points.length / 10));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="fp-spc__svg" role="img" aria-labelledby={labelId} data-testid="public-spc-svg">
      <rect x={M.left} y={M.top} width={w} height={h} fill="#ffffff" stroke="#d8dde0" />
      {t.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={M.left + w} y1={y(v)} y2={y(v)} stroke="#e8edee" />
          <text x={M.left - 8} y={y(v) + 4} textAnchor="end" className="fp-spc__tick">
            {formatSpcValue(v, unit === '%' ? '%' : '', Number.isInteger(v) ? 0 : 1)}
          </text>
        </g>
      ))}
      {points.map((p, i) =>
        i % every === 0 ? (
          <text key={p.date} x={x(i)} y={HEIGHT - M.bottom + 18} textAnchor="end" className="fp-spc__tick" transform={`rotate(-35 ${x(i)} ${HEIGHT - M.bottom + 18})`}>
            {monthLabel(p.date)}
          </text>
        ) : null,
      )}
      {line(points, (p) => p.upl, x, y, true).map((d, k) => <polyline key={`u${k}`} points={d} fill="none" stroke="#4c6272" strokeWidth={1.5} strokeDasharray="6 4" />)}
      {line(points, (p) => p.lpl, x, y, true).map((d, k) => <polyline key={`l${k}`} points={d} fill="none" stroke="#4c6272" strokeWidth={1.5} strokeDasharray="6 4" />)}
      {line(points, (p) => p.mean, x, y, true).map((d, k) => <polyline key={`m${k}`} points={d} fill="none" stroke="#212b32" strokeWidth={1.5} />)}
      {line(points, (p) => p.target, x, y, false).map((d, k) => <polyline key={`t${k}`} points={d} fill="none" stroke={SPC_COLOURS.target} strokeWidth={2} strokeDasharray="2 3" />)}
      <polyline points={points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')} fill="none" stroke={SPC_COLOURS.common} strokeWidth={2} />
      {points.map((p, i) => (
        <circle key={p.date} cx={x(i)} cy={y(p.value)} r={p.pointType === 'common_cause' ? 4 : 5.5} fill={pointTypeColour(p.pointType)} stroke="#212b32" strokeWidth={1} data-point-type={p.pointType} />
      ))}
    </svg>
  );
}

/** The chart's key, in words beside small swatches. */
function Key({ hasTarget }: { hasTarget: boolean }) {
  const items: Array<[string, string]> = [
    ['fp-key--common', 'Usual variation'],
    ['fp-key--improvement', 'Unusual: better'],
    ['fp-key--concern', 'Unusual: worse'],
    ['fp-key--neutral', 'Unusual: neither better nor worse'],
    ['fp-key--mean', 'Average (mean)'],
    ['fp-key--limits', 'Process limits: the usual range'],
  ];
  if (hasTarget) items.push(['fp-key--target', 'Target']);
  return (
    <ul className="nhsuk-list fp-spc__key">
      {items.map(([cls, words]) => (
        <li key={cls}>
          <span className={`fp-key ${cls}`} aria-hidden="true" />
          {words}
        </li>
      ))}
    </ul>
  );
}

/** One indicator's chart, icons explained, and the table of its figures (hidden months marked). */
export function PublicSpc({ id, name, unit, result, series, suppressionWords }: { id: string; name: string; unit: string; result: SpcResult | null; series: PublicValue[]; suppressionWords: string }) {
  const byDate = new Map((result?.points ?? []).map((p) => [p.date.slice(0, 7), p]));
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '' : formatSpcValue(v, unit));
  const captionId = `spc-caption-${id}`;
  const hidden = series.filter((s) => s.suppressed).length;
  return (
    <div className="fp-spc" data-testid="public-spc" data-indicator={id} data-variation={result?.variation ?? 'none'} data-assurance={result?.assurance ?? 'none'}>
      {result && (
        <>
          <dl className="fp-spc__icons" data-testid="spc-icons-explained">
            <div className="fp-spc__icon">
              <dt>
                <span aria-hidden="true">
                  <VariationIconImage icon={result.variation} size={48} />
                </span>
                <span className="fp-spc__icon-name">{variationWords(result.variation)}</span>
              </dt>
              <dd data-testid="variation-meaning">{VARIATION_MEANING[result.variation]}</dd>
            </div>
            <div className="fp-spc__icon">
              <dt>
                {result.assurance !== null && (
                  <span aria-hidden="true">
                    <AssuranceIconImage assurance={result.assurance} size={48} />
                  </span>
                )}
                <span className="fp-spc__icon-name">{assuranceWords(result.assurance)}</span>
              </dt>
              <dd data-testid="assurance-meaning">{assuranceMeaning(result.assurance)}</dd>
            </div>
          </dl>
          <figure className="fp-spc__figure">
            <ChartSvg result={result} unit={unit} labelId={captionId} />
            <figcaption id={captionId} className="nhsuk-body-s">
              {describeSpc(result, unit, name)}
            </figcaption>
          </figure>
          <Key hasTarget={result.points.some((p) => p.target !== null)} />
        </>
      )}
      {hidden > 0 && (
        <p className="nhsuk-body" data-testid="suppressed-note">
          {hidden === series.length ? `All ${hidden} months are hidden.` : `${hidden} month${hidden === 1 ? ' is' : 's are'} not shown.`} {suppressionWords}
        </p>
      )}
      {series.length > hidden && (
        <div className="fp-table-scroll" tabIndex={0} role="region" aria-label={`The figures: ${name}`}>
          <table className="nhsuk-table" data-testid="public-spc-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">The figures: {name}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                {['Month', 'Value', 'Average', 'Usual range', 'Target', 'What it shows'].map((h) => (
                  <th key={h} scope="col" className="nhsuk-table__header">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {series.map((s) => {
                const p = byDate.get(s.period);
                return (
                  <tr key={s.period} className="nhsuk-table__row" data-suppressed={s.suppressed ? 'true' : undefined}>
                    <th scope="row" className="nhsuk-table__cell">
                      {monthLabel(`${s.period}-01`)}
                    </th>
                    <td className="nhsuk-table__cell">{s.suppressed ? 'Hidden (small number)' : s.value === null ? 'No figure' : fmt(s.value)}</td>
                    <td className="nhsuk-table__cell">{fmt(p?.mean)}</td>
                    <td className="nhsuk-table__cell">{p ? `${fmt(p.lpl)} to ${fmt(p.upl)}` : ''}</td>
                    <td className="nhsuk-table__cell">{fmt(p?.target)}</td>
                    <td className="nhsuk-table__cell">{p ? pointTypeWords(p.pointType) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
