import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { exportItemsCsv, importItemsCsv, kindNamed, PartnershipStore, registerPartnershipKinds, runningFootprint, type Editor } from '@footprint/partnership';
import { capabilitiesOf, findStaffUser } from '@footprint/server';
import { openPlatform, type OpenPlatform } from '../platform';

/** The largest file `import` reads, as the web API's limit. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Opens storage, finds the running footprint and registers every kind, runs `fn`, closes storage. */
async function withFootprint<T>(fn: (platform: OpenPlatform, footprint: string) => Promise<T>): Promise<T> {
  registerPartnershipKinds();
  const platform = await openPlatform();
  try {
    const footprint = await runningFootprint(platform.record);
    if (!footprint) throw new Error('the record holds no partnership body yet: import the footprint’s organisations first (docs/partnership.md)');
    return await fn(platform, footprint.onsCode);
  } finally {
    await platform.close();
  }
}

/** Who the history names for an import: a staff user who may edit the partnership (--user), else the command line and the account that ran it. */
async function importer(platform: OpenPlatform, username: string | undefined): Promise<Editor> {
  if (username !== undefined) {
    const user = await findStaffUser(platform.sql, username);
    if (!user) throw new Error(`there is no active staff user ${JSON.stringify(username)}`);
    if (!capabilitiesOf(user.role).includes('partnership-edit')) throw new Error(`${user.username} is a ${user.role}, whose role may not edit the partnership`);
    return { id: user.id, name: user.displayName, role: user.role };
  }
  let who = 'unknown';
  try {
    who = userInfo().username;
  } catch {
    // No passwd entry (some containers): the history still says the change came from the command line.
  }
  return { id: `footprint-cli:${who}`, name: `Command line (${who})`, role: 'system' };
}

/** Turns a refusal (PartnershipProblem) into the one line the CLI prints. */
function plainly(error: unknown): never {
  if (error && typeof error === 'object' && 'title' in error && typeof (error as { title: unknown }).title === 'string') {
    const { title, detail } = error as { title: string; detail?: string };
    throw new Error(detail ? `${title}: ${detail}` : title);
  }
  throw error;
}

function kindOf(name: string) {
  try {
    return kindNamed(name);
  } catch (error) {
    return plainly(error);
  }
}

/**
 * `footprint partnership export|import|kinds`: the register's and plan's items as CSV, any kind
 * (the same format and rules as GET /api/partnership/export/:kind and POST …/import/:kind).
 */
export function register(program: Command): void {
  const partnership = program
    .command('partnership')
    .description('The partnership’s register and plan as CSV: export a kind’s items, import them back (docs/partnership.md)')
    .addHelpText('after', '\nExamples:\n  footprint partnership kinds\n  footprint partnership export --kind milestone --out milestones.csv\n  footprint partnership import --kind milestone milestones.csv --user partnership.lead');

  partnership
    .command('kinds')
    .description('List the kinds of item there are, with their labels and parent kinds')
    .action(() => {
      for (const kind of registerPartnershipKinds().sort((a, b) => a.kind.localeCompare(b.kind))) {
        const parent = [kind.parentKind ?? []].flat();
        console.log(`${kind.kind}\t${kind.label}${parent.length ? `\tunder ${parent.join(' or ')}` : ''}`);
      }
    });

  partnership
    .command('export')
    .description('Write the running footprint’s live items of one kind as CSV (id, parent_id, version, updated_at, updated_by, then the data’s columns) to a file or standard output')
    .requiredOption('--kind <kind>', 'the kind of item (footprint partnership kinds lists them)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options: { kind: string; out?: string }) => {
      await withFootprint(async (platform, footprint) => {
        const { csv, rows } = await exportItemsCsv(new PartnershipStore(platform.sql), kindOf(options.kind), footprint).catch(plainly);
        if (!options.out) return void process.stdout.write(csv);
        await writeFile(options.out, csv, { mode: 0o600 });
        console.log(`Wrote ${rows.toLocaleString('en-GB')} ${options.kind} ${rows === 1 ? 'item' : 'items'} of ${footprint} to ${options.out}`);
      });
    });

  partnership
    .command('import')
    .description(
      'Import a CSV file of one kind’s items into the running footprint: every row is checked first and any problem refuses the whole file (naming the rows and columns); otherwise all rows are written in one transaction (an id that exists is updated if changed, a new id or none is created)',
    )
    .argument('<file>', 'the CSV file (at most 5 MB), such as one `export` wrote and you edited')
    .requiredOption('--kind <kind>', 'the kind of item in the file')
    .option('--user <username>', 'the staff user the history names as making the changes (a partnership lead or administrator); default: the command line')
    .action(async (file: string, options: { kind: string; user?: string }) => {
      const text = await readFile(file);
      if (text.length > MAX_FILE_BYTES) throw new Error(`${file} is larger than 5 MB`);
      await withFootprint(async (platform, footprint) => {
        const editor = await importer(platform, options.user);
        const kind = kindOf(options.kind);
        const counts = await importItemsCsv(platform.sql, new PartnershipStore(platform.sql), kind, footprint, text.toString('utf8'), editor).catch(plainly);
        console.log(`Imported ${file} into ${footprint} (${kind.kind}): ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`);
      });
    });
}
