import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Platform } from '../platform';
import { generatePassword } from './auth/passwords';
import { ROLE_LABELS, type Role } from './auth/roles';
import { upsertUser } from './auth/users';
import { busiestPractice, listPartnerOrganisations, type PartnerOrganisation } from './partner-organisations';

/** Where the demo's users and passwords are written for the start page (demo mode only). */
export const DEMO_USERS_FILE = 'demo-users.json';

export interface DemoUserCredentials {
  username: string;
  password: string;
  role: Role;
  roleLabel: string;
  displayName: string;
  organisation: { code: string; name: string } | null;
}

/** One fictional member of staff per role. */
const DEMO_STAFF: Array<{ role: Role; username: string; displayName: string }> = [
  { role: 'gp_clinician', username: 'gp.clinician', displayName: 'Dr Asha Patel' },
  { role: 'hospital_clinician', username: 'hospital.clinician', displayName: 'Dr Tom Hughes' },
  { role: 'social_worker', username: 'social.worker', displayName: 'Sam Okafor' },
  { role: 'voluntary_worker', username: 'voluntary.worker', displayName: 'Jo Lewis' },
  { role: 'analyst', username: 'analyst', displayName: 'Priya Shah' },
  { role: 'partnership_lead', username: 'partnership.lead', displayName: 'Helen Jones' },
  { role: 'administrator', username: 'administrator', displayName: 'Chris Evans' },
  { role: 'privacy_officer', username: 'privacy.officer', displayName: 'Morgan Reid' },
];

export async function readDemoUsers(dataDir: string): Promise<DemoUserCredentials[] | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, DEMO_USERS_FILE), 'utf8')) as { users?: DemoUserCredentials[] };
    return Array.isArray(parsed.users) ? parsed.users : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Creates (or refreshes) one demo user per role, each working for a suitable organisation from the
 * record: the GP for the practice with the most patients, the hospital clinician for an acute trust,
 * the social worker for a council, everyone else for the partnership itself. Passwords are generated once and kept in
 * `<dataDir>/demo-users.json` (mode 0600) so the start page can show them; later calls reuse them.
 */
export async function seedDemoUsers(platform: Platform): Promise<DemoUserCredentials[]> {
  const previous = new Map((await readDemoUsers(platform.dataDir))?.map((u) => [u.username, u.password]) ?? []);
  const organisations = await listPartnerOrganisations(platform.record);
  const ofKind = (kind: PartnerOrganisation['kind']) => organisations.filter((o) => o.kind === kind);
  const employer: Partial<Record<Role, PartnerOrganisation | undefined>> = {
    gp_clinician: await busiestPractice(platform.record, ofKind('gp_practice')),
    hospital_clinician: ofKind('acute_trust')[0],
    // The hospital's privacy officer reviews its clinicians' break-glass.
    privacy_officer: ofKind('acute_trust')[0],
    social_worker: ofKind('local_authority')[0],
    voluntary_worker: ofKind('voluntary')[0],
    analyst: ofKind('partnership')[0],
    partnership_lead: ofKind('partnership')[0],
    administrator: ofKind('partnership')[0],
  };

  const users: DemoUserCredentials[] = [];
  for (const staff of DEMO_STAFF) {
    const password = previous.get(staff.username) ?? generatePassword();
    const org = employer[staff.role];
    await upsertUser(platform.sql, {
      username: staff.username,
      displayName: staff.displayName,
      role: staff.role,
      password,
      organisation: org ? { code: org.code, name: org.name, reference: `Organization/${org.id}` } : undefined,
    });
    users.push({
      username: staff.username,
      password,
      role: staff.role,
      roleLabel: ROLE_LABELS[staff.role],
      displayName: staff.displayName,
      organisation: org ? { code: org.code, name: org.name } : null,
    });
  }
  const path = join(platform.dataDir, DEMO_USERS_FILE);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify({ about: 'Demo users for the Footprint start page. Demo mode only.', users }, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return users;
}
