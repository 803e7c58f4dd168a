import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Group, Patient, Resource } from '@footprint/fhir';
import { existsSync } from 'node:fs';
import pino from 'pino';
import { ExportJobs } from '../src/fhir/export/jobs';
import { FHIR_JSON, pollExport, startTestServer, storageKinds, type TestServer } from './support';

interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: Array<{ type: string; url: string; count: number }>;
  error: unknown[];
}

describe.each(storageKinds)('Bulk Data $export on %s', (kind) => {
  let server: TestServer;
  let auth: Record<string, string>;
  const patients: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind);
    auth = { authorization: `Bearer ${await server.token()}` };
    for (let i = 0; i < 3; i++) {
      const p = (await server.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: { ...auth, ...FHIR_JSON }, payload: { resourceType: 'Patient', name: [{ family: `Exported${i}` }] } })).json() as Patient;
      patients.push(p.id!);
      await server.app.inject({
        method: 'POST',
        url: '/fhir/R4/Observation',
        headers: { ...auth, ...FHIR_JSON },
        payload: { resourceType: 'Observation', status: 'final', code: { text: 'BP' }, subject: { reference: `Patient/${p.id}` } },
      });
    }
    await server.app.inject({ method: 'POST', url: '/fhir/R4/Organization', headers: { ...auth, ...FHIR_JSON }, payload: { resourceType: 'Organization', name: 'Practice' } });
  });
  afterAll(async () => server?.close());

  async function runExport(url: string): Promise<{ manifest: Manifest; files: Map<string, Resource[]>; status: string }> {
    const kickOff = await server.app.inject({ method: 'GET', url, headers: { ...auth, prefer: 'respond-async' } });
    expect(kickOff.statusCode, kickOff.body).toBe(202);
    const status = new URL(kickOff.headers['content-location'] as string);
    const response = await pollExport(server.app, status.href, auth, (pending) => expect(pending.headers['x-progress']).toBeTruthy());
    expect(response.statusCode, response.body).toBe(200);
    const manifest = response.json() as Manifest;
    const files = new Map<string, Resource[]>();
    for (const output of manifest.output) {
      const file = new URL(output.url);
      expect((await server.app.inject({ method: 'GET', url: file.pathname })).statusCode).toBe(401);
      const download = await server.app.inject({ method: 'GET', url: file.pathname, headers: auth });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toMatch(/ndjson/);
      const lines = download.body.trim().split('\n').map((l) => JSON.parse(l) as Resource);
      expect(lines).toHaveLength(output.count);
      expect(lines.every((r) => r.resourceType === output.type)).toBe(true);
      files.set(output.type, lines);
    }
    return { manifest, files, status: status.pathname };
  }

  it('requires Prefer: respond-async and valid parameters', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/fhir/R4/$export', headers: auth })).statusCode).toBe(400);
    expect((await server.app.inject({ method: 'GET', url: '/fhir/R4/$export?_type=Nonsense', headers: { ...auth, prefer: 'respond-async' } })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/fhir/R4/$export?_since=soon', headers: { ...auth, prefer: 'respond-async' } })).statusCode).toBe(400);
    // A member of staff holds user/ scopes, never the system-level read scopes an export needs.
    const userScoped = await server.staffToken('export-gp', 'gp_clinician', { reference: 'Organization/test', odsCode: 'A81001' }, ['user/*.rs']);
    expect((await server.app.inject({ method: 'GET', url: '/fhir/R4/$export', headers: { authorization: `Bearer ${userScoped}`, prefer: 'respond-async' } })).statusCode).toBe(403);
  });

  it('exports the whole record at system level, and only the asked types with _type', async () => {
    const all = await runExport('/fhir/R4/$export');
    expect(all.manifest.requiresAccessToken).toBe(true);
    expect(all.manifest.request).toMatch(/\/fhir\/R4\/\$export$/);
    expect(all.files.get('Patient')?.length).toBe(3);
    expect(all.files.get('Observation')?.length).toBe(3);
    expect(all.files.get('Organization')?.length).toBe(1);

    const typed = await runExport('/fhir/R4/$export?_type=Observation');
    expect([...typed.files.keys()]).toEqual(['Observation']);

    const future = await runExport(`/fhir/R4/$export?_since=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`);
    expect(future.manifest.output).toEqual([]);
  });

  it('exports patient compartments at Patient and Group level', async () => {
    const patientLevel = await runExport('/fhir/R4/Patient/$export');
    expect(patientLevel.files.get('Patient')?.length).toBe(3);
    expect(patientLevel.files.get('Observation')?.length).toBe(3);
    expect(patientLevel.files.has('Organization')).toBe(false);

    const group: Group = { resourceType: 'Group', type: 'person', actual: true, member: [{ entity: { reference: `Patient/${patients[0]}` } }] };
    const created = (await server.app.inject({ method: 'POST', url: '/fhir/R4/Group', headers: { ...auth, ...FHIR_JSON }, payload: group })).json() as Group;
    const groupLevel = await runExport(`/fhir/R4/Group/${created.id}/$export`);
    expect(groupLevel.files.get('Patient')?.map((p) => p.id)).toEqual([patients[0]]);
    expect(groupLevel.files.get('Observation')).toHaveLength(1);
    expect((await server.app.inject({ method: 'GET', url: '/fhir/R4/Group/missing/$export', headers: { ...auth, prefer: 'respond-async' } })).statusCode).toBe(404);
  });

  it('cancels a job with DELETE and hides other clients\' jobs', async () => {
    const kickOff = await server.app.inject({ method: 'GET', url: '/fhir/R4/$export', headers: { ...auth, prefer: 'respond-async' } });
    const status = new URL(kickOff.headers['content-location'] as string).pathname;
    const other = await server.token(['system/Patient.rs']);
    expect((await server.app.inject({ method: 'GET', url: status, headers: { authorization: `Bearer ${other}` } })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'DELETE', url: status, headers: auth })).statusCode).toBe(202);
    expect((await server.app.inject({ method: 'GET', url: status, headers: auth })).statusCode).toBe(404);
    const bundle = (await server.app.inject({ method: 'GET', url: '/fhir/R4/Patient?_count=1', headers: auth })).json() as Bundle;
    expect(bundle.type).toBe('searchset');
  });

  it('removes exports a day after they finished', async () => {
    const done = await runExport('/fhir/R4/$export?_type=Organization');
    const jobId = done.status.split('/').pop()!;
    const jobs = new ExportJobs(server.platform.sql, server.platform.record, server.platform.dataDir, pino({ enabled: false }));
    expect(await jobs.removeExpired()).toBe(0);
    expect(existsSync(jobs.directory(jobId))).toBe(true);
    await server.platform.sql.query(`UPDATE bulk_export_job SET updated_at = now() - interval '25 hours' WHERE id = $1`, [jobId]);
    expect(await jobs.removeExpired()).toBe(1);
    expect(existsSync(jobs.directory(jobId))).toBe(false);
    expect((await server.app.inject({ method: 'GET', url: done.status, headers: auth })).statusCode).toBe(404);
  });
});
