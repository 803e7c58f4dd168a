import type { Command } from 'commander';
import { headFilePath, readRecordedHeads, recordChainHead, verifyAuditChain, type ChainVerification } from '@footprint/record';
import { openPlatform, type OpenPlatform } from '../platform';
import { terminalProgress, type ProgressReporter } from '../progress';

/** Verifies the chain with a progress bar, against the heads recorded in the data directory. */
export async function verifyWithProgress(platform: Pick<OpenPlatform, 'sql' | 'dataDir'>, progress: ProgressReporter): Promise<ChainVerification> {
  let step: ReturnType<ProgressReporter['start']> | undefined;
  try {
    return await verifyAuditChain(platform.sql, {
      recorded: readRecordedHeads(platform.dataDir),
      onProgress: (p) => {
        step ??= progress.start('audit chain', p.total, 'entries');
        step.update(p.done);
      },
    });
  } finally {
    step?.stop();
  }
}

/** `footprint audit verify|head`: the audit trail's hash chain (docs/audit.md). */
export function register(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit trail: verify its hash chain, record its head outside the database');
  audit
    .command('verify')
    .description(
      'Recompute the hash chain over every AuditEvent and compare it with the heads recorded in the data directory (audit-head.jsonl); exits 1 naming the first broken link (changed, missing, inserted, head-mismatch or rewritten). An intact chain has its head recorded.',
    )
    .action(async () => {
      const platform = await openPlatform();
      try {
        const heads = readRecordedHeads(platform.dataDir).length;
        console.log(`Verifying the audit chain in ${platform.storage} against ${heads} ${heads === 1 ? 'head' : 'heads'} recorded in ${headFilePath(platform.dataDir)}`);
        const result = await verifyWithProgress(platform, terminalProgress());
        if (!result.ok && result.problem) {
          throw new Error(`the audit chain is broken at entry ${result.problem.seq} (${result.problem.kind}): ${result.problem.detail}. ${result.checked.toLocaleString('en-GB')} entries before it are intact.`);
        }
        await recordChainHead(platform.sql, platform.dataDir);
        console.log(`The audit chain is intact: ${result.checked.toLocaleString('en-GB')} entries, head ${result.head.seq} ${result.head.hash}`);
      } finally {
        await platform.close();
      }
    });
  audit
    .command('head')
    .description('Append the chain head (last entry number and hash) to audit-head.jsonl in the data directory and print it; `footprint serve` does this at intervals (FOOTPRINT_AUDIT_HEAD_INTERVAL)')
    .action(async () => {
      const platform = await openPlatform();
      try {
        const { head, written } = await recordChainHead(platform.sql, platform.dataDir);
        console.log(`Audit chain head ${head.seq} ${head.hash} ${written ? 'recorded' : 'already recorded'} in ${headFilePath(platform.dataDir)}`);
      } finally {
        await platform.close();
      }
    });
}
