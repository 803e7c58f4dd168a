/**
 * Times the web API's pages against a running Footprint (e.g. `npm start`), as a signed-in demo
 * user: the first call to each route, then the median and 95th percentile of repeats.
 *
 *   npx tsx apps/web/bench/api-latency.ts [baseUrl] [dataDir] [repeats]
 *
 * Credentials come from <dataDir>/demo-users.json (default .footprint).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const dataDir = process.argv[3] ?? process.env.FOOTPRINT_DATA_DIR ?? '.footprint';
const repeats = Number(process.argv[4] ?? 20);
const users = (JSON.parse(readFileSync(join(dataDir, 'demo-users.json'), 'utf8')) as { users: Array<{ role: string; username: string; password: string }> }).users;

async function signIn(role: string): Promise<string> {
  const user = users.find((u) => u.role === role)!;
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${role} failed: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

async function time(cookie: string, path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return performance.now() - started;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const gp = await signIn('gp_clinician');
const overview = (await (await fetch(`${base}/api/footprint`, { headers: { cookie: gp } })).json()) as { places: Array<{ code: string }> };
const session = (await (await fetch(`${base}/api/session`, { headers: { cookie: gp } })).json()) as { user: { organisation: { code: string } } };
const routes: Array<[role: string, path: string]> = [
  ['gp_clinician', '/api/footprint'],
  ['gp_clinician', `/api/footprint/places/${overview.places[0].code}`],
  ['gp_clinician', `/api/footprint/practices/${session.user.organisation.code}`],
  ['gp_clinician', '/api/population/prevalence?register=hypertension&by=practice'],
  ['gp_clinician', '/api/population/case-finding?by=place'],
  ['gp_clinician', '/api/population/inequalities?register=diabetes&by=imd_decile'],
  ['gp_clinician', '/api/population/trends?register=hypertension&by=place&months=24'],
  ['gp_clinician', '/api/worklist'],
  ['administrator', '/api/feeds'],
];
const cookies = new Map<string, string>([['gp_clinician', gp]]);
console.log(`Web API latency at ${base}, ${repeats} repeats per route (ms)`);
console.log('route'.padEnd(72), 'first'.padStart(8), 'p50'.padStart(8), 'p95'.padStart(8));
for (const [role, path] of routes) {
  if (!cookies.has(role)) cookies.set(role, await signIn(role));
  const cookie = cookies.get(role)!;
  const first = await time(cookie, path);
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) samples.push(await time(cookie, path));
  samples.sort((a, b) => a - b);
  console.log(path.padEnd(72), first.toFixed(1).padStart(8), percentile(samples, 50).toFixed(1).padStart(8), percentile(samples, 95).toFixed(1).padStart(8));
}
