import type { Platform } from '../../platform';

/** The demo's indicator values computed from the warehouse; idempotent. */
export async function seedComputedValues(platform: Platform): Promise<void> {
  void platform;
}
