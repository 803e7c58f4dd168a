import type { CohortEngine } from '@footprint/cohort';
import type { Breakdown } from '../breakdowns';
import { runFigure, type AnyFigure } from '../figure';
import type { InsightOptions } from '../options';
import { caseFindingFigure } from './case-finding-counts';
import { registerPrevalenceFigure } from './prevalence';
import { deprivationFigure, populationPyramidFigure } from './profile';
import { ageStandardisedRatesFigure, slopeIndexOfInequalityFigure } from './rates';
import { registerProfileFigure } from './register-profile';
import { trendFigure } from './trend';

/** Every figure insight can compute: adding one is one entry here and one value beside them. */
export const FIGURES: readonly AnyFigure[] = [
  registerPrevalenceFigure,
  registerProfileFigure,
  ageStandardisedRatesFigure,
  slopeIndexOfInequalityFigure,
  caseFindingFigure,
  trendFigure,
  populationPyramidFigure,
  deprivationFigure,
];

/** A figure as the catalogue lists it. */
export interface FigureSummary {
  id: string;
  name: string;
  description: string;
  breakdowns: Breakdown[];
  disclosure: 'counts' | 'statistic';
}

/** The catalogue of figures (ids, names, breakdowns), for the API and the indicator catalogue. */
export function listFigures(): FigureSummary[] {
  return FIGURES.map((f) => ({ id: f.id, name: f.name, description: f.description, breakdowns: [...f.breakdowns], disclosure: f.disclosure.kind }));
}

/**
 * Runs every figure's warm parameters into the per-build cache (in the background after the server
 * starts or a warehouse build), so the first visit to a page is answered from memory. Stops early
 * when `stop()` says so (the server is closing). Returns how many figures ran and how long it took.
 */
export async function warmFigures(wh: CohortEngine, options: InsightOptions & { stop?: () => boolean } = {}): Promise<{ figures: number; seconds: number }> {
  const started = performance.now();
  let figures = 0;
  for (const figure of FIGURES) {
    for (const params of figure.warm) {
      if (options.stop?.()) return { figures, seconds: (performance.now() - started) / 1000 };
      await runFigure(wh, figure, { ...(params as object), on: options.on, disclosure: options.disclosure });
      figures++;
    }
  }
  return { figures, seconds: (performance.now() - started) / 1000 };
}
