import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * Charts drawn with recharts in NHS identity colours. Each chart is decorative for assistive
 * technology (aria-hidden): the same figures are always in a table beside it.
 */
export const NHS_COLOURS = ['#005eb8', '#00a499', '#330072', '#ffb81c', '#003087', '#ae2573', '#4c6272', '#78be20'];

const axisTick = { fill: '#212b32', fontSize: 14 };

const thousands = (value: unknown) => Number(value).toLocaleString('en-GB');

/** A round step (1, 2 or 5 times a power of ten) at least as big as `value`. */
function niceStep(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= value) ?? 10 * power;
}

function ChartFrame({ label, tall, children }: { label: string; tall?: boolean; children: React.ReactElement }) {
  return (
    <div className={`footprint-chart${tall ? ' footprint-chart--tall' : ''}`} aria-hidden="true" data-chart={label}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** A bar per group (suppressed groups have no bar); long group names get horizontal bars so they stay readable. */
export function BarFigure({ label, data, valueName }: { label: string; data: Array<{ label: string; value: number | null }>; valueName: string }) {
  const longest = Math.max(0, ...data.map((d) => d.label.length));
  if (longest > 14) {
    return (
      <div className="footprint-chart" aria-hidden="true" data-chart={label} style={{ height: Math.max(160, 48 + data.length * 36) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tick={axisTick} tickFormatter={thousands} />
            <YAxis type="category" dataKey="label" tick={axisTick} width={Math.min(320, 8 * longest)} interval={0} />
            <Tooltip />
            <Bar dataKey="value" name={valueName} fill={NHS_COLOURS[0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    );
  }
  return (
    <ChartFrame label={label}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axisTick} interval={0} angle={data.length > 8 ? -35 : 0} textAnchor={data.length > 8 ? 'end' : 'middle'} height={data.length > 8 ? 80 : 30} />
        <YAxis tick={axisTick} tickFormatter={thousands} />
        <Tooltip />
        <Bar dataKey="value" name={valueName} fill={NHS_COLOURS[0]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

/** A population pyramid: males to the left, females to the right, youngest at the bottom. */
export function PyramidChart({ data }: { data: Array<{ age_band: string; male: number | null; female: number | null }> }) {
  const rows = [...data].reverse().map((d) => ({ age_band: d.age_band, male: d.male === null ? null : -d.male, female: d.female }));
  const largest = Math.max(1, ...data.flatMap((d) => [d.male ?? 0, d.female ?? 0]));
  const step = niceStep(largest / 2);
  const max = step * Math.ceil(largest / step);
  const ticks = [-max, -max / 2, 0, max / 2, max];
  const format = (v: number) => Math.abs(v).toLocaleString('en-GB');
  return (
    <ChartFrame label="Population pyramid" tall>
      <BarChart data={rows} layout="vertical" stackOffset="sign" barCategoryGap={1} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[-max, max]} ticks={ticks} tickFormatter={format} tick={axisTick} />
        <YAxis type="category" dataKey="age_band" tick={axisTick} width={64} />
        <Tooltip formatter={(v) => format(Number(v))} />
        <Legend />
        <Bar dataKey="male" name="Male" stackId="people" fill={NHS_COLOURS[0]} isAnimationActive={false} />
        <Bar dataKey="female" name="Female" stackId="people" fill={NHS_COLOURS[1]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

/** Rates with 95% confidence intervals as error bars (age-standardised rates by group). */
export function RateWithIntervalChart({
  label,
  data,
  valueName,
}: {
  label: string;
  data: Array<{ label: string; value: number | null; lower: number | null; upper: number | null }>;
  valueName: string;
}) {
  const rows = data.map((d) => ({
    label: d.label,
    value: d.value,
    interval: d.value !== null && d.lower !== null && d.upper !== null ? [d.value - d.lower, d.upper - d.value] : [0, 0],
  }));
  return (
    <ChartFrame label={label}>
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 48, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axisTick} interval={0} angle={rows.length > 8 ? -35 : 0} textAnchor={rows.length > 8 ? 'end' : 'middle'} height={rows.length > 8 ? 80 : 30} />
        <YAxis tick={axisTick} tickFormatter={thousands} />
        <Tooltip />
        <Bar dataKey="value" name={valueName} fill={NHS_COLOURS[0]} isAnimationActive={false}>
          <ErrorBar dataKey="interval" width={8} strokeWidth={2} stroke="#212b32" direction="y" isAnimationActive={false} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

/** One line per group over time. */
export function TrendChart({ label, data, series, valueName }: { label: string; data: Array<Record<string, string | number | null>>; series: string[]; valueName: string }) {
  return (
    <ChartFrame label={label}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="period" tick={axisTick} />
        <YAxis tick={axisTick} tickFormatter={thousands} />
        <Tooltip />
        {series.length > 1 && <Legend />}
        {series.map((name, i) => (
          <Line
            key={name}
            type="linear"
            dataKey={name}
            name={series.length > 1 ? name : valueName}
            stroke={NHS_COLOURS[i % NHS_COLOURS.length]}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
