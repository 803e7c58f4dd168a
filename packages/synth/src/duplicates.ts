/**
 * Constructed duplicates, so record matching and the administrator's duplicates page have real
 * work in a synthetic footprint: a few people are registered a second time by another partner,
 * in the ways duplicates arise in practice. Which people, and how, depends only on the person's
 * index, so output stays deterministic and identical on any number of workers.
 */
import type { Patient } from '@footprint/fhir';
import type { GenerationContext } from './context';
import { organizationRef } from './organisation-resources';
import type { Organisation } from './organisations';
import type { Person } from './person';

/** How the second record differs from the first. */
export type DuplicateKind = 'two-partners' | 'no-nhs-number' | 'surname-typo' | 'changed-surname';

/** The people (by index) who get a second record, and how. */
const DUPLICATED: ReadonlyMap<number, DuplicateKind> = new Map([
  [1, 'two-partners'],
  [2, 'no-nhs-number'],
  [3, 'surname-typo'],
  [4, 'changed-surname'],
]);

const VOWEL_TYPO: Record<string, string> = { a: 'e', e: 'a', i: 'y', o: 'a', u: 'o', y: 'i' };

/** One letter changed (a vowel after the first letter), or the last letter doubled: one edit away. */
export function surnameTypo(family: string): string {
  for (let i = 1; i < family.length; i++) {
    const swap = VOWEL_TYPO[family[i]];
    if (swap) return family.slice(0, i) + swap + family.slice(i + 1);
  }
  return family + family.slice(-1);
}

function newSurname(ctx: GenerationContext, person: Person, family: string): string {
  const names = ctx.names.traditions.british?.family ?? Object.values(ctx.names.traditions)[0].family;
  for (let k = 0; k < names.length; k++) {
    const candidate = names[(person.index * 31 + k) % names.length];
    if (candidate[0] !== family[0]) return candidate;
  }
  return `${family}-Smith`;
}

/** The partner that registered the second record: an acute trust, or the council for a changed surname. */
function registeringPartner(ctx: GenerationContext, person: Person, kind: DuplicateKind): Organisation {
  const { directory } = ctx;
  if (kind === 'changed-surname') return directory.localAuthorities[person.placeIndex] ?? directory.localAuthorities[0];
  return directory.trusts[person.index % directory.trusts.length];
}

/**
 * The second record of a duplicated person, filed with the partner that registered them, or
 * nothing for everyone else. `two-partners` carries the same NHS number; the others have none,
 * and `surname-typo` and `changed-surname` spell the surname otherwise. The address, sex, date of
 * birth and registered practice are as the practice holds them.
 */
export function duplicateRecord(ctx: GenerationContext, person: Person, patient: Patient): { organisation: string; patient: Patient; kind: DuplicateKind } | undefined {
  if (!ctx.options.duplicates) return undefined;
  const kind = DUPLICATED.get(person.index);
  if (!kind) return undefined;
  const partner = registeringPartner(ctx, person, kind);
  const official = patient.name![0];
  const family =
    kind === 'surname-typo' ? surnameTypo(official.family!) : kind === 'changed-surname' ? newSurname(ctx, person, official.family!) : official.family!;
  const { identifier, extension: _extension, managingOrganization: _managing, ...rest } = patient;
  const second: Patient = {
    ...rest,
    id: `${person.id}-${kind}`,
    ...(kind === 'two-partners' ? { identifier } : {}),
    name: [{ ...official, family }],
    address: patient.address?.map(({ extension: _e, ...address }) => address),
    managingOrganization: organizationRef(partner.code),
  };
  return { organisation: partner.code, patient: second, kind };
}
