import type { Bundle, BundleEntry, CarePlan, Coding, Communication, Resource, Task } from '@footprint/fhir';
import { referralBundle } from '../referrals/shape';
import type { MeetingOutcome } from './outcome-input';

/** Marks everything a team meeting wrote to a record: `meta.tag` with this system and the meeting's id as its code. */
export const MDT_MEETING_TAG_SYSTEM = 'https://fhir.footprint.example/CodeSystem/mdt-meeting';

export interface OutcomeFacts {
  meeting: { id: string; title: string; heldOn: string; hostOrganisation: string };
  outcome: MeetingOutcome;
  /** The organisations attending, who receive the Communication. */
  attendees: string[];
  /** The person's active care plan, when there is one and the meeting changes it. */
  carePlan?: CarePlan;
  author?: string;
  now: string;
}

const tagged = <T extends Resource>(resource: T, tag: Coding): T => ({
  ...resource,
  meta: { ...resource.meta, tag: [...(resource.meta?.tag ?? []).filter((t) => !(t.system === tag.system && t.code === tag.code)), tag] },
});

/** A Task for an action the host organisation does itself: it both asks and owns. */
function ownTask(facts: OutcomeFacts, description: string, dueDate: string | undefined): Task {
  const { meeting, outcome, now } = facts;
  return {
    resourceType: 'Task',
    status: 'requested',
    intent: 'order',
    priority: 'routine',
    for: { reference: `Patient/${outcome.patientId}` },
    authoredOn: now,
    lastModified: now,
    requester: { reference: meeting.hostOrganisation },
    owner: { reference: meeting.hostOrganisation },
    description,
    ...(dueDate ? { restriction: { period: { end: dueDate } } } : {}),
  };
}

/**
 * The one transaction Bundle that writes a meeting's outcome for one person to their record: a
 * Communication (what was discussed and decided, to the attending organisations), a Task for each
 * action the host does, a referral (ServiceRequest and tracking Task) for each action another
 * organisation does, and, when the meeting changes the care plan, the plan with a note and an
 * activity for each action (created when the person has no active plan). Everything carries the
 * meeting's tag, so the timeline can say which meeting it came from.
 */
export function outcomeBundle(facts: OutcomeFacts): Bundle {
  const { meeting, outcome, now } = facts;
  const tag: Coding = { system: MDT_MEETING_TAG_SYSTEM, code: meeting.id, display: `${meeting.title} (${meeting.heldOn})` };
  const entries: BundleEntry[] = [];
  const actionRefs: string[] = [];
  outcome.actions.forEach((action) => {
    if (action.owner === meeting.hostOrganisation) {
      const fullUrl = 'urn:uuid:' + crypto.randomUUID();
      entries.push({ fullUrl, resource: tagged(ownTask(facts, action.description, action.dueDate), tag), request: { method: 'POST', url: 'Task' } });
      actionRefs.push(fullUrl);
      return;
    }
    const referral = referralBundle({
      patientId: outcome.patientId,
      from: meeting.hostOrganisation,
      to: action.owner,
      category: action.category ?? 'other',
      reason: action.description,
      ...(action.dueDate ? { dueDate: action.dueDate } : {}),
      authoredOn: now,
    });
    for (const entry of referral.entry ?? []) {
      const fullUrl = entry.fullUrl ?? 'urn:uuid:' + crypto.randomUUID();
      entries.push({ ...entry, fullUrl, resource: tagged(entry.resource!, tag) });
      if (entry.resource?.resourceType === 'Task') actionRefs.push(fullUrl);
    }
  });
  const communication: Communication = {
    resourceType: 'Communication',
    status: 'completed',
    subject: { reference: `Patient/${outcome.patientId}` },
    topic: { text: `Team meeting: ${meeting.title}` },
    sent: now,
    sender: { reference: meeting.hostOrganisation },
    recipient: [...new Set(facts.attendees)].filter((o) => o !== meeting.hostOrganisation).map((reference) => ({ reference })),
    payload: [{ contentString: outcome.summary }, ...(outcome.carePlanChange ? [{ contentString: `Care plan change: ${outcome.carePlanChange}` }] : [])],
    ...(actionRefs.length ? { about: actionRefs.map((reference) => ({ reference })) } : {}),
  };
  entries.unshift({ fullUrl: 'urn:uuid:' + crypto.randomUUID(), resource: tagged(communication, tag), request: { method: 'POST', url: 'Communication' } });
  if (outcome.carePlanChange) entries.push(carePlanEntry(facts, actionRefs, tag));
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}

/** The care plan as the meeting leaves it: a note saying what changed, and an activity for each action. */
function carePlanEntry(facts: OutcomeFacts, actionRefs: string[], tag: Coding): BundleEntry {
  const { outcome, now, carePlan } = facts;
  const note = { text: outcome.carePlanChange!, time: now, ...(facts.author ? { authorString: facts.author } : {}) };
  const activity = actionRefs.map((reference) => ({ reference: { reference } }));
  if (carePlan?.id) {
    const next: CarePlan = { ...carePlan, note: [...(carePlan.note ?? []), note], activity: [...(carePlan.activity ?? []), ...activity] };
    return { resource: tagged(next, tag), request: { method: 'PUT', url: `CarePlan/${carePlan.id}`, ...(carePlan.meta?.versionId ? { ifMatch: `W/"${carePlan.meta.versionId}"` } : {}) } };
  }
  const created: CarePlan = {
    resourceType: 'CarePlan',
    status: 'active',
    intent: 'plan',
    title: 'Care plan',
    subject: { reference: `Patient/${outcome.patientId}` },
    created: now,
    author: { reference: facts.meeting.hostOrganisation },
    note: [note],
    ...(activity.length ? { activity } : {}),
  };
  return { fullUrl: 'urn:uuid:' + crypto.randomUUID(), resource: tagged(created, tag), request: { method: 'POST', url: 'CarePlan' } };
}
