import type { Platform } from '../../platform';

/** The demo's engagement content. Idempotent. */
export async function seedContent(_platform: Pick<Platform, 'record' | 'sql'>): Promise<void> {}
