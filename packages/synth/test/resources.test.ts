import { describe, expect, it, beforeAll } from 'vitest';
import { isValidNhsNumber, validateResource, type Patient, type Resource } from '@footprint/fhir';
import { collect, type Collected } from './collect';
import { LSOA_EXTENSION } from '../src/systems';

/** Every generated resource type passes the record's validation, and the references hang together. */
describe('generated resources', () => {
  let run: Collected;
  beforeAll(async () => {
    run = await collect({ footprint: 'cheshire-and-merseyside', people: 600, seed: 11 }, 600);
  });

  it('includes every kind of resource the issue asks for', () => {
    const types = new Set(run.kept.map((k) => k.resource.resourceType));
    for (const t of ['Organization', 'Location', 'OrganizationAffiliation', 'Patient', 'Condition', 'Observation', 'MedicationRequest', 'Encounter', 'ServiceRequest']) {
      expect(types, t).toContain(t);
    }
  });

  it('passes validateResource for a sample of every type', () => {
    const perType = new Map<string, number>();
    const failures: string[] = [];
    for (const { resource } of run.kept) {
      const n = perType.get(resource.resourceType) ?? 0;
      if (n >= 400) continue;
      perType.set(resource.resourceType, n + 1);
      try {
        validateResource(resource);
      } catch (err) {
        failures.push(`${resource.resourceType}/${resource.id}: ${JSON.stringify((err as { outcome?: unknown }).outcome)}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(perType.size).toBeGreaterThanOrEqual(9);
  });

  it('gives every patient a distinct valid NHS number from the test range and an address with its LSOA', () => {
    const patients = run.kept.map((k) => k.resource).filter((r): r is Patient => r.resourceType === 'Patient');
    expect(patients).toHaveLength(600);
    const numbers = patients.map((p) => p.identifier![0].value!);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) {
      expect(isValidNhsNumber(n)).toBe(true);
      expect(n.startsWith('999')).toBe(true);
    }
    const lsoa = patients[0].address![0].extension!.find((e) => e.url === LSOA_EXTENSION)!;
    expect(lsoa.valueCoding!.code).toMatch(/^E01\d{6}$/);
  });

  it('references only organisations in the directory and patients that exist', () => {
    const ids = new Set(run.kept.map((k) => `${k.resource.resourceType}/${k.resource.id}`));
    const missing: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (key === 'reference' && typeof v === 'string' && !ids.has(v)) missing.push(v);
          else walk(v);
        }
      }
    };
    run.kept.forEach((k) => walk(k.resource as Resource));
    expect(missing.slice(0, 5)).toEqual([]);
  });

  it('files each resource with the organisation that would hold it', () => {
    const orgKind = new Map(run.ctx.directory.all().map((o) => [o.code, o.kind]));
    const kindsByType = new Map<string, Set<string>>();
    for (const { organisation, resource } of run.kept) {
      const set = kindsByType.get(resource.resourceType) ?? new Set();
      set.add(orgKind.get(organisation)!);
      kindsByType.set(resource.resourceType, set);
    }
    expect([...kindsByType.get('Patient')!]).toEqual(['gp_practice']);
    expect([...kindsByType.get('MedicationRequest')!]).toEqual(['gp_practice']);
    expect(kindsByType.get('Encounter')).toEqual(new Set(['gp_practice', 'acute_trust', 'community_provider', 'mental_health_provider', 'local_authority']));
    expect([...kindsByType.get('Organization')!]).toEqual(['partnership']);
  });
});
