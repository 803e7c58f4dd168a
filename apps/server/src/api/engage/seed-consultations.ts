import type { Platform } from '../../platform';

/** The demo's open consultation (urgent and emergency care), taking responses around the demo's today. */
export const DEMO_OPEN_CONSULTATION_ID = 'urgent-care-near-you';
/** The demo's closed consultation (mental health support), with about 120 synthetic submitted responses. */
export const DEMO_CLOSED_CONSULTATION_ID = 'mental-health-support-2026';

/** The demo's engagement consultations. Idempotent. */
export async function seedConsultations(_platform: Pick<Platform, 'record' | 'sql'>): Promise<void> {}
