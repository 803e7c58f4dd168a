import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Patient } from '@medplum/fhirtypes';
import { NHS_NUMBER_SYSTEM } from '@footprint/fhir';
import { STAFF_ROLE_CODES, systemContext } from '@footprint/record';
import { generatePassword } from '../api/auth/passwords';
import { busiestPractice, listPartnerOrganisations, type PartnerOrganisation } from '../api/partner-organisations';
import type { Platform } from '../platform';
import { IdentityAccounts, type NationalRbacRole } from './accounts';

/** Where the demo's identity logins are written for the start page (demo mode only, mode 0600). */
export const DEMO_IDENTITIES_FILE = 'demo-identities.json';

/** A synthetic citizen the start page offers, with the demo login to use at the demo NHS login. */
export interface DemoCitizen {
  name: string;
  nhsNumber: string;
  birthDate: string;
  login: string;
  password: string;
  /** False for the citizen whose date of birth at the provider differs from the record's (sign-in is refused). */
  matchesRecord: boolean;
}

/** A member of staff at the demo NHS CIS2, with the roles they hold. */
export interface DemoStaffIdentity {
  name: string;
  login: string;
  password: string;
  roles: Array<{ roleCode: string; roleName: string; organisation: { code: string; name: string } }>;
}

export interface DemoIdentities {
  citizens: DemoCitizen[];
  staff: DemoStaffIdentity[];
}

export async function readDemoIdentities(dataDir: string): Promise<DemoIdentities | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, DEMO_IDENTITIES_FILE), 'utf8')) as Partial<DemoIdentities>;
    return Array.isArray(parsed.citizens) && Array.isArray(parsed.staff) ? { citizens: parsed.citizens, staff: parsed.staff } : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const CITIZENS = 4;

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .toLowerCase();
}

/** Shifts an ISO date by one day, for the citizen whose provider-held date of birth is wrong. */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Adults whose records show the most (problems and medicines from a sample of the record), so
 * the demo's citizens have something to see; the last one becomes the mismatched citizen.
 */
async function citizensWithFullRecords(platform: Platform, ctx: ReturnType<typeof systemContext>) {
  const richness = new Map<string, number>();
  for (const type of ['Condition', 'MedicationRequest', 'Encounter']) {
    const sample = await platform.record.search(ctx, type, [['_count', '1000']]);
    for (const resource of sample.matches as Array<{ subject?: { reference?: string } }>) {
      const id = resource.subject?.reference?.replace(/^.*Patient\//, '');
      if (id) richness.set(id, (richness.get(id) ?? 0) + 1);
    }
  }
  const ranked = [...richness.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  const adultBefore = new Date(Date.now() - 18 * 365.25 * 86_400_000).toISOString().slice(0, 10);
  const chosen: Array<{ p: Patient; nhs: string; given: string; family: string }> = [];
  const candidates = ranked.length > 0 ? ranked : [];
  for (let i = 0; i < candidates.length && chosen.length < CITIZENS + 1; i += 50) {
    const ids = candidates.slice(i, i + 50);
    const found = await platform.record.search(ctx, 'Patient', [['_id', ids.join(',')], ['_count', '50']]);
    const byId = new Map((found.matches as Patient[]).map((p) => [p.id, p]));
    for (const id of ids) {
      const p = byId.get(id);
      const nhs = p?.identifier?.find((x) => x.system === NHS_NUMBER_SYSTEM)?.value;
      const name = p?.name?.find((n) => n.use === 'official') ?? p?.name?.[0];
      if (!p || !nhs || !p.birthDate || p.birthDate > adultBefore || !name?.family || !name.given?.length || p.active === false || p.deceasedDateTime || p.deceasedBoolean) continue;
      chosen.push({ p, nhs, given: name.given[0], family: name.family });
      if (chosen.length === CITIZENS + 1) break;
    }
  }
  if (chosen.length < CITIZENS + 1) {
    // A record with few clinical entries (tests): anyone with an NHS number and a name will do.
    const sample = await platform.record.search(ctx, 'Patient', [['_count', '50']]);
    for (const p of sample.matches as Patient[]) {
      const nhs = p.identifier?.find((x) => x.system === NHS_NUMBER_SYSTEM)?.value;
      const name = p.name?.find((n) => n.use === 'official') ?? p.name?.[0];
      if (!nhs || !p.birthDate || !name?.family || !name.given?.length || p.active === false || chosen.some((c) => c.p.id === p.id)) continue;
      chosen.push({ p, nhs, given: name.given[0], family: name.family });
      if (chosen.length === CITIZENS + 1) break;
    }
  }
  return chosen;
}

function rbacRole(personRoleId: string, org: PartnerOrganisation, role: keyof typeof STAFF_ROLE_CODES): NationalRbacRole {
  const code = STAFF_ROLE_CODES[role];
  return { person_roleid: personRoleId, org_code: org.code, role_code: `S0000:G0000:${code.code}`, role_name: `"${code.display}"` };
}

/**
 * Creates (or refreshes) the demo provider's accounts from the record: a few synthetic citizens
 * with NHS login-style claims (their NHS number and date of birth as the record holds them,
 * proofing level P9), one citizen whose date of birth at the provider does not match the record,
 * and staff with CIS2-style roles, one of them holding roles at two organisations. Passwords are
 * generated once and kept in `<dataDir>/demo-identities.json` for the start page.
 */
export async function seedDemoIdentities(platform: Platform): Promise<DemoIdentities> {
  const previous = await readDemoIdentities(platform.dataDir);
  const passwords = new Map([...(previous?.citizens ?? []), ...(previous?.staff ?? [])].map((a) => [a.login, a.password]));
  const passwordFor = (login: string) => passwords.get(login) ?? generatePassword();
  const accounts = new IdentityAccounts(platform.sql);

  const ctx = systemContext('SYSADMIN', 'footprint-demo');
  const people = await citizensWithFullRecords(platform, ctx);

  const citizens: DemoCitizen[] = [];
  for (const [index, person] of people.entries()) {
    const matchesRecord = index < CITIZENS;
    const { given, family } = person;
    const login = `${slug(given)}.${slug(family)}${matchesRecord ? '' : '.mismatch'}@citizen.example`;
    const password = passwordFor(login);
    const birthDate = matchesRecord ? person.p.birthDate! : dayAfter(person.p.birthDate!);
    await accounts.upsert({
      login,
      kind: 'citizen',
      password,
      claims: { given_name: given, family_name: family, birthdate: birthDate, nhs_number: person.nhs, identity_proofing_level: 'P9', email: login },
    });
    citizens.push({ name: `${given} ${family}`, nhsNumber: person.nhs, birthDate, login, password, matchesRecord });
  }

  const organisations = await listPartnerOrganisations(platform.record);
  const practice = await busiestPractice(platform.record, organisations.filter((o) => o.kind === 'gp_practice'));
  const trust = organisations.find((o) => o.kind === 'acute_trust');
  const staffPeople: Array<{ given: string; family: string; uid: string; roles: NationalRbacRole[] }> = [];
  if (practice && trust) {
    staffPeople.push({ given: 'Jo', family: 'Mensah', uid: '555000000101', roles: [rbacRole('100000000101', practice, 'gp_clinician'), rbacRole('100000000102', trust, 'hospital_clinician')] });
    staffPeople.push({ given: 'Morgan', family: 'Reid', uid: '555000000102', roles: [rbacRole('100000000103', trust, 'privacy_officer')] });
  }
  if (practice) staffPeople.push({ given: 'Kim', family: 'Lee', uid: '555000000103', roles: [rbacRole('100000000104', practice, 'gp_clinician')] });

  const byCode = new Map(organisations.map((o) => [o.code, o]));
  const staff: DemoStaffIdentity[] = [];
  for (const person of staffPeople) {
    const login = `${slug(person.given)}.${slug(person.family)}@nhs.example`;
    const password = passwordFor(login);
    const orgs = [...new Set(person.roles.map((r) => r.org_code))].map((code) => ({ org_code: code, org_name: byCode.get(code)?.name ?? code }));
    await accounts.upsert({
      login,
      kind: 'staff',
      password,
      claims: {
        given_name: person.given,
        family_name: person.family,
        name: `${person.given} ${person.family}`,
        nhsid_useruid: person.uid,
        nhsid_nrbac_roles: person.roles,
        nhsid_user_orgs: orgs,
        email: login,
      },
    });
    staff.push({
      name: `${person.given} ${person.family}`,
      login,
      password,
      roles: person.roles.map((r) => ({
        roleCode: r.role_code.split(':').pop() ?? r.role_code,
        roleName: r.role_name.replace(/"/g, ''),
        organisation: { code: r.org_code, name: byCode.get(r.org_code)?.name ?? r.org_code },
      })),
    });
  }

  const identities: DemoIdentities = { citizens, staff };
  const path = join(platform.dataDir, DEMO_IDENTITIES_FILE);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify({ about: 'Demo logins at the demo identity provider. Demo mode only.', ...identities }, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return identities;
}
