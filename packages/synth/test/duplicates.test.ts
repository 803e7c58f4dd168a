import type { Patient } from '@footprint/fhir';
import { describe, expect, it } from 'vitest';
import { surnameTypo } from '../src/duplicates';
import { collect } from './collect';

const options = { footprint: 'cheshire-and-merseyside', people: 12, seed: 7 };
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

describe('constructed duplicates', () => {
  it('registers four people a second time with another partner, as duplicates arise, and says so in the ground truth', async () => {
    const run = await collect({ ...options, duplicates: true }, 100);
    const patients = run.kept.filter((k) => k.resource.resourceType === 'Patient');
    const byId = new Map(patients.map((k) => [k.resource.id!, k]));
    const duplicated = run.truth.filter((t) => t.duplicates);
    expect(duplicated.map((t) => t.duplicates![0].split('-').pop())).toEqual(['partners', 'number', 'typo', 'surname']);
    const orgKind = new Map(run.ctx.directory.all().map((o) => [o.code, o.kind]));
    for (const truth of duplicated) {
      const first = byId.get(truth.patient)!.resource as Patient;
      const second = byId.get(truth.duplicates![0])!;
      const p = second.resource as Patient;
      expect(orgKind.get(second.organisation)).toMatch(/acute_trust|local_authority/);
      expect([p.birthDate, p.gender, p.name![0].given, p.address![0].line]).toEqual([first.birthDate, first.gender, first.name![0].given, first.address![0].line]);
      const kind = truth.duplicates![0].slice(truth.patient.length + 1);
      expect(p.identifier?.find((i) => i.system === NHS)?.value).toBe(kind === 'two-partners' ? first.identifier![0].value : undefined);
      if (kind === 'surname-typo') expect(p.name![0].family).toBe(surnameTypo(first.name![0].family!));
      if (kind === 'changed-surname') expect(p.name![0].family![0]).not.toBe(first.name![0].family![0]);
      if (kind === 'two-partners' || kind === 'no-nhs-number') expect(p.name![0].family).toBe(first.name![0].family);
    }
    expect(run.counts.Patient).toBe(options.people + 4);
  });

  it('adds nothing unless asked, and the same duplicates for the same seed', async () => {
    expect((await collect(options)).counts.Patient).toBe(options.people);
    const [a, b] = await Promise.all([collect({ ...options, duplicates: true }, 100), collect({ ...options, duplicates: true }, 100)]);
    expect(JSON.stringify(a.kept)).toBe(JSON.stringify(b.kept));
  });

  it('makes a surname typo one letter away', () => {
    expect(surnameTypo('Smith')).toBe('Smyth');
    expect(surnameTypo('Bronte')).toBe('Brante');
    expect(surnameTypo('Lynn')).toBe('Lynn'.replace('y', 'i'));
    expect(surnameTypo('Pw')).toBe('Pww');
  });
});
