import { z } from 'zod';
import { text } from '../store/fields';
import { registerItemKinds, type ItemKind } from '../store/kinds';
import { clockTime, flag, itemId, oneOf, optionalPeriod, organisationRef, requiredDate, requiredText, webLink } from './fields';
import { ACTION_STATUSES, BODY_TYPES, DECISION_STATUSES, MEETING_FREQUENCIES, MEETING_STATUSES, MEMBERSHIPS, PAPER_TYPES, AGENDA_PURPOSES } from './vocabulary';

const note = text(1000).optional();
const isoDateOptional = requiredDate.optional();

export const governanceBodySchema = z
  .object({
    name: requiredText(150),
    type: oneOf(BODY_TYPES),
    purpose: requiredText(2000),
    /** Who chairs it, as a role title ("Independent Chair"), never a person's name in the demo. */
    chair: text(150).optional(),
    established: isoDateOptional,
    ended: isoDateOptional,
    meetingFrequency: oneOf(MEETING_FREQUENCIES).optional(),
    note,
  })
  .strict()
  .refine((b) => !b.established || !b.ended || b.established <= b.ended, { message: 'must not be before established', path: ['ended'] });
export type GovernanceBody = z.infer<typeof governanceBodySchema>;

/** A body's terms of reference: an item of its own, so its history is the history of the text alone. */
export const termsOfReferenceSchema = z
  .object({ text: requiredText(20_000), approvedOn: isoDateOptional, reviewDue: isoDateOptional })
  .strict();
export type TermsOfReference = z.infer<typeof termsOfReferenceSchema>;

export const governanceMemberSchema = z
  .object({
    organisation: organisationRef.optional(),
    /** A role title: "Chief Executive", "Director of Public Health". */
    role: text(150).optional(),
    membership: oneOf(MEMBERSHIPS),
    period: optionalPeriod,
    note,
  })
  .strict()
  .refine((m) => m.organisation || m.role, { message: 'give an organisation, a role title or both', path: ['organisation'] });
export type GovernanceMember = z.infer<typeof governanceMemberSchema>;

export const meetingSchema = z
  .object({
    date: requiredDate,
    startTime: clockTime.optional(),
    endTime: clockTime.optional(),
    location: text(200).optional(),
    online: flag,
    onlineLink: webLink.optional(),
    status: oneOf(MEETING_STATUSES),
    public: flag,
    minutes: text(50_000).optional(),
    note,
  })
  .strict()
  .refine((m) => !m.startTime || !m.endTime || m.startTime < m.endTime, { message: 'must be after startTime', path: ['endTime'] })
  .refine((m) => m.online || !m.onlineLink, { message: 'only an online meeting has a link: set online to true', path: ['onlineLink'] })
  .refine((m) => m.status !== 'cancelled' || !m.minutes, { message: 'a cancelled meeting has no minutes', path: ['minutes'] });
export type Meeting = z.infer<typeof meetingSchema>;

export const agendaItemSchema = z
  .object({
    order: z.number({ error: (i) => (i.input === undefined ? 'is required' : 'must be a whole number from 1') }).int({ message: 'must be a whole number from 1' }).min(1, { message: 'must be a whole number from 1' }).max(999, { message: 'must be at most 999' }),
    title: requiredText(200),
    purpose: oneOf(AGENDA_PURPOSES).optional(),
    /** Who presents it, as a role title. */
    presenter: text(150).optional(),
    /** Papers of the same meeting this item takes (meeting-paper ids). */
    paperIds: z.array(itemId).max(50, { message: 'at most 50 papers' }).default([]),
  })
  .strict();
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** An uploaded document as a paper refers to it (checked against partnership_governance_document when written). */
const documentRef = z
  .object({ id: itemId, name: z.string().max(200), contentType: z.string().max(120), size: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
  .strict();

export const meetingPaperSchema = z
  .object({
    title: requiredText(200),
    type: oneOf(PAPER_TYPES),
    /** Where the document is: a link to the published paper, or a file uploaded to Footprint (documents.ts). */
    link: webLink.optional(),
    file: documentRef.optional(),
    author: text(150).optional(),
    note,
  })
  .strict()
  .refine((p) => (p.link ? !p.file : !!p.file), { message: 'give either a link or an uploaded file, not both', path: ['link'] });
export type MeetingPaper = z.infer<typeof meetingPaperSchema>;

export const decisionSchema = z
  .object({
    reference: text(30).optional(),
    text: requiredText(4000),
    date: requiredDate,
    status: oneOf(DECISION_STATUSES),
    /** The agenda item of the same meeting it was taken under. */
    agendaItemId: itemId.optional(),
  })
  .strict();
export type Decision = z.infer<typeof decisionSchema>;

export const actionOwnerSchema = z
  .object({ organisation: organisationRef.optional(), role: text(150).optional(), person: text(150).optional() })
  .strict()
  .refine((o) => o.organisation || o.role || o.person, { message: 'give an organisation, a role or a person', path: ['role'] });

/** An action. Whether it is overdue is never stored: it follows from dueDate, status and today (actions.ts). */
export const actionSchema = z
  .object({
    description: requiredText(2000),
    owner: actionOwnerSchema,
    dueDate: requiredDate,
    status: oneOf(ACTION_STATUSES),
    completedOn: isoDateOptional,
    completionNote: text(2000).optional(),
  })
  .strict()
  .refine((a) => a.status !== 'done' || a.completedOn, { message: 'is required when the action is done', path: ['completedOn'] })
  .refine((a) => !['open', 'in-progress'].includes(a.status) || (!a.completedOn && !a.completionNote), { message: 'must be left out while the action is open or in progress', path: ['completedOn'] });
export type Action = z.infer<typeof actionSchema>;

export const GOVERNANCE_BODY: ItemKind<GovernanceBody> = { kind: 'governance-body', label: 'governance body', schema: governanceBodySchema, title: (d) => d.name };
export const TERMS_OF_REFERENCE: ItemKind<TermsOfReference> = { kind: 'terms-of-reference', label: 'terms of reference', schema: termsOfReferenceSchema, parentKind: 'governance-body', title: (d) => `Terms of reference${d.approvedOn ? `, approved ${d.approvedOn}` : ''}` };
export const GOVERNANCE_MEMBER: ItemKind<GovernanceMember> = { kind: 'governance-member', label: 'governance body member', schema: governanceMemberSchema, parentKind: 'governance-body', title: (d) => d.role ?? d.organisation?.odsCode ?? d.organisation?.id ?? 'Member' };
export const MEETING: ItemKind<Meeting> = { kind: 'meeting', label: 'meeting', schema: meetingSchema, parentKind: 'governance-body', title: (d) => `Meeting of ${d.date}` };
export const AGENDA_ITEM: ItemKind<AgendaItem> = { kind: 'agenda-item', label: 'agenda item', schema: agendaItemSchema as z.ZodType<AgendaItem>, parentKind: 'meeting', title: (d) => `${d.order}. ${d.title}` };
export const MEETING_PAPER: ItemKind<MeetingPaper> = { kind: 'meeting-paper', label: 'meeting paper', schema: meetingPaperSchema, parentKind: 'meeting', title: (d) => d.title };
export const DECISION: ItemKind<Decision> = { kind: 'decision', label: 'decision', schema: decisionSchema, parentKind: 'meeting', title: (d) => `${d.reference ? `${d.reference}: ` : ''}${d.text.slice(0, 80)}` };
export const ACTION: ItemKind<Action> = { kind: 'action', label: 'action', schema: actionSchema as z.ZodType<Action>, parentKind: ['meeting', 'decision'], title: (d) => d.description.slice(0, 80) };

export const GOVERNANCE_KINDS = [GOVERNANCE_BODY, TERMS_OF_REFERENCE, GOVERNANCE_MEMBER, MEETING, AGENDA_ITEM, MEETING_PAPER, DECISION, ACTION] as const;
registerItemKinds(...(GOVERNANCE_KINDS as unknown as ItemKind<never>[]));
