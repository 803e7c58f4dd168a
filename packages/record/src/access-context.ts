/**
 * Who is asking, for whom and why. Every repository call takes one and builds its AccessPolicy
 * (access/policy.ts) from it, the one place access is decided; the filters it derives are
 * compiled into the search SQL (never applied by dropping rows afterwards). Staff contexts come
 * from the staff policy (access/staff-policy.ts). Later issues add care relationships, consent
 * and break-glass to this shape.
 */
export interface AccessContext {
  /** The authenticated principal: a partner system (client id), a staff user, a patient or the system itself. */
  principal: Principal;
  /** The organisation the principal acts for, as a FHIR reference, e.g. `Organization/abc` (absent for the system itself). */
  organisation?: { reference: string; odsCode?: string };
  /** Granted SMART v2 scopes, e.g. `system/*.cruds`, `system/Patient.rs`, `user/Observation.r`. */
  scopes: readonly string[];
  /** Purpose of use (HL7 v3 ActReason): TREAT direct care, HOPERAT operations, PUBHLTH planning, HRESCH research, ETREAT break-glass. */
  purpose: PurposeOfUse;
  /** Request metadata for the audit trail. */
  request?: {
    /** The id the server generated for this request. */
    id?: string;
    sourceIp?: string;
    userAgent?: string;
    /** The client's own X-Request-Id, recorded for correlation only, never as our id. */
    clientRequestId?: string;
  };
}

export type PurposeOfUse = 'TREAT' | 'ETREAT' | 'HOPERAT' | 'PUBHLTH' | 'HRESCH' | 'SYSADMIN';

export type Principal =
  | { kind: 'client'; id: string; display?: string }
  | { kind: 'user'; id: string; display?: string; role: string }
  | { kind: 'patient'; id: string; nhsNumber: string }
  | { kind: 'system'; id: string; display?: string };

/** The platform acting on its own behalf (migrations, imports started from the CLI, warehouse builds). */
export function systemContext(purpose: PurposeOfUse = 'SYSADMIN', id = 'footprint'): AccessContext {
  return { principal: { kind: 'system', id, display: 'Footprint platform' }, scopes: ['system/*.cruds'], purpose };
}
