import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportRegisterCsv, importRegisterCsv, runningFootprint, type Editor, type RegisterImportReport } from '@footprint/partnership';
import { partnerKind } from '@footprint/server';
import { ORGANISATION_KINDS } from '@footprint/warehouse';
import { openPlatform, type OpenPlatform } from '../platform';
import { terminalProgress, type ProgressReporter } from '../progress';

/** Who the register's history names for a change made from the command line. */
export const CLI_EDITOR: Editor = { id: 'footprint-cli', name: 'footprint register import', role: 'system' };

/** The register of organisations and memberships as CSV (docs/partnership.md). */
export async function exportRegister(platform: Pick<OpenPlatform, 'record'>): Promise<string> {
  return exportRegisterCsv(platform.record, partnerKind);
}

/** Imports a register CSV all or nothing, with a progress bar over the rows it writes. */
export async function importRegister(platform: Pick<OpenPlatform, 'record'>, text: string, progress: ProgressReporter): Promise<RegisterImportReport> {
  const footprint = await runningFootprint(platform.record);
  let step: ReturnType<ProgressReporter['start']> | undefined;
  try {
    return await importRegisterCsv(platform.record, text, {
      editor: CLI_EDITOR,
      kinds: ORGANISATION_KINDS.map((k) => k.kind),
      ...(footprint ? { bodyId: footprint.organisationId } : {}),
      onProgress: (done, total) => {
        step ??= progress.start('register', total, 'rows');
        step.update(done);
      },
    });
  } finally {
    step?.stop();
  }
}

const counts = (c: { created: number; updated: number; unchanged: number }) => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;

/** `footprint register export|import`. */
export function register(program: Command): void {
  const command = program
    .command('register')
    .description("The partnership's register of member organisations (the record's Organization and OrganizationAffiliation resources) as CSV");
  command
    .command('export')
    .description('Write every organisation and membership (role, start, end, member_of, …) as CSV, one row per membership')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (options: { out?: string }) => {
      const platform = await openPlatform();
      try {
        const csv = await exportRegister(platform);
        if (options.out) {
          await writeFile(options.out, csv);
          console.error(`Wrote ${Math.max(0, csv.split('\r\n').length - 2).toLocaleString('en-GB')} rows to ${options.out}`);
        } else process.stdout.write(csv);
      } finally {
        await platform.close();
      }
    });
  command
    .command('import')
    .description('Read a register CSV (the columns `register export` writes): every row is checked first, a bad row refuses the whole file naming its row and column, and everything is written in one transaction')
    .argument('<file>', 'the CSV file')
    .action(async (file: string) => {
      const text = await readFile(file, 'utf8');
      const platform = await openPlatform();
      try {
        const report = await importRegister(platform, text, terminalProgress());
        console.log(`Read ${report.rows.toLocaleString('en-GB')} rows. Organisations: ${counts(report.organisations)}. Memberships: ${counts(report.memberships)}.`);
      } finally {
        await platform.close();
      }
    });
}
