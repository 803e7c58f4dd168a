import type { Encounter, Task } from '@footprint/fhir';
import { referralBundle, type ReferralCategory } from '@footprint/coordination';
import { systemContext, type AccessContext } from '@footprint/record';
import { findStaffUser } from '../auth/users';
import type { Platform } from '../../platform';

const day = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
const instant = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();

/** The platform acting for one organisation, so what it writes is stamped as that organisation's. */
const actingFor = (organisation: string): AccessContext => ({ ...systemContext('SYSADMIN', 'footprint-demo'), organisation: { reference: organisation } });

interface DemoReferral {
  from: 'practice' | 'hospital';
  to: 'council';
  category: ReferralCategory;
  reason: string;
  askedDaysAgo: number;
  dueInDays?: number;
  priority?: 'urgent';
  /** What the receiver has done so far, in order. */
  steps: Array<{ status: Task['status']; note?: string; reason?: string }>;
}

/** Open and finished referrals between the demo's practice, hospital and council: every state, one overdue. Synthetic. */
const REFERRALS: DemoReferral[] = [
  { from: 'practice', to: 'council', category: 'adult-social-care', reason: 'Two falls at home this month; lives alone and is struggling with stairs. Please assess for a care package.', askedDaysAgo: 3, dueInDays: 11, steps: [] },
  { from: 'practice', to: 'council', category: 'adult-social-care', reason: 'Carer (husband) admitted to hospital; needs respite support at home this week.', askedDaysAgo: 9, dueInDays: -2, priority: 'urgent', steps: [] },
  { from: 'practice', to: 'council', category: 'adult-social-care', reason: 'Assessment for home adaptations: grab rails and a stair lift.', askedDaysAgo: 20, dueInDays: 10, steps: [{ status: 'accepted', note: 'Occupational therapist allocated; visiting next week.' }] },
  { from: 'hospital', to: 'council', category: 'adult-social-care', reason: 'Discharge to assess: medically fit for discharge; needs reablement at home from Monday.', askedDaysAgo: 6, dueInDays: 1, priority: 'urgent', steps: [{ status: 'accepted' }, { status: 'in-progress', note: 'Reablement team starts Monday.' }] },
  { from: 'hospital', to: 'council', category: 'adult-social-care', reason: 'Discharge support: equipment at home (commode, perching stool) before discharge on Friday.', askedDaysAgo: 12, dueInDays: 2, steps: [{ status: 'accepted' }, { status: 'in-progress' }, { status: 'completed', note: 'Equipment delivered and fitted.' }] },
  { from: 'practice', to: 'council', category: 'adult-social-care', reason: 'Request for a blue badge assessment.', askedDaysAgo: 30, steps: [{ status: 'rejected', reason: 'Blue badges are applied for online; we have sent the person the link.' }] },
];

/**
 * The demo's referrals between partners (docs/coordination.md §4): the demo GP's practice, the
 * demo hospital clinician's trust and the demo social worker's council refer a handful of the
 * practice's registered patients to each other, in every state, so each demo user's worklist has
 * work in it. Runs once: does nothing when the record already holds a referral. Returns true when
 * it seeded.
 */
export async function seedCoordinationDemo(platform: Pick<Platform, 'record' | 'sql'>): Promise<boolean> {
  const reader = systemContext('SYSADMIN', 'footprint-demo');
  const existing = await platform.record.search(reader, 'Task', [['code', 'http://hl7.org/fhir/CodeSystem/task-code|fulfill'], ['_summary', 'count']]);
  if ((existing.total ?? 0) > 0) return false;
  const orgOf = async (username: string) => (await findStaffUser(platform.sql, username))?.organisation?.reference;
  const [practice, hospital, council] = [await orgOf('gp.clinician'), await orgOf('hospital.clinician'), await orgOf('social.worker')];
  if (!practice || !hospital || !council) return false;
  const parties = { practice, hospital, council };
  // The practice refers its registered older patients; the hospital those it has seen.
  const registered = (await platform.record.search(reader, 'Patient', [['general-practitioner', practice], ['birthdate', 'le1955-12-31'], ['_count', '10']])).matches.map((p) => p.id!);
  const encounters = (await platform.record.search(reader, 'Encounter', [['service-provider', hospital], ['_count', '50']])).matches as Encounter[];
  const seen = [...new Set(encounters.map((e) => e.subject?.reference?.replace(/^Patient\//, '')).filter((id): id is string => Boolean(id)))];
  const patientsOf = { practice: registered, hospital: seen };
  if (registered.length === 0) return false;
  for (const [i, referral] of REFERRALS.entries()) {
    const candidates = patientsOf[referral.from];
    if (candidates.length === 0) continue;
    const patientId = candidates[i % candidates.length];
    const from = parties[referral.from];
    const to = parties[referral.to];
    const bundle = referralBundle({
      patientId,
      from,
      to,
      category: referral.category,
      reason: referral.reason,
      authoredOn: instant(-referral.askedDaysAgo),
      ...(referral.dueInDays !== undefined ? { dueDate: isoDate(referral.dueInDays) } : {}),
      ...(referral.priority ? { priority: referral.priority } : {}),
    });
    const answer = await platform.record.processBundle(actingFor(from), bundle);
    const taskId = answer.entry![1].response!.location!.split('/')[1];
    let task = await platform.record.read<Task>(reader, 'Task', taskId);
    for (const [n, step] of referral.steps.entries()) {
      const at = instant(-referral.askedDaysAgo + n + 1);
      task = (
        await platform.record.update<Task>(actingFor(to), {
          ...task,
          status: step.status,
          lastModified: at,
          ...(step.reason ? { statusReason: { text: step.reason } } : {}),
          ...(step.note ? { note: [...(task.note ?? []), { text: step.note, time: at, authorString: 'Demo team' }] } : {}),
        })
      ).resource;
    }
  }
  return true;
}
