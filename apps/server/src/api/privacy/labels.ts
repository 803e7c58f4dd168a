/**
 * The words the privacy officer's pages use for audit codes: purposes of use (HL7 v3 ActReason,
 * as the record writes them), the FHIR RESTful interactions and Footprint's own operations, and
 * AuditEvent outcomes (http://hl7.org/fhir/audit-event-outcome).
 */
export const PURPOSES: ReadonlyArray<{ code: string; label: string }> = [
  { code: 'TREAT', label: 'Direct care' },
  { code: 'ETREAT', label: 'Emergency access (break-glass)' },
  { code: 'HOPERAT', label: 'Running the service' },
  { code: 'PUBHLTH', label: 'Planning services' },
  { code: 'HRESCH', label: 'Research' },
  { code: 'SYSADMIN', label: 'System administration' },
];

export const INTERACTIONS: Readonly<Record<string, string>> = {
  read: 'Viewed an entry',
  vread: 'Viewed an earlier version',
  'search-type': 'Searched',
  'history-instance': 'Viewed the history of an entry',
  'history-type': 'Viewed the history of entries',
  'history-system': 'Viewed the history of the record',
  create: 'Added an entry',
  update: 'Changed an entry',
  delete: 'Removed an entry',
  operation: 'Ran an operation',
  batch: 'Sent a set of changes',
  changes: 'Read the changes feed',
};

export const OUTCOMES: Readonly<Record<string, string>> = {
  '0': 'Allowed',
  '4': 'Refused or failed (request)',
  '8': 'Failed (server)',
  '12': 'Failed (major)',
};

export function purposeLabel(code: string): string {
  return PURPOSES.find((p) => p.code === code)?.label ?? code;
}
