/**
 * The points of a rate funnel plot, as PHEindicatormethods' calculate_funnel_points (R/Funnels.R,
 * 2.x): each record's rate to chart and the one-year denominator it is plotted at. For DSRs,
 * records with fewer than 10 events are not charted (both null). For crude rates the denominator
 * is derived from the rate (multiplier × events / rate), or, for a record with 0 events, taken
 * from the denominator given; both are divided by the years of data.
 */

export interface FunnelPlotPointInput {
  numerator: number;
  rate: number | null;
  /** Needed where numerator is 0 (crude rates). */
  denominator?: number | null;
}

export interface FunnelPlotPoint {
  rateChart: number | null;
  denominatorDerived: number | null;
}

export interface FunnelPlotPointOptions {
  rateType: 'dsr' | 'crude';
  yearsOfData: number;
  multiplier: number;
}

export function funnelPlotPoints(data: readonly FunnelPlotPointInput[], { rateType, yearsOfData, multiplier }: FunnelPlotPointOptions): FunnelPlotPoint[] {
  if (!(yearsOfData > 0)) throw new RangeError('years of data must be above 0');
  if (!(multiplier > 0)) throw new RangeError('the multiplier must be above 0');
  if (rateType !== 'dsr' && rateType !== 'crude') throw new RangeError(`the rate type must be dsr or crude (got ${JSON.stringify(rateType)})`);
  for (const row of data) {
    if (!(row.numerator >= 0)) throw new RangeError('numerators must be 0 or more');
    if (row.numerator === 0 && !(typeof row.denominator === 'number' && row.denominator > 0)) {
      throw new RangeError('for rates, where there are 0 events for a record, the denominator must be provided');
    }
  }
  return data.map((row) => {
    const derived = row.rate === null ? null : (multiplier * row.numerator) / row.rate / yearsOfData;
    if (rateType === 'dsr') return row.numerator < 10 ? { rateChart: null, denominatorDerived: null } : { rateChart: row.rate, denominatorDerived: derived };
    return { rateChart: row.rate, denominatorDerived: row.numerator === 0 ? (row.denominator as number) / yearsOfData : derived };
  });
}
