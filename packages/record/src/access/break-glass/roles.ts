import type { StaffRole } from '../staff-policy';

/** The roles that may break glass: those who give direct care to a person. */
export const BREAK_GLASS_ROLES: readonly StaffRole[] = ['gp_clinician', 'hospital_clinician', 'social_worker'];

/** The default time a break-glass grant lasts (FOOTPRINT_BREAK_GLASS_HOURS configures it in the server). */
export const DEFAULT_BREAK_GLASS_HOURS = 4;
