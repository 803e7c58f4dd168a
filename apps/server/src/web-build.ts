import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WEB_DIST } from './web';

/** The web app's source folder (apps/web, where vite.config.ts lives); the server serves its build. */
export const WEB_APP_ROOT = fileURLToPath(new URL('../../web', import.meta.url));

/** The newest modification time of any file under `dir` (skipping node_modules and the output). */
function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'test' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/index.html is newer than every source file, so the build can be skipped. */
export function webBuildIsFresh(): boolean {
  const index = join(DEFAULT_WEB_DIST, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newestSourceTime(WEB_APP_ROOT);
}

/** Builds the web app with Vite's JavaScript API into apps/web/dist (skipped when already up to date). */
export async function buildWeb(options: { force?: boolean } = {}): Promise<'built' | 'fresh'> {
  if (!options.force && webBuildIsFresh()) return 'fresh';
  const { build } = await import('vite');
  await build({
    configFile: join(WEB_APP_ROOT, 'vite.config.ts'),
    root: WEB_APP_ROOT,
    logLevel: 'warn',
  });
  return 'built';
}
