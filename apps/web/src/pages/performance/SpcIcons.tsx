import type { Assurance, PointType, SpcRule, VariationIcon } from '@footprint/performance';

/**
 * NHS England's Making Data Count icons for a statistical process control chart: the variation
 * icon (what the latest point says) and the assurance icon (whether the process will meet its
 * target). Each is a small SVG with a text alternative and is always shown with its words, so
 * nothing is said by colour or shape alone. Props only: the scorecard and the board report reuse
 * them. Colours from Making Data Count (as NHSRplotthedots uses them): common cause #a6a6a6,
 * improvement #00b0f0, concern #e46c0a, neutral #490092, target #de1b1b.
 */

export const SPC_COLOURS = {
  common: '#a6a6a6',
  improvement: '#00b0f0',
  concern: '#e46c0a',
  neutral: '#490092',
  target: '#de1b1b',
} as const;

/** Darker forms of the colours for text and thin strokes on white (4.5:1 or more). */
export const SPC_TEXT_COLOURS = {
  common: '#4c6272',
  improvement: '#005eb8',
  concern: '#a14b00',
  neutral: '#490092',
  target: '#b51717',
} as const;

const VARIATION_WORDS: Record<VariationIcon, string> = {
  common_cause: 'Common cause variation',
  improvement_high: 'Special cause of improving variation, higher',
  improvement_low: 'Special cause of improving variation, lower',
  concern_high: 'Special cause of concerning variation, higher',
  concern_low: 'Special cause of concerning variation, lower',
  neutral_high: 'Special cause of neutral variation, higher',
  neutral_low: 'Special cause of neutral variation, lower',
};

const ASSURANCE_WORDS: Record<Assurance, string> = {
  consistent_pass: 'Consistently passing the target',
  consistent_fail: 'Consistently failing the target',
  inconsistent: 'Hit and miss: the target may or may not be met',
};

const POINT_TYPE_WORDS: Record<PointType, string> = {
  common_cause: 'Common cause',
  special_cause_improvement: 'Special cause: improvement',
  special_cause_concern: 'Special cause: concern',
  special_cause_neutral_high: 'Special cause: neutral, higher',
  special_cause_neutral_low: 'Special cause: neutral, lower',
};

const RULE_WORDS: Record<SpcRule, string> = {
  outside_limits: 'Outside the process limits',
  trend: 'Trend: points rising or falling in a row',
  two_in_three: 'Two of three points beyond two sigma',
  shift: 'Shift: points in a row on one side of the mean',
};

/** The words for a variation icon, e.g. "Special cause of improving variation, higher". */
export function variationWords(icon: VariationIcon): string {
  return VARIATION_WORDS[icon];
}

/** The words for an assurance icon; null (no target, or neutral) reads "No target to assure against". */
export function assuranceWords(assurance: Assurance | null): string {
  return assurance === null ? 'No target to assure against' : ASSURANCE_WORDS[assurance];
}

/** The words for a point's type, as in the chart's table. */
export function pointTypeWords(pointType: PointType): string {
  return POINT_TYPE_WORDS[pointType];
}

/** The words for the rule that fired on a point, or '' for none. */
export function ruleWords(rule: SpcRule | null): string {
  return rule === null ? '' : RULE_WORDS[rule];
}

/** The colour a point of this type is drawn in. */
export function pointTypeColour(pointType: PointType): string {
  switch (pointType) {
    case 'special_cause_improvement':
      return SPC_COLOURS.improvement;
    case 'special_cause_concern':
      return SPC_COLOURS.concern;
    case 'special_cause_neutral_high':
    case 'special_cause_neutral_low':
      return SPC_COLOURS.neutral;
    case 'common_cause':
      return SPC_COLOURS.common;
  }
}

function variationColour(icon: VariationIcon): string {
  if (icon.startsWith('improvement')) return SPC_COLOURS.improvement;
  if (icon.startsWith('concern')) return SPC_COLOURS.concern;
  if (icon.startsWith('neutral')) return SPC_COLOURS.neutral;
  return SPC_COLOURS.common;
}

/** The seven little dots inside a variation icon: flat for common cause, stepping up or down for special cause. */
function dotsFor(icon: VariationIcon): Array<{ x: number; y: number; special: boolean }> {
  const xs = [9, 13, 17, 21, 25, 29, 33];
  if (icon === 'common_cause') {
    const ys = [22, 19, 23, 20, 22, 19, 21];
    return xs.map((x, i) => ({ x, y: ys[i]!, special: false }));
  }
  const high = icon.endsWith('high');
  const base = [22, 20, 23, 21, 22, 20, 21];
  return xs.map((x, i) => {
    const special = i >= 4;
    const y = special ? (high ? 14 : 28) + (i % 2) : base[i]!;
    return { x, y, special };
  });
}

const ICON_SIZE = 42;

function IconFrame({ colour, title, children, size }: { colour: string; title: string; children: React.ReactNode; size: number }) {
  return (
    <svg width={size} height={size} viewBox={`0 0 ${ICON_SIZE} ${ICON_SIZE}`} role="img" aria-label={title} focusable="false">
      <title>{title}</title>
      <circle cx={21} cy={21} r={19} fill="#ffffff" stroke={colour} strokeWidth={3} />
      {children}
    </svg>
  );
}

/** The Making Data Count variation icon alone (an image with its words as its text alternative). */
export function VariationIconImage({ icon, size = 42 }: { icon: VariationIcon; size?: number }) {
  const colour = variationColour(icon);
  const letter = icon === 'common_cause' ? null : icon.endsWith('high') ? 'H' : 'L';
  const dots = dotsFor(icon);
  return (
    <IconFrame colour={colour} title={variationWords(icon)} size={size}>
      <polyline points={dots.map((d) => `${d.x},${d.y}`).join(' ')} fill="none" stroke={SPC_COLOURS.common} strokeWidth={1} />
      {dots.map((d, i) => (
        <circle key={i} cx={d.x} cy={d.y} r={1.8} fill={d.special ? colour : SPC_COLOURS.common} />
      ))}
      {letter && (
        <text x={21} y={letter === 'H' ? 35 : 12} textAnchor="middle" fontSize={10} fontWeight="bold" fill={colour === SPC_COLOURS.improvement ? SPC_TEXT_COLOURS.improvement : colour}>
          {letter}
        </text>
      )}
    </IconFrame>
  );
}

/** The Making Data Count assurance icon alone: P (passing), F (failing) or ? (hit and miss) over a target line. */
export function AssuranceIconImage({ assurance, size = 42 }: { assurance: Assurance; size?: number }) {
  const colour = assurance === 'consistent_pass' ? SPC_COLOURS.improvement : assurance === 'consistent_fail' ? SPC_COLOURS.concern : SPC_COLOURS.common;
  const textColour = assurance === 'consistent_pass' ? SPC_TEXT_COLOURS.improvement : assurance === 'consistent_fail' ? SPC_TEXT_COLOURS.concern : SPC_TEXT_COLOURS.common;
  const letter = assurance === 'consistent_pass' ? 'P' : assurance === 'consistent_fail' ? 'F' : '?';
  return (
    <IconFrame colour={colour} title={assuranceWords(assurance)} size={size}>
      <line x1={7} x2={35} y1={28} y2={28} stroke={SPC_COLOURS.target} strokeWidth={1.5} strokeDasharray="3 2" />
      <text x={21} y={24} textAnchor="middle" fontSize={16} fontWeight="bold" fill={textColour}>
        {letter}
      </text>
    </IconFrame>
  );
}

const labelStyle: React.CSSProperties = { display: 'inline-flex', alignItems: 'center', gap: '0.5rem', marginRight: '1rem', verticalAlign: 'middle' };

/** The variation icon with its words beside it (the words are the text; the image is decorative then). */
export function VariationIconLabel({ icon, size = 36, testId }: { icon: VariationIcon; size?: number; testId?: string }) {
  return (
    <span style={labelStyle} data-testid={testId ?? 'spc-variation'} data-variation={icon}>
      <span aria-hidden="true" style={{ display: 'inline-flex' }}>
        <VariationIconImage icon={icon} size={size} />
      </span>
      <span className="footprint-spc-words">{variationWords(icon)}</span>
    </span>
  );
}

/** The assurance icon with its words beside it; with no target, the words alone. */
export function AssuranceIconLabel({ assurance, size = 36, testId }: { assurance: Assurance | null; size?: number; testId?: string }) {
  return (
    <span style={labelStyle} data-testid={testId ?? 'spc-assurance'} data-assurance={assurance ?? 'none'}>
      {assurance !== null && (
        <span aria-hidden="true" style={{ display: 'inline-flex' }}>
          <AssuranceIconImage assurance={assurance} size={size} />
        </span>
      )}
      <span className="footprint-spc-words">{assuranceWords(assurance)}</span>
    </span>
  );
}

/** Both icons, side by side, each with its words: the summary every SPC chart, scorecard row and board report uses. */
export function SpcIcons({ variation, assurance, size }: { variation: VariationIcon; assurance: Assurance | null; size?: number }) {
  return (
    <span className="footprint-spc-icons" data-testid="spc-icons">
      <VariationIconLabel icon={variation} size={size} />
      <AssuranceIconLabel assurance={assurance} size={size} />
    </span>
  );
}
