/**
 * The codes of PARTNERSHIP_ROLE_SYSTEM (systems.ts): the role an organisation holds in a
 * partnership (the first group, by what it is) or in an alliance or integrated care partnership
 * within it (`member`, `lead-provider`). Here, beside the system, so the generator that writes
 * them and the partnership that reads them share one list.
 */
export const PARTNERSHIP_ROLES = [
  { code: 'nhs-commissioner', label: 'NHS commissioner' },
  { code: 'nhs-provider', label: 'NHS provider' },
  { code: 'local-authority', label: 'Local authority' },
  { code: 'primary-care-network', label: 'Primary care network' },
  { code: 'gp-practice', label: 'GP practice' },
  { code: 'vcse', label: 'Voluntary, community and social enterprise' },
  { code: 'provider-alliance', label: 'Provider alliance' },
  { code: 'integrated-care-partnership', label: 'Integrated care partnership' },
  { code: 'partnership-body', label: 'Partnership body' },
  { code: 'member', label: 'Member' },
  { code: 'lead-provider', label: 'Lead provider' },
] as const;

export type PartnershipRoleCode = (typeof PARTNERSHIP_ROLES)[number]['code'];
