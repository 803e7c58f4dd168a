import type { Platform } from '../../platform';

/** The demo's engagement results. Idempotent. */
export async function seedResults(_platform: Pick<Platform, 'record' | 'sql'>): Promise<void> {}
