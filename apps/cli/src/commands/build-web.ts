import type { Command } from 'commander';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { webDistDir, webRootDir } from '@footprint/web';

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
  const index = join(webDistDir, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newestSourceTime(webRootDir);
}

/** Builds the web app with Vite's JavaScript API into apps/web/dist (skipped when already up to date). */
export async function buildWeb(options: { force?: boolean } = {}): Promise<'built' | 'fresh'> {
  if (!options.force && webBuildIsFresh()) return 'fresh';
  const { build } = await import('vite');
  await build({
    configFile: join(webRootDir, 'vite.config.ts'),
    root: webRootDir,
    logLevel: 'warn',
  });
  return 'built';
}

export function register(program: Command): void {
  program
    .command('build-web')
    .description('Build the web app into apps/web/dist (skipped when the build is newer than its sources)')
    .option('--force', 'rebuild even if the build is up to date')
    .action(async (options: { force?: boolean }) => {
      const started = Date.now();
      const result = await buildWeb({ force: options.force });
      console.log(
        result === 'fresh'
          ? 'Web app is up to date (apps/web/dist).'
          : `Built the web app into apps/web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
    });
}
