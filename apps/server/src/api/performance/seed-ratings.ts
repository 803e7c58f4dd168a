import type { Platform } from '../../platform';

/** The demo's the published ratings and the demo's maturity self-assessment; idempotent. */
export async function seedRatings(platform: Platform): Promise<void> {
  void platform;
}
