import { PartnershipProblem } from '../errors';
import type { Item } from '../store/items';
import type { ItemKind } from '../store/kinds';
import type { Governance } from './governance';
import { findDocument } from './documents';
import { ACTION, AGENDA_ITEM, DECISION, GOVERNANCE_MEMBER, MEETING_PAPER } from './kinds';

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * Turns what a person sent into the data an item stores, checking what the schema alone cannot:
 * a member's or an action owner's organisation is one of the partnership's (resolved from an id
 * or ODS code to the stored reference); an agenda item's papers and a decision's agenda item are
 * of the same meeting; a new agenda item without `order` goes last. The schema then checks the rest
 * when the store writes. Every refusal is a 400 naming the field.
 */
export async function prepareData(governance: Governance, kind: ItemKind, input: unknown, meetingId: string | undefined, current: Item | undefined): Promise<unknown> {
  if (!isObject(input)) throw new PartnershipProblem(400, `Send the ${kind.label} as a JSON object`, 'The request body must be a JSON object of its fields.');
  const data: Record<string, unknown> = { ...input };
  delete data.ifVersion;
  const footprint = governance.footprint.onsCode;

  if (kind === GOVERNANCE_MEMBER && data.organisation !== undefined && data.organisation !== null && data.organisation !== '') {
    data.organisation = (await governance.register()).resolve(data.organisation, 'organisation', kind.label);
  } else if (kind === GOVERNANCE_MEMBER) delete data.organisation;

  if (kind === ACTION && isObject(data.owner)) {
    const owner = { ...data.owner };
    if (owner.organisation !== undefined && owner.organisation !== null && owner.organisation !== '') owner.organisation = (await governance.register()).resolve(owner.organisation, 'owner.organisation', kind.label);
    else delete owner.organisation;
    for (const key of ['role', 'person'] as const) if (owner[key] === '' || owner[key] === null) delete owner[key];
    data.owner = owner;
  }

  if (kind === AGENDA_ITEM && meetingId) {
    const siblings = await governance.store.list(AGENDA_ITEM, footprint, { parentId: meetingId });
    if (data.order === undefined && !current) data.order = Math.max(0, ...siblings.map((a) => a.data.order)) + 1;
    if (data.paperIds !== undefined) {
      if (!Array.isArray(data.paperIds)) throw new PartnershipProblem(400, `Invalid ${kind.label}`, 'paperIds: must be a list of paper ids');
      const papers = new Set((await governance.store.list(MEETING_PAPER, footprint, { parentId: meetingId })).map((p) => p.id));
      const stranger = data.paperIds.find((id) => typeof id !== 'string' || !papers.has(id));
      if (stranger !== undefined) throw new PartnershipProblem(400, `Invalid ${kind.label}`, `paperIds: ${String(stranger).slice(0, 80)} is not a paper of this meeting`);
    }
  }

  if (kind === MEETING_PAPER && data.file !== undefined && data.file !== null && data.file !== '') {
    const id = typeof data.file === 'string' ? data.file : isObject(data.file) ? String(data.file.id ?? '') : '';
    const document = await findDocument(governance.sql, footprint, id);
    if (!document) throw new PartnershipProblem(400, `Invalid ${kind.label}`, `file: ${id.slice(0, 80) || 'nothing'} is not a document uploaded to this partnership`);
    data.file = document;
  } else if (kind === MEETING_PAPER) delete data.file;

  if (kind === DECISION && meetingId && data.agendaItemId !== undefined && data.agendaItemId !== null && data.agendaItemId !== '') {
    const items = await governance.store.list(AGENDA_ITEM, footprint, { parentId: meetingId });
    if (!items.some((a) => a.id === data.agendaItemId)) throw new PartnershipProblem(400, `Invalid ${kind.label}`, `agendaItemId: ${String(data.agendaItemId).slice(0, 80)} is not an agenda item of this meeting`);
  } else if (kind === DECISION) delete data.agendaItemId;

  // Optional fields sent empty mean "not recorded", as a form leaves them.
  for (const [key, value] of Object.entries(data)) if (value === '' || value === null) delete data[key];
  return data;
}
