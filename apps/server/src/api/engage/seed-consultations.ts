import type { Platform } from '../../platform';

/** The demo's engagement consultations. Idempotent. */
export async function seedConsultations(_platform: Pick<Platform, 'record' | 'sql'>): Promise<void> {}
