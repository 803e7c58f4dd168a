import { addGoalToCarePlan, CARE_PLAN_TEMPLATE_SYSTEM, CARE_PLAN_TEMPLATES, CoordinationNotFoundError, createCarePlan, meetingSuggestions, updateCarePlan, type CarePlanRequest } from '@footprint/coordination';
import type { Patient } from '@footprint/fhir';
import { staffContext, systemContext } from '@footprint/record';
import { findStaffUser } from '../auth/users';
import { readDemoIdentities } from '../../identity/demo-accounts';
import type { Platform } from '../../platform';

const NHS_NUMBER = 'https://fhir.nhs.uk/Id/nhs-number';
/** Plans made from any of the templates. */
const FROM_TEMPLATES = CARE_PLAN_TEMPLATES.map((t) => `${CARE_PLAN_TEMPLATE_SYSTEM}|${t.code}`).join(',');
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's shared care plans (docs/coordination.md §2), made as the demo GP through the record's
 * policy, with the council and the hospital in the care teams: a frailty and anticipatory care plan
 * for the person the frailty meeting discussed (the council's social worker has since started its
 * part), an end of life plan with preferred places and a DNACPR decision for an older patient of
 * the practice, and, when the GP may see them, a frailty plan for the first demo citizen, so that
 * signing in as them shows "Your care plan". Runs once; returns true when it seeded.
 */
export async function seedCarePlansDemo(platform: Pick<Platform, 'record' | 'sql' | 'dataDir'>): Promise<boolean> {
  const existing = await platform.record.search(systemContext('SYSADMIN', 'footprint-demo'), 'CarePlan', [['category', FROM_TEMPLATES], ['_summary', 'count']]);
  if ((existing.total ?? 0) > 0) return false;
  const [gpUser, hospitalUser, socialWorker] = [await findStaffUser(platform.sql, 'gp.clinician'), await findStaffUser(platform.sql, 'hospital.clinician'), await findStaffUser(platform.sql, 'social.worker')];
  const practice = gpUser?.organisation?.reference;
  const council = socialWorker?.organisation?.reference;
  const hospital = hospitalUser?.organisation?.reference;
  if (!gpUser || !practice || !socialWorker || !council) return false;
  const gp = staffContext(gpUser, 'TREAT');
  const record = { repo: platform.record, sql: platform.sql };
  const team = [
    { organisation: practice, name: gpUser.displayName, role: 'GP' },
    { organisation: council, name: socialWorker.displayName, role: 'Social worker' },
    ...(hospital && hospitalUser ? [{ organisation: hospital, name: hospitalUser.displayName, role: 'Consultant geriatrician' }] : []),
  ];
  const frailtyPlan = (patientId: string): CarePlanRequest => ({
    patientId,
    template: 'frailty-anticipatory',
    whatMattersToMe: 'Staying in my own home, and seeing my grandchildren on Sundays',
    contingency: 'After a fall or a sudden change, call the practice in hours and the community response team out of hours, before 999. Medicines list is in the kitchen drawer.',
    reviewOn: isoDate(90),
    team,
    goals: ['To walk to the shops on my own again', 'To have no more falls this winter'],
    activities: [
      { description: 'Structured medication review', owner: practice, ownerName: gpUser.displayName },
      { description: 'Falls risk assessment', owner: hospital ?? practice },
      { description: 'Review of support at home and of the carer’s needs', owner: council, ownerName: socialWorker.displayName },
      { description: 'Agree what to do in a crisis, and who to call', owner: practice, status: 'completed' },
    ],
  });

  const frail = (await meetingSuggestions(record, gp, await anyMeetingId(platform), 'frailty').catch(() => ({ people: [] as Array<{ patientId: string }> }))).people;
  const older = (await platform.record.search(gp, 'Patient', [['general-practitioner', practice], ['birthdate', 'le1961-12-31'], ['_sort', 'birthdate'], ['_count', '10']])).matches as Patient[];
  const first = frail[0]?.patientId ?? older[0]?.id;
  if (!first) return false;
  const plan = await createCarePlan(record, gp, frailtyPlan(first));
  // The council has started its part since: its social worker changes the activity it owns.
  const council_ = staffContext(socialWorker, 'TREAT');
  await updateCarePlan(record, council_, plan.id, {
    version: plan.version,
    activities: plan.activities.map((a) => ({ description: a.description, owner: a.owner, ...(a.ownerName ? { ownerName: a.ownerName } : {}), status: a.owner === council ? 'in-progress' : (a.status as 'not-started') })),
  });

  const dying = older.find((p) => p.id !== first);
  if (dying) {
    await createCarePlan(record, gp, {
      patientId: dying.id!,
      template: 'end-of-life',
      whatMattersToMe: 'Being at home with my family and my dog, and not going back into hospital',
      contingency: 'If in pain or breathless, call the district nurses first; anticipatory medicines are in the house.',
      reviewOn: isoDate(28),
      team: team.slice(0, 2),
      goals: ['To stay at home', 'To be comfortable and without pain'],
      activities: [
        { description: 'Advance care planning conversation', owner: practice, status: 'completed' },
        { description: 'Anticipatory medicines prescribed', owner: practice, status: 'completed' },
        { description: 'Carer support offered', owner: council },
      ],
      endOfLife: { preferredPlaceOfCare: 'Home', preferredPlaceOfDeath: 'Home', resuscitation: { decision: 'do-not-attempt-cpr', date: isoDate(-10), madeBy: `${gpUser.displayName}, GP, with the person and their family` } },
    });
  }
  await planForDemoCitizen(platform, record, gp, frailtyPlan, new Set([first, dying?.id]));
  return true;
}

/** Any of the demo's team meetings, whose frailty worklist names the people to plan for. */
async function anyMeetingId(platform: Pick<Platform, 'sql'>): Promise<string> {
  const { rows } = await platform.sql.query<{ id: string }>('SELECT id FROM coordination_meeting ORDER BY held_on LIMIT 1');
  if (!rows[0]) throw new Error('no meeting');
  return rows[0].id;
}

/** A plan for the first demo citizen, with a goal in their own words, when the demo GP has a care relationship with them. */
async function planForDemoCitizen(
  platform: Pick<Platform, 'record' | 'sql' | 'dataDir'>,
  record: { repo: Platform['record']; sql: Platform['sql'] },
  gp: ReturnType<typeof staffContext>,
  frailtyPlan: (patientId: string) => CarePlanRequest,
  planned: Set<string | undefined>,
): Promise<void> {
  const citizen = (await readDemoIdentities(platform.dataDir))?.citizens.find((c) => c.matchesRecord);
  if (!citizen) return;
  const found = await platform.record.search(systemContext('SYSADMIN', 'footprint-demo'), 'Patient', [['identifier', `${NHS_NUMBER}|${citizen.nhsNumber}`]]);
  const id = found.matches[0]?.id;
  if (!id || planned.has(id)) return;
  const theirs = await platform.record.search(systemContext('SYSADMIN', 'footprint-demo'), 'CarePlan', [['subject', `Patient/${id}`], ['category', FROM_TEMPLATES], ['_summary', 'count']]);
  if ((theirs.total ?? 0) > 0) return;
  try {
    const made = await createCarePlan(record, gp, frailtyPlan(id));
    await addGoalToCarePlan(record, gp, made.id, 'To keep going to my choir on Thursdays');
  } catch (err) {
    // The citizen is registered elsewhere and the demo practice has no care relationship with them.
    if (!(err instanceof CoordinationNotFoundError)) throw err;
  }
}
