import { addService, changeTaskStatus, DIRECTORY_CATEGORY, ownServices, prescribe, recordWellbeing, type ServiceEntry } from '@footprint/coordination';
import { staffContext, systemContext } from '@footprint/record';
import { findStaffUser } from '../auth/users';
import type { Platform } from '../../platform';

/** The demo voluntary organisation's services: made-up groups at made-up venues in real places of the demo footprint. */
const DEMO_SERVICES: ServiceEntry[] = [
  {
    name: 'Walking for Health, Widnes',
    description: 'Free group walks of 30 to 60 minutes, led by trained volunteers, at an easy pace, with a cup of tea after.',
    needs: ['physical-activity', 'loneliness'],
    venue: { name: 'Victoria Park pavilion', line: 'Victoria Road', town: 'Widnes', postcode: 'WA8 7PA' },
    place: 'Halton',
    openings: [{ days: ['tue', 'thu'], opens: '10:00', closes: '12:00' }],
    phone: '0151 000 0101',
    eligibility: 'Adults of any fitness. Carers and friends welcome.',
    active: true,
  },
  {
    name: 'Tuesday Lunch Club',
    description: 'A hot two-course lunch and company for older people living alone, with transport for those who need it.',
    needs: ['loneliness', 'food'],
    venue: { name: 'St Mary’s church hall', line: 'Church Street', town: 'Runcorn', postcode: 'WA7 1LD' },
    place: 'Halton',
    openings: [{ days: ['tue'], opens: '11:30', closes: '14:30' }],
    phone: '0151 000 0102',
    active: true,
  },
  {
    name: 'Money and Benefits Advice',
    description: 'One-to-one advice on benefits, debt and bills, in person or by phone, from trained advisers.',
    needs: ['money-and-debt', 'housing'],
    venue: { name: 'Community hub', line: 'Market Street', town: 'Birkenhead', postcode: 'CH41 5BY' },
    place: 'Wirral',
    openings: [
      { days: ['mon', 'wed', 'fri'], opens: '09:30', closes: '16:30' },
      { days: ['wed'], opens: '17:00', closes: '19:30' },
    ],
    email: 'advice@agewell.example',
    active: true,
  },
  {
    name: 'Carers’ Coffee Morning',
    description: 'An informal morning for unpaid carers to meet, share and hear about support, with a carers’ worker on hand.',
    needs: ['carers', 'mental-wellbeing'],
    venue: { name: 'Central Library', line: 'William Brown Street', town: 'Liverpool', postcode: 'L3 8EW' },
    place: 'Liverpool',
    openings: [{ days: ['sat'], opens: '10:00', closes: '12:00' }],
    active: true,
  },
  {
    name: 'Green Gym',
    description: 'Outdoor conservation work in local parks: planting, path clearing and wildlife gardening, with tools and training given.',
    needs: ['nature', 'physical-activity', 'mental-wellbeing'],
    venue: { name: 'Sefton Park visitor centre', line: 'Aigburth Drive', town: 'Liverpool', postcode: 'L17 1AP' },
    place: 'Liverpool',
    openings: [{ days: ['wed', 'sat'], opens: '10:00', closes: '13:00' }],
    active: true,
  },
];

/**
 * The demo's social prescribing (docs/coordination.md §5): the demo voluntary organisation's
 * services in the directory, listed by its worker; a referral to its walking group made by the
 * demo GP practice's link worker with the person's agreement and their ONS4 answers before,
 * which the voluntary organisation has accepted. Everything through the record's policy as the
 * demo users. Runs once; returns true when it seeded.
 */
export async function seedSocialPrescribingDemo(platform: Pick<Platform, 'record' | 'sql'>): Promise<boolean> {
  const listed = await platform.record.search(systemContext('SYSADMIN', 'footprint-demo'), 'HealthcareService', [['service-category', `${DIRECTORY_CATEGORY.system}|${DIRECTORY_CATEGORY.code}`], ['_summary', 'count']]);
  if ((listed.total ?? 0) > 0) return false;
  const [volunteer, gpUser] = [await findStaffUser(platform.sql, 'voluntary.worker'), await findStaffUser(platform.sql, 'gp.clinician')];
  const practice = gpUser?.organisation?.reference;
  if (!volunteer?.organisation?.reference || !gpUser || !practice) return false;
  const record = { repo: platform.record, sql: platform.sql };
  const charity = staffContext(volunteer, 'TREAT');
  for (const service of DEMO_SERVICES) await addService(record, charity, service);

  const gp = staffContext(gpUser, 'TREAT');
  const people = await platform.record.search(gp, 'Patient', [['general-practitioner', practice], ['birthdate', 'le1960-12-31'], ['_sort', '-birthdate'], ['_count', '3']]);
  const walking = (await ownServices(record, charity)).find((s) => s.name.startsWith('Walking'));
  const person = people.matches[0];
  if (!walking || !person) return true;
  const made = await prescribe(record, gp, { patientId: person.id!, serviceId: walking.id, reason: 'Lives alone since being widowed and rarely goes out; would like company and to get fitter after a fall.', consent: true });
  await recordWellbeing(record, gp, made.taskId, { timepoint: 'before', answers: { 'life-satisfaction': 4, worthwhile: 5, happiness: 4, anxiety: 6 } });
  await changeTaskStatus(record, charity, made.taskId, { status: 'accepted', note: 'Jo will ring this week and meet them at the pavilion for their first walk.' });
  return true;
}
