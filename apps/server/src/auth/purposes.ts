import type { PurposeOfUse } from '@footprint/record';

/** The purposes of use (HL7 v3 ActReason) a client may be registered with and a token may carry; anything else is refused. */
export const KNOWN_PURPOSES: ReadonlySet<string> = new Set<PurposeOfUse>(['TREAT', 'ETREAT', 'HOPERAT', 'PUBHLTH', 'HRESCH', 'SYSADMIN']);

export function isKnownPurpose(value: unknown): value is PurposeOfUse {
  return typeof value === 'string' && KNOWN_PURPOSES.has(value);
}
