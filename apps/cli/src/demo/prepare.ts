import { ensureAdministratorClient, runServerMigrations } from '@footprint/server';
import type { Platform } from '@footprint/server';
import type { ProgressReporter } from '../progress';

/**
 * Everything `footprint demo` does to storage before serving it. For now it makes sure the
 * administrator client exists (so credentials.json is there for `footprint token`); the synthetic
 * footprint and the warehouse build are added here as they land. Idempotent: safe on every start.
 */
export async function prepareDemoFootprint(platform: Platform, progress: ProgressReporter): Promise<void> {
  await runServerMigrations(platform.sql);
  const admin = await ensureAdministratorClient(platform.sql, platform.dataDir);
  if (admin.created) progress.log(`Administrator client created; its id and secret are in ${admin.path}`);
}
