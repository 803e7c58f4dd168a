import type { Command } from 'commander';
import { rebuildCareRelationships, systemContext } from '@footprint/record';
import { openPlatform, type OpenPlatform } from '../platform';
import { terminalProgress, type ProgressReporter } from '../progress';

/**
 * Rebuilds the care relationships table from the record with a progress bar. The table is
 * derived at write time; this recomputes it from scratch (after a code change, or to prove
 * nothing drifted), in one transaction that writes wait for.
 */
export async function rebuildRelationshipsWithProgress(platform: Pick<OpenPlatform, 'sql'>, progress: ProgressReporter): Promise<{ resources: number; relationships: number }> {
  let step: ReturnType<ProgressReporter['start']> | undefined;
  try {
    return await rebuildCareRelationships(platform.sql, systemContext('SYSADMIN', 'footprint-relationships'), (p) => {
      step ??= progress.start('relationships', p.total, 'resources');
      step.update(p.done);
    });
  } finally {
    step?.stop();
  }
}

/** `footprint relationships rebuild`. */
export function register(program: Command): void {
  const relationships = program
    .command('relationships')
    .description('Care relationships between organisations and people (registered GP, episodes of care, encounters, referrals, care teams), which decide who may see whose record');
  relationships
    .command('rebuild')
    .description('Rebuild the care relationships table exactly from the record (it is kept up to date on every write; this recomputes it from scratch)')
    .action(async () => {
      const platform = await openPlatform();
      try {
        console.log(`Rebuilding care relationships in ${platform.storage}`);
        const result = await rebuildRelationshipsWithProgress(platform, terminalProgress());
        console.log(`Rebuilt ${result.relationships.toLocaleString('en-GB')} care relationships from ${result.resources.toLocaleString('en-GB')} resources`);
      } finally {
        await platform.close();
      }
    });
}
