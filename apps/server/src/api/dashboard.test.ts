import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { postgresKinds, reserveTestSchema } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFootprint } from '@footprint/synth';
import { buildWarehouseFromNdjson, openWarehouseHandle, type EngineName, type WarehouseHandleOptions } from '@footprint/warehouse';
import { buildServer } from '../app';
import { openTestPlatform } from '../../test/support';
import { upsertUser } from './auth/users';
import type { FootprintOverview, PlaceDetail, PopulationCatalogue, PracticeDetail, PrevalenceAnswer, TrendAnswer } from './responses';

/**
 * The dashboard answers (/api/footprint, /api/population/*) through the real server on each
 * warehouse engine the platform can open: DuckDB always, PostgreSQL (a schema of its own) when
 * FOOTPRINT_TEST_DATABASE_URL is set. Both engines must give the same figures, answer 503 before a
 * build, and follow a rebuild without a restart.
 */
const engines: EngineName[] = ['duckdb', ...(postgresKinds().includes('postgres') ? (['postgres'] as const) : [])];

const PAGES = [
  '/api/footprint',
  '/api/population/prevalence?register=hypertension&by=place',
  '/api/population/prevalence?register=diabetes&by=imd_decile',
  '/api/population/case-finding?by=practice',
  '/api/population/inequalities?register=hypertension&by=imd_quintile',
  '/api/population/trends?register=hypertension&by=core20&months=6',
];

let folder: string;
let biggerFolder: string;
const answers = new Map<EngineName, Record<string, unknown>>();

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'footprint-dashboard-'));
  biggerFolder = join(folder, 'bigger');
  await writeFootprint({ footprint: 'cheshire-and-merseyside', people: 300, seed: 5, outDir: join(folder, 'out') });
  await writeFootprint({ footprint: 'cheshire-and-merseyside', people: 420, seed: 6, outDir: biggerFolder });
}, 300_000);
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe.each(engines)('dashboard API on the %s warehouse', { timeout: 120_000 }, (engine) => {
  let app: FastifyInstance;
  let cookie: string;
  let settings: WarehouseHandleOptions;
  let close: () => Promise<void>;
  const reserved = engine === 'postgres' ? reserveTestSchema('wh_dash') : undefined;

  beforeAll(async () => {
    const opened = await openTestPlatform('pglite');
    settings = { dataDir: opened.platform.dataDir, engine, ...(reserved ? { databaseUrl: reserved.url, schema: reserved.schema } : {}) };
    const warehouse = openWarehouseHandle(settings);
    const platform = { ...opened.platform, warehouse };
    app = buildServer(platform, { logger: false });
    await app.ready();
    await upsertUser(platform.sql, { username: 'analyst.dash', role: 'analyst', displayName: 'Dashboard analyst', password: 'correct horse analyst' });
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'analyst.dash', password: 'correct horse analyst' } });
    cookie = String(signIn.headers['set-cookie']).split(';')[0];
    close = async () => {
      await app.close();
      await warehouse.close();
      await opened.close();
      await reserved?.drop();
    };
  }, 120_000);
  afterAll(async () => close?.());

  const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const response = await app.inject({ method: 'GET', url: path, headers: { cookie } });
    return { status: response.statusCode, body: response.json() as T };
  };

  it('answers 503 with what to do until a warehouse is built', async () => {
    for (const path of PAGES) {
      const answer = await get<{ title: string; detail: string }>(path);
      expect(answer.status, path).toBe(503);
      expect(answer.body.detail).toMatch(/footprint warehouse build/);
    }
    expect((await get<PopulationCatalogue>('/api/population/catalogue')).status).toBe(200);
  });

  it('serves every dashboard figure once the warehouse is built, without a restart', async () => {
    await buildWarehouseFromNdjson(join(folder, 'out'), { ...settings, workers: 0 });
    const seen: Record<string, unknown> = {};
    for (const path of PAGES) {
      const answer = await get<unknown>(path);
      expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(200);
      seen[path] = answer.body;
    }
    answers.set(engine, seen);

    const overview = seen['/api/footprint'] as FootprintOverview;
    expect(overview.name).toBe('Cheshire and Merseyside');
    expect(overview.places.length).toBeGreaterThan(1);
    expect(overview.places.reduce((n, p) => n + (p.population ?? 0), 0)).toBeGreaterThan(200);
    expect(overview.organisations.find((o) => o.kind === 'gp_practice')?.kindLabel).toBe('GP practice');

    const byPlace = seen['/api/population/prevalence?register=hypertension&by=place'] as PrevalenceAnswer;
    for (const row of byPlace.figure.rows) if (row.group) expect(byPlace.labels[row.group], row.group).toBe(overview.places.find((p) => p.code === row.group)?.name ?? byPlace.labels[row.group]);
    const named = overview.places.filter((p) => byPlace.labels[p.code] === p.name);
    expect(named.length).toBeGreaterThan(0);

    const trend = seen['/api/population/trends?register=hypertension&by=core20&months=6'] as TrendAnswer;
    expect(trend.labels).toMatchObject({ Core20: 'Core20 (most deprived 20%)', 'Not Core20': 'Rest of footprint' });
    expect(new Set(trend.figure.rows.map((r) => r.interval_end)).size).toBe(6);

    const catalogue = (await get<PopulationCatalogue>('/api/population/catalogue')).body;
    expect(catalogue.figures.map((f) => f.id)).toContain('trend');
    expect(catalogue.breakdowns.find((b) => b.id === 'core20')?.name).toBe('Core20');
  });

  it('shows a place and a practice with every register', async () => {
    const overview = (await get<FootprintOverview>('/api/footprint')).body;
    const place = overview.places.find((p) => p.practices > 0)!;
    const detail = await get<PlaceDetail>(`/api/footprint/places/${place.code}`);
    expect(detail.status).toBe(200);
    expect(detail.body.prevalence.rows).toHaveLength(19);
    const practice = detail.body.practices[0];
    const practiceDetail = await get<PracticeDetail>(`/api/footprint/practices/${practice.code}`);
    expect(practiceDetail.status).toBe(200);
    expect(practiceDetail.body.place?.code).toBe(place.code);
    expect(practiceDetail.body.caseFinding.rows.length).toBe(5);
    expect((await get('/api/footprint/places/E99999999')).status).toBe(404);
  });

  it('gives the same figures as every other engine', () => {
    const first = answers.get(engines[0]);
    expect(first).toBeDefined();
    expect(answers.get(engine)).toEqual(first);
  });

  it('follows a rebuild: the next answer is from the new build, not the cache', async () => {
    const before = (await get<FootprintOverview>('/api/footprint')).body;
    await buildWarehouseFromNdjson(biggerFolder, { ...settings, workers: 0 });
    const after = (await get<FootprintOverview>('/api/footprint')).body;
    const total = (o: FootprintOverview) => o.places.reduce((n, p) => n + (p.population ?? 0), 0);
    expect(total(after)).toBeGreaterThan(total(before));
  });
});
