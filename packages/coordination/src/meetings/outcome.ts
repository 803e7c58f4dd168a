import { OperationOutcomeError, type CarePlan, type Patient } from '@footprint/fhir';
import { AccessPolicy, dissentingChoice, type AccessContext } from '@footprint/record';
import { CoordinationConflictError, CoordinationInputError, CoordinationNotFoundError } from '../errors';
import { dissentMessage, organisationName, readOrganisation, type CoordinationRecord } from '../referrals/service';
import { outcomeBundle } from './outcome-bundle';
import type { MeetingOutcome } from './outcome-input';
import { meetingOf, type Meeting } from './service';

/** The person's newest active care plan that this user may read, if any. */
async function activeCarePlan(record: CoordinationRecord, ctx: AccessContext, patientId: string): Promise<CarePlan | undefined> {
  if (!new AccessPolicy(ctx).allows('s', 'CarePlan')) return undefined;
  const found = await record.repo.search(ctx, 'CarePlan', [['subject', `Patient/${patientId}`], ['status', 'active'], ['_sort', '-_lastUpdated'], ['_count', '1']]);
  return found.matches[0] as CarePlan | undefined;
}

/** Every other organisation an action goes to must be known, and allowed by the person's sharing choice to read the referral. */
async function checkActionOwners(record: CoordinationRecord, ctx: AccessContext, outcome: MeetingOutcome, host: string): Promise<void> {
  const problems: string[] = [];
  for (const [i, action] of outcome.actions.entries()) {
    if (action.owner === host) continue;
    if (!action.category) problems.push(`actions[${i}].category is required for an action another organisation does: it is a referral`);
    const owner = await readOrganisation(record.repo, ctx, action.owner);
    if (!owner) {
      problems.push(`actions[${i}].owner: no organisation ${action.owner} is known`);
      continue;
    }
    const choice = await dissentingChoice(record.sql, outcome.patientId, action.owner);
    if (choice) throw new CoordinationConflictError(dissentMessage(choice, organisationName(owner, action.owner)), 'The person’s sharing choice stops an action');
  }
  if (problems.length) throw new CoordinationInputError(problems);
}

const locationId = (location: string | undefined): string => (location ?? '').split('/_history')[0];

/**
 * Records what a team meeting decided about one person on its list (docs/coordination.md §3): one
 * transaction through the record's policy, so it is within the host's care relationship with the
 * person, respects their sharing choice and is audited, and either all of it is written or none.
 * The person's place on the list is claimed first, so two people recording at once cannot both
 * succeed; it is released if the record refuses the outcome.
 */
export async function recordMeetingOutcome(record: CoordinationRecord, ctx: AccessContext, meetingId: string, outcome: MeetingOutcome): Promise<Meeting> {
  const meeting = await meetingOf(record, ctx, meetingId);
  const person = meeting.people.find((p) => p.patientId === outcome.patientId);
  if (!person) throw new CoordinationNotFoundError('This person is not on the meeting’s list: add them before recording an outcome');
  if (person.discussedAt) throw new CoordinationConflictError('An outcome for this person has already been recorded at this meeting', 'Outcome already recorded');
  try {
    await record.repo.read<Patient>(ctx, 'Patient', outcome.patientId);
  } catch (err) {
    if (err instanceof OperationOutcomeError && [403, 404, 410].includes(err.status)) throw new CoordinationNotFoundError('No person with that id is in a record your organisation may see');
    throw err;
  }
  await checkActionOwners(record, ctx, outcome, meeting.hostOrganisation);
  const carePlan = outcome.carePlanChange ? await activeCarePlan(record, ctx, outcome.patientId) : undefined;
  const bundle = outcomeBundle({
    meeting,
    outcome,
    attendees: meeting.attendees.map((a) => a.organisation),
    ...(carePlan ? { carePlan } : {}),
    ...(ctx.principal.kind === 'patient' ? {} : { author: ctx.principal.display }),
    now: new Date().toISOString(),
  });

  const listed = person.listedAs ?? person.patientId;
  const claim = await record.sql.query('UPDATE coordination_meeting_person SET discussed_at = now() WHERE meeting_id = $1 AND patient_id = $2 AND discussed_at IS NULL', [meetingId, listed]);
  if (claim.rowCount === 0) throw new CoordinationConflictError('An outcome for this person has already been recorded at this meeting', 'Outcome already recorded');
  let refs: string[];
  try {
    const answer = await record.repo.processBundle(ctx, bundle);
    refs = (answer.entry ?? []).map((e) => locationId(e.response?.location)).filter(Boolean);
  } catch (err) {
    await record.sql.query('UPDATE coordination_meeting_person SET discussed_at = NULL WHERE meeting_id = $1 AND patient_id = $2', [meetingId, listed]);
    if (err instanceof OperationOutcomeError && err.status === 403 && carePlan)
      throw new CoordinationConflictError('Your organisation may not change this person’s care plan: it is not in their care team. Nothing has been recorded; record the outcome without a care plan change, or ask the care team to add your organisation.', 'The care plan is not yours to change');
    if (err instanceof OperationOutcomeError && err.status === 412)
      throw new CoordinationConflictError('Someone changed this person’s care plan while the outcome was being recorded. Nothing has been recorded; try again.', 'Changed by someone else');
    throw err;
  }
  await record.sql.query('UPDATE coordination_meeting_person SET outcome_refs = $3 WHERE meeting_id = $1 AND patient_id = $2', [meetingId, listed, refs]);
  await record.sql.query('UPDATE coordination_meeting SET version = version + 1 WHERE id = $1', [meetingId]);
  return meetingOf(record, ctx, meetingId);
}

/** Marks a meeting as held: its list is closed, and outcomes for the people on it may still be recorded. */
export async function markMeetingHeld(record: CoordinationRecord, ctx: AccessContext, meetingId: string): Promise<Meeting> {
  const meeting = await meetingOf(record, ctx, meetingId);
  if (meeting.status === 'held') throw new CoordinationConflictError('This meeting is already marked as held', 'Already held');
  await record.sql.query("UPDATE coordination_meeting SET status = 'held', version = version + 1 WHERE id = $1 AND status = 'planned'", [meetingId]);
  return meetingOf(record, ctx, meetingId);
}
