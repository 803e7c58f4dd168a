import type { Command } from 'commander';
import { describeRetention, parseRetentionDays, retentionDaysFromEnvironment, runRetention } from '@footprint/engage';
import { openPlatform } from '../platform';

/**
 * `footprint engage retention [--dry-run] [--days N]`: engagement's retention job from the command
 * line (the server also runs it daily). Removes the personal data of enquiries closed longer ago
 * than the period and the contact details of responses to consultations that closed before it,
 * keeps the facts, and prints what it removed by kind (counts only).
 */
export function register(program: Command): void {
  const engage = program
    .command('engage')
    .description('Engagement: get in touch, consultations and their results (docs/engagement.md)');

  engage
    .command('retention')
    .description('Delete personal data kept longer than the retention period: names, email addresses and messages of closed enquiries (with their replies and notes), and contact details of responses to closed consultations; print what was removed')
    .option('--dry-run', 'count what would be removed, and change nothing')
    .option('--days <days>', 'the retention period in days (default FOOTPRINT_ENQUIRY_RETENTION_DAYS, else 365)')
    .addHelpText('after', '\nExamples:\n  footprint engage retention --dry-run\n  footprint engage retention --days 730')
    .action(async (options: { dryRun?: boolean; days?: string }) => {
      const days = options.days !== undefined ? parseRetentionDays(options.days, '--days') : retentionDaysFromEnvironment();
      const platform = await openPlatform();
      try {
        const report = await runRetention(platform.sql, { days, dryRun: options.dryRun === true, trigger: 'command-line' });
        for (const line of describeRetention(report)) console.log(line);
      } finally {
        await platform.close();
      }
    });
}
