import { DEFAULT_BREAK_GLASS_HOURS } from '@footprint/record';

/** How long a break-glass grant lasts: FOOTPRINT_BREAK_GLASS_HOURS (more than 0, at most 24), default 4. */
export function breakGlassHours(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env.FOOTPRINT_BREAK_GLASS_HOURS;
  if (configured === undefined || configured.trim() === '') return DEFAULT_BREAK_GLASS_HOURS;
  const hours = Number(configured);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24) throw new Error(`FOOTPRINT_BREAK_GLASS_HOURS must be a number of hours above 0 and at most 24, not "${configured}"`);
  return hours;
}
