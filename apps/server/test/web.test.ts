import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support';

describe('serving the web app', () => {
  let built: TestServer;
  let unbuilt: TestServer;
  let dist: string;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'footprint-web-'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Footprint</title><div id="root"></div>');
    await writeFile(join(dist, 'app.js'), 'console.log("footprint")');
    built = await startTestServer('pglite', { webDist: dist });
    unbuilt = await startTestServer('pglite', { webDist: join(dist, 'missing') });
  });
  afterAll(async () => {
    await built?.close();
    await unbuilt?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('serves files and falls back to index.html for client-side routes', async () => {
    expect((await built.app.inject({ method: 'GET', url: '/app.js' })).body).toContain('footprint');
    const route = await built.app.inject({ method: 'GET', url: '/population/registers' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('<div id="root">');
  });

  it('keeps API paths out of the fallback', async () => {
    const api = await built.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/json/);
  });

  it('says how to build the web app when it is missing', async () => {
    const page = await unbuilt.app.inject({ method: 'GET', url: '/' });
    expect(page.body).toContain('npm run build:web');
  });
});
