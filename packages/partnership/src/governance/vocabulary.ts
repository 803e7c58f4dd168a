/** The words governance items are coded with, each with what people call it. */

export const BODY_TYPES = [
  { code: 'partnership-board', label: 'Partnership board' },
  { code: 'partnership-assembly', label: 'Partnership assembly' },
  { code: 'commissioning-forum', label: 'Collaborative commissioning forum' },
  { code: 'clinical-network', label: 'Clinical and professional network' },
  { code: 'committee', label: 'Committee' },
  { code: 'other', label: 'Other' },
] as const;

export const MEETING_FREQUENCIES = [
  { code: 'monthly', label: 'Monthly' },
  { code: 'bi-monthly', label: 'Every two months' },
  { code: 'quarterly', label: 'Quarterly' },
  { code: 'twice-yearly', label: 'Twice a year' },
  { code: 'annually', label: 'Once a year' },
  { code: 'as-required', label: 'As required' },
] as const;

export const MEMBERSHIPS = [
  { code: 'voting', label: 'Voting member' },
  { code: 'attending', label: 'In attendance' },
] as const;

export const MEETING_STATUSES = [
  { code: 'planned', label: 'Planned' },
  { code: 'held', label: 'Held' },
  { code: 'cancelled', label: 'Cancelled' },
] as const;

export const AGENDA_PURPOSES = [
  { code: 'decision', label: 'For decision' },
  { code: 'discussion', label: 'For discussion' },
  { code: 'assurance', label: 'For assurance' },
  { code: 'information', label: 'For information' },
] as const;

export const PAPER_TYPES = [
  { code: 'report', label: 'Report' },
  { code: 'minutes', label: 'Minutes' },
  { code: 'terms-of-reference', label: 'Terms of reference' },
  { code: 'business-case', label: 'Business case' },
  { code: 'presentation', label: 'Presentation' },
  { code: 'briefing', label: 'Briefing' },
  { code: 'other', label: 'Other' },
] as const;

export const DECISION_STATUSES = [
  { code: 'approved', label: 'Approved' },
  { code: 'deferred', label: 'Deferred' },
  { code: 'rejected', label: 'Rejected' },
  { code: 'noted', label: 'Noted' },
] as const;

export const ACTION_STATUSES = [
  { code: 'open', label: 'Open' },
  { code: 'in-progress', label: 'In progress' },
  { code: 'done', label: 'Done' },
  { code: 'cancelled', label: 'Cancelled' },
] as const;

export type ActionStatus = (typeof ACTION_STATUSES)[number]['code'];
