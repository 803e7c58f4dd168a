import type { Resource } from '@footprint/fhir';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Repository, SearchParams } from '../../src/repository';
import { admin, NHS, platform, ref, type SuiteOptions } from './context';
import { statusOf } from './crud';
import { seedFootprint, type Footprint } from './fixtures';
import { useRecord } from './lifecycle';

export function searchTests(options: SuiteOptions): void {
  describe('search on every clinical type', () => {
    const record = useRecord(options);
    let repo: Repository;
    let f: Footprint;
    beforeAll(async () => {
      repo = record().repo;
      f = await seedFootprint(repo);
    });
    /** The ids matched by a search scoped to this test's footprint. */
    const ids = async (type: string, params: SearchParams): Promise<string[]> => {
      const result = await repo.search(admin, type, [...params, ['_tag', f.tag], ['_count', '100']]);
      return result.matches.map((r) => r.id!).sort();
    };
    const idsOf = (...rs: Resource[]) => rs.map((r) => r.id!).sort();

    it('Patient: string prefix, accents and case ignored, :exact and :contains', async () => {
      expect(await ids('Patient', [['name', 'zoe']])).toEqual(idsOf(f.zoe));
      expect(await ids('Patient', [['family', 'BRON']])).toEqual(idsOf(f.zoe));
      expect(await ids('Patient', [['family', 'bro']])).toEqual(idsOf(f.zoe, f.eve));
      expect(await ids('Patient', [['family:exact', 'Brontë']])).toEqual(idsOf(f.zoe));
      expect(await ids('Patient', [['family:exact', 'bronte']])).toEqual([]);
      expect(await ids('Patient', [['name:contains', 'ate']])).toEqual(idsOf(f.raj));
      expect(await ids('Patient', [['address', 'st albans']])).toEqual(idsOf(f.zoe));
      expect(await ids('Patient', [['name', 'zoe,raj']])).toEqual(idsOf(f.zoe, f.raj));
      expect(await ids('Patient', [['name', 'zoe'], ['name', 'anne']])).toEqual(idsOf(f.zoe));
      expect(await ids('Patient', [['name', 'zoe'], ['name', 'raj']])).toEqual([]);
    });

    it('Patient: tokens with system|value, |value, system|, :not, :missing and :text', async () => {
      expect(await ids('Patient', [['identifier', `${NHS}|${f.nhs[1]}`]])).toEqual(idsOf(f.raj));
      expect(await ids('Patient', [['identifier', f.nhs[1]]])).toEqual(idsOf(f.raj));
      expect(await ids('Patient', [['identifier', `http://other|${f.nhs[1]}`]])).toEqual([]);
      expect(await ids('Patient', [['identifier', `${NHS}|`]])).toEqual(idsOf(f.zoe, f.raj, f.eve));
      expect(await ids('Patient', [['gender', 'female']])).toEqual(idsOf(f.zoe, f.eve));
      expect(await ids('Patient', [['gender:not', 'female']])).toEqual(idsOf(f.raj));
      expect(await ids('Patient', [['general-practitioner:missing', 'false']])).toEqual(idsOf(f.zoe));
      expect(await ids('Patient', [['general-practitioner:missing', 'true']])).toEqual(idsOf(f.raj, f.eve));
      expect(await ids('Observation', [['code:text', 'haemoglobin']])).toEqual(idsOf(...f.obs));
      expect(await ids('Observation', [['code:text', 'a1c']])).toEqual(idsOf(...f.obs));
      expect(await ids('Condition', [['code:text', 'diabetes']])).toEqual(idsOf(f.diabetes));
      expect(await ids('Patient', [['_id', `${f.zoe.id},${f.eve.id}`]])).toEqual(idsOf(f.zoe, f.eve));
      expect(await ids('Patient', [['_id:not', f.zoe.id!]])).toEqual(idsOf(f.raj, f.eve));
    });

    it('Patient: birthdate with every prefix, by the precision written', async () => {
      expect(await ids('Patient', [['birthdate', '1980-05-01']])).toEqual(idsOf(f.zoe));
      expect(await ids('Patient', [['birthdate', '1980']])).toEqual(idsOf(f.zoe));
      expect(await ids('Patient', [['birthdate', 'eq1980-05']])).toEqual(idsOf(f.zoe));
      expect(await ids('Patient', [['birthdate', 'ne1980-05-01']])).toEqual(idsOf(f.raj, f.eve));
      expect(await ids('Patient', [['birthdate', 'gt1980-05-01']])).toEqual(idsOf(f.eve));
      expect(await ids('Patient', [['birthdate', 'ge1980-05-01']])).toEqual(idsOf(f.zoe, f.eve));
      expect(await ids('Patient', [['birthdate', 'lt1980-05-01']])).toEqual(idsOf(f.raj));
      expect(await ids('Patient', [['birthdate', 'le1980-05-01']])).toEqual(idsOf(f.zoe, f.raj));
      expect(await ids('Patient', [['birthdate', 'sa1980-12-31']])).toEqual(idsOf(f.eve));
      expect(await ids('Patient', [['birthdate', 'eb1960']])).toEqual(idsOf(f.raj));
      expect(await ids('Patient', [['birthdate', 'ap1955-11-25']])).toEqual(idsOf(f.raj));
      // `2001` is the whole year: it is not within 2001-06-01, but overlaps ge/le of it.
      expect(await ids('Patient', [['birthdate', '2001-06-01']])).toEqual([]);
      expect(await ids('Patient', [['birthdate', 'ge2001-06-01']])).toEqual(idsOf(f.eve));
      expect(await ids('Patient', [['birthdate', 'ge1950'], ['birthdate', 'lt1990']])).toEqual(idsOf(f.zoe, f.raj));
      expect(await statusOf(repo.search(admin, 'Patient', [['birthdate', 'notadate']]))).toBe(400);
      expect(await statusOf(repo.search(admin, 'Patient', [['birthdate', 'ge2021-02-30']]))).toBe(400);
    });

    it('Observation: quantity with prefixes, system and unit; reference; date; token with system', async () => {
      const [first, second, rajs] = f.obs;
      expect(await ids('Observation', [['value-quantity', '48']])).toEqual(idsOf(first));
      expect(await ids('Observation', [['value-quantity', 'gt48']])).toEqual(idsOf(second, f.bp));
      expect(await ids('Observation', [['value-quantity', 'ge48'], ['value-quantity', 'lt100']])).toEqual(idsOf(first, second));
      expect(await ids('Observation', [['value-quantity', 'le40']])).toEqual(idsOf(rajs));
      expect(await ids('Observation', [['value-quantity', 'ne48'], ['code', `http://snomed.info/sct|1049301000000100`]])).toEqual(idsOf(second, rajs));
      expect(await ids('Observation', [['value-quantity', 'ap50']])).toEqual(idsOf(first, second));
      expect(await ids('Observation', [['value-quantity', 'sa100']])).toEqual(idsOf(f.bp));
      expect(await ids('Observation', [['value-quantity', 'eb45']])).toEqual(idsOf(rajs));
      expect(await ids('Observation', [['value-quantity', '150|http://unitsofmeasure.org|mm[Hg]']])).toEqual(idsOf(f.bp));
      expect(await ids('Observation', [['value-quantity', '150||mmol/mol']])).toEqual([]);
      expect(await ids('Observation', [['value-quantity', '53.5']])).toEqual(idsOf(second));
      expect(await ids('Observation', [['value-quantity', '53']])).toEqual([]);
      expect(await statusOf(repo.search(admin, 'Observation', [['value-quantity', 'big']]))).toBe(400);
      expect(await ids('Observation', [['subject', ref(f.zoe)]])).toEqual(idsOf(first, second));
      expect(await ids('Observation', [['subject', f.zoe.id!]])).toEqual(idsOf(first, second));
      expect(await ids('Observation', [['subject:Patient', f.raj.id!]])).toEqual(idsOf(rajs, f.bp));
      expect(await ids('Observation', [['patient', ref(f.raj)], ['date', 'ge2024']])).toEqual(idsOf(f.bp));
      expect(await ids('Observation', [['date', '2023-03-01']])).toEqual(idsOf(first));
      expect(await ids('Observation', [['code', 'http://loinc.org|8480-6']])).toEqual(idsOf(f.bp));
      expect(await ids('Observation', [['code', '|8480-6']])).toEqual([]);
      expect(await ids('Observation', [['performer', ref(f.gp)]])).toEqual(idsOf(...f.obs));
      expect(await ids('Observation', [['performer:missing', 'true']])).toEqual(idsOf(f.bp));
    });

    it('number and uri parameters', async () => {
      expect(await ids('RiskAssessment', [['probability', '0.23']])).toEqual(idsOf(f.risk));
      expect(await ids('RiskAssessment', [['probability', 'gt0.5']])).toEqual([]);
      expect(await ids('RiskAssessment', [['probability', 'le0.3']])).toEqual(idsOf(f.risk));
      expect(await ids('RiskAssessment', [['probability', 'ap0.22']])).toEqual(idsOf(f.risk));
      expect(await statusOf(repo.search(admin, 'RiskAssessment', [['probability', 'x1']]))).toBe(400);
      expect(await ids('CarePlan', [['instantiates-uri', 'https://footprint.test/plans/diabetes']])).toEqual(idsOf(f.carePlan));
      expect(await ids('CarePlan', [['instantiates-uri', 'https://footprint.test/plans']])).toEqual([]);
      expect(await ids('CarePlan', [['instantiates-uri:below', 'https://footprint.test/plans']])).toEqual(idsOf(f.carePlan));
      expect(await ids('CarePlan', [['instantiates-uri:missing', 'false']])).toEqual(idsOf(f.carePlan));
    });

    it('the other clinical and administrative types', async () => {
      const cases: Array<[string, SearchParams, Resource[]]> = [
        ['Encounter', [['class', 'AMB'], ['date', 'ge2023-03-01T09:05:00Z'], ['subject', ref(f.zoe)]], [f.encounter]],
        ['Encounter', [['date', 'lt2023-03-01T08:00:00Z']], []],
        ['Encounter', [['participant', ref(f.gp)], ['status', 'finished']], [f.encounter]],
        ['Condition', [['code', '44054006'], ['onset-date', 'ge2019']], [f.diabetes]],
        ['Condition', [['clinical-status', 'resolved']], [f.hypertension]],
        ['Condition', [['clinical-status:not', 'resolved']], [f.diabetes]],
        ['MedicationRequest', [['code', 'https://dmd.nhs.uk|325278007'], ['intent', 'order'], ['authoredon', 'le2020']], [f.metformin]],
        ['AllergyIntolerance', [['criticality', 'high'], ['patient', ref(f.zoe)], ['clinical-status', 'active']], [f.allergy]],
        ['AllergyIntolerance', [['date', '2015-02']], [f.allergy]],
        ['Procedure', [['code', '80146002'], ['date', 'lt1991']], [f.procedure]],
        ['Immunization', [['vaccine-code', '39114911000001105'], ['date', '2021'], ['status', 'completed']], [f.immunisation]],
        ['CarePlan', [['status', 'active'], ['category', '735985000'], ['date', 'ge2024']], [f.carePlan]],
        ['CarePlan', [['date', 'lt2023']], []],
        ['CareTeam', [['status', 'active'], ['participant', ref(f.gp)]], [f.careTeam]],
        ['EpisodeOfCare', [['status', 'active'], ['type', '44054006'], ['organization', ref(f.org)], ['date', 'ge2020']], [f.episode]],
        ['ServiceRequest', [['status', 'active'], ['intent', 'order'], ['code', '306206005'], ['authored', '2024-01-06']], [f.referral]],
        ['Consent', [['status', 'active'], ['category', 'http://loinc.org|59284-0'], ['patient', ref(f.eve)], ['date', 'ge2022-01-01']], [f.consent]],
        ['Organization', [['identifier', 'https://fhir.nhs.uk/Id/ods-organization-code|A81001'], ['name', 'riverside'], ['type', 'prov']], [f.org]],
        ['Location', [['name', 'riverside'], ['address-city', 'st albans'], ['organization', ref(f.org)]], [f.location]],
        ['Practitioner', [['name', 'okafor'], ['identifier', 'G1234567']], [f.gp]],
        ['PractitionerRole', [['practitioner', ref(f.gp)], ['organization', ref(f.org)], ['role', '62247001']], [f.role]],
      ];
      for (const [type, params, expected] of cases) {
        expect(await ids(type, params), `${type}?${params.map((p) => p.join('=')).join('&')}`).toEqual(idsOf(...expected));
      }
    });

    it('_lastUpdated, totals only when asked, _summary=count and _count', async () => {
      const all = await repo.search(admin, 'Observation', [['_tag', f.tag]]);
      expect(all.total).toBeUndefined();
      expect(all.matches).toHaveLength(4);
      const counted = await repo.search(admin, 'Observation', [['_tag', f.tag], ['_total', 'accurate'], ['_count', '1']]);
      expect(counted.total).toBe(4);
      expect(counted.matches).toHaveLength(1);
      expect(counted.next).toBeDefined();
      const summary = await repo.search(admin, 'Observation', [['_tag', f.tag], ['_summary', 'count']]);
      expect(summary.total).toBe(4);
      expect(summary.matches).toHaveLength(0);
      const since = f.obs[0].meta!.lastUpdated!;
      expect(await ids('Observation', [['_lastUpdated', `ge${since}`]])).toEqual(idsOf(...f.obs, f.bp));
      expect(await ids('Observation', [['_lastUpdated', `lt${since}`]])).toEqual([]);
      expect(await ids('Observation', [['_lastUpdated', 'gt2000-01-01']])).toHaveLength(4);
      expect(await statusOf(repo.search(admin, 'Observation', [['_count', 'many']]))).toBe(400);
      expect(await statusOf(repo.search(admin, 'Observation', [['_total', 'sometimes']]))).toBe(400);
    });

    it('_sort by date, string, token, number, _id and _lastUpdated, ascending and descending, with several keys', async () => {
      const order = async (type: string, sort: string) =>
        (await repo.search(admin, type, [['_tag', f.tag], ['_sort', sort]])).matches.map((r) => r.id);
      expect(await order('Patient', 'birthdate')).toEqual([f.raj.id, f.zoe.id, f.eve.id]);
      expect(await order('Patient', '-birthdate')).toEqual([f.eve.id, f.zoe.id, f.raj.id]);
      expect(await order('Patient', 'family')).toEqual([f.zoe.id, f.eve.id, f.raj.id]);
      expect(await order('Patient', '-family')).toEqual([f.raj.id, f.eve.id, f.zoe.id]);
      expect(await order('Patient', 'gender,-birthdate')).toEqual([f.eve.id, f.zoe.id, f.raj.id]);
      expect(await order('Observation', '-value-quantity')).toEqual([f.bp.id, f.obs[1].id, f.obs[0].id, f.obs[2].id]);
      expect(await order('Observation', 'date')).toEqual([f.obs[2].id, f.obs[0].id, f.bp.id, f.obs[1].id]);
      expect(await order('Patient', '_id')).toEqual([f.zoe.id, f.raj.id, f.eve.id].sort());
      expect(await order('Patient', '-_lastUpdated')).toEqual([f.eve.id, f.raj.id, f.zoe.id]);
      // Missing values sort last both ways.
      expect((await order('Observation', 'performer')).at(-1)).toBe(f.bp.id);
      expect((await order('Observation', '-performer')).at(-1)).toBe(f.bp.id);
      // Sorted paging: one per page gives the same order.
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await repo.search(admin, 'Patient', [['_tag', f.tag], ['_sort', '-birthdate'], ['_count', '1'], ...(cursor ? [['_cursor', cursor] as const] : [])]);
        paged.push(...page.matches.map((r) => r.id!));
        cursor = page.next;
      } while (cursor);
      expect(paged).toEqual([f.eve.id, f.zoe.id, f.raj.id]);
    });

    it('_include, _revinclude and :iterate', async () => {
      const withPatients = await repo.search(admin, 'Observation', [['_tag', f.tag], ['code', '1049301000000100'], ['_include', 'Observation:subject']]);
      expect(withPatients.matches).toHaveLength(3);
      expect(withPatients.includes.map((r) => r.id).sort()).toEqual(idsOf(f.zoe, f.raj));
      const typed = await repo.search(admin, 'Observation', [['_tag', f.tag], ['_include', 'Observation:subject:Group']]);
      expect(typed.includes).toEqual([]);
      const rev = await repo.search(admin, 'Patient', [['_id', f.zoe.id!], ['_revinclude', 'Observation:subject'], ['_revinclude', 'Condition:patient']]);
      expect(rev.includes.map((r) => r.id).sort()).toEqual(idsOf(f.obs[0], f.obs[1], f.diabetes));
      const iterate = await repo.search(admin, 'MedicationRequest', [['_id', f.metformin.id!], ['_include', 'MedicationRequest:subject'], ['_include:iterate', 'Patient:general-practitioner']]);
      expect(iterate.includes.map((r) => r.id).sort()).toEqual(idsOf(f.zoe, f.gp));
      const noIterate = await repo.search(admin, 'MedicationRequest', [['_id', f.metformin.id!], ['_include', 'MedicationRequest:subject'], ['_include', 'Patient:general-practitioner']]);
      expect(noIterate.includes.map((r) => r.id)).toEqual([f.zoe.id]);
      const audit = await repo.search(platform, 'Patient', [['_id', f.raj.id!], ['_revinclude', 'AuditEvent:entity'], ['_count', '1']]);
      expect(audit.includes.length).toBeGreaterThan(0);
      // A partner system never reads the audit trail, not even through _revinclude.
      const partner = await repo.search(admin, 'Patient', [['_id', f.raj.id!], ['_revinclude', 'AuditEvent:entity'], ['_count', '1']]);
      expect(partner.matches).toHaveLength(1);
      expect(partner.includes).toEqual([]);
      expect(audit.includes.every((r) => r.resourceType === 'AuditEvent')).toBe(true);
    });

    it('chaining one level: subject:Patient.name, patient.identifier, and reference targets', async () => {
      expect(await ids('Observation', [['subject:Patient.name', 'zoe']])).toEqual(idsOf(f.obs[0], f.obs[1]));
      expect(await ids('Observation', [['subject.birthdate', 'lt1960']])).toEqual(idsOf(f.obs[2], f.bp));
      expect(await ids('Condition', [['patient.identifier', `${NHS}|${f.nhs[1]}`]])).toEqual(idsOf(f.hypertension));
      expect(await ids('Encounter', [['service-provider.name', 'riverside']])).toEqual(idsOf(f.encounter));
      expect(await ids('PractitionerRole', [['practitioner.name', 'okafor'], ['organization.identifier', 'A81001']])).toEqual(idsOf(f.role));
      expect(await statusOf(repo.search(admin, 'Observation', [['subject.organization.name', 'x']], { handling: 'strict' }))).toBe(400);
      expect(await statusOf(repo.search(admin, 'Observation', [['status.name', 'x']], { handling: 'strict' }))).toBe(400);
    });

    it('unknown parameters: 400 naming the parameter when strict, a warning when lenient', async () => {
      try {
        await repo.search(admin, 'Patient', [['favourite-colour', 'blue']], { handling: 'strict' });
        expect.unreachable();
      } catch (error) {
        expect((error as { status: number }).status).toBe(400);
        expect(JSON.stringify((error as { outcome: unknown }).outcome)).toContain('favourite-colour');
      }
      const lenient = await repo.search(admin, 'Patient', [['_tag', f.tag], ['favourite-colour', 'blue']]);
      expect(lenient.matches).toHaveLength(3);
      expect(lenient.warnings.join(' ')).toContain('favourite-colour');
      expect(lenient.applied.map(([k]) => k)).not.toContain('favourite-colour');
      expect(await statusOf(repo.search(admin, 'Patient', [['name:fuzzy', 'x']], { handling: 'strict' }))).toBe(400);
      expect(await statusOf(repo.search(admin, 'Patient', [['gender:missing', 'maybe']]))).toBe(400);
      expect(await statusOf(repo.search(admin, 'NotAType', []))).toBe(400);
    });

    it('_elements returns a marked subset', async () => {
      const result = await repo.search(admin, 'Patient', [['_id', f.zoe.id!], ['_elements', 'gender']]);
      const patient = result.matches[0] as unknown as Record<string, unknown>;
      expect(patient.gender).toBe('female');
      expect(patient.name).toBeUndefined();
      expect(JSON.stringify(patient.meta)).toContain('SUBSETTED');
    });
  });
}
