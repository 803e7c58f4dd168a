import type { Platform } from '../../platform';

/**
 * The demo's system performance: indicator values computed from the warehouse, the synthetic
 * national series (labelled synthetic), and the published ratings. Idempotent; `footprint demo`
 * and the browser tests call it after the partnership demo is seeded. Each part adds its step.
 */
export async function seedPerformanceDemo(platform: Platform): Promise<void> {
  void platform;
}
