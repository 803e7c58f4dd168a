import type { Command } from 'commander';
import { buildWeb } from '@footprint/server';

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
