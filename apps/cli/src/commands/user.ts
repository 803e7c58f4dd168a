import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { systemContext, type AccessContext } from '@footprint/record';
import {
  addAccount,
  disableAccount,
  enableAccount,
  listAccounts,
  parseRole,
  resetPassword,
  ROLE_DESCRIPTIONS,
  setRole,
  type StaffAccount,
} from '@footprint/server';
import { openPlatform, type OpenPlatform } from '../platform';

/** Opens storage (every migration set applied), runs `fn`, and closes storage. */
async function withPlatform<T>(fn: (platform: OpenPlatform) => Promise<T>): Promise<T> {
  const platform = await openPlatform();
  try {
    return await fn(platform);
  } finally {
    await platform.close();
  }
}

/** Who made the change, for the AuditEvent: the command line, and the operating-system account that ran it. */
function commandLine(): AccessContext {
  let who = 'unknown';
  try {
    who = userInfo().username;
  } catch {
    // No passwd entry (some containers): the audit still says the change came from the command line.
  }
  return systemContext('SYSADMIN', `footprint-cli:${who}`);
}

function describe(account: StaffAccount): string {
  const organisation = account.organisation ? ` at ${account.organisation.name} (${account.organisation.code})` : '';
  return `${account.username} (${account.role.label}, ${account.role.code})${organisation}`;
}

function printTemporaryPassword(password: string): void {
  console.log(`Temporary password: ${password}`);
  console.log('It is shown only this once and stored only as a hash. The user must change it when they first sign in.');
}

const ROLE_HELP = `one of: ${ROLE_DESCRIPTIONS.map((r) => `${r.role} (${r.code})`).join(', ')}; an RBAC code is accepted where only one role has it`;

/**
 * `footprint user add|list|disable|enable|reset-password|set-role`: the staff who sign in to the
 * web app. Every change is audited as an AuditEvent. With embedded storage, stop the server
 * first (PGlite allows one process at a time); with DATABASE_URL it can run beside the server.
 */
export function register(program: Command): void {
  const user = program
    .command('user')
    .description('Manage the staff accounts that sign in to the web app (each change is audited)')
    .addHelpText('after', '\nThe first administrator of a deployment: footprint user add <username> --name "<name>" --role administrator');

  user
    .command('add')
    .description('Add a member of staff; prints a temporary password once, which they must change at first sign-in')
    .argument('<username>', 'lower-case letters, digits, dots, hyphens or underscores, e.g. asha.patel')
    .requiredOption('--name <display name>', 'the name to show, e.g. "Dr Asha Patel"')
    .requiredOption('--role <role>', ROLE_HELP)
    .option('--organisation <ODS code>', 'the organisation they work for, an Organization in the record (required except for administrator, analyst and partnership_lead)')
    .action(async (username: string, options: { name: string; role: string; organisation?: string }) => {
      parseRole(options.role); // an unknown role is refused before storage is opened
      const { account, temporaryPassword } = await withPlatform((platform) =>
        addAccount(platform, commandLine(), { username, displayName: options.name, role: options.role, organisation: options.organisation }),
      );
      console.log(`Added ${describe(account)}.`);
      printTemporaryPassword(temporaryPassword);
    });

  user
    .command('list')
    .description('List the staff accounts with their role, RBAC code, organisation and status (never passwords)')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const accounts = await withPlatform((platform) => listAccounts(platform.sql));
      if (options.json) {
        console.log(JSON.stringify(accounts, null, 2));
        return;
      }
      if (accounts.length === 0) {
        console.log('No staff accounts yet. Add the first administrator with: footprint user add <username> --name "<name>" --role administrator');
        return;
      }
      const rows = accounts.map((a) => [
        a.username,
        a.status + (a.mustChangePassword ? ' (temporary password)' : ''),
        a.role.code,
        a.role.label,
        a.organisation ? `${a.organisation.name} (${a.organisation.code})` : '-',
        a.displayName,
      ]);
      const header = ['USERNAME', 'STATUS', 'CODE', 'ROLE', 'ORGANISATION', 'NAME'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
    });

  user
    .command('disable')
    .description('Disable an account: it can no longer sign in, and its sessions end at once')
    .argument('<username>')
    .action(async (username: string) => {
      const account = await withPlatform((platform) => disableAccount(platform, commandLine(), username));
      console.log(`Disabled ${describe(account)}.`);
    });

  user
    .command('enable')
    .description('Enable a disabled account again')
    .argument('<username>')
    .action(async (username: string) => {
      const account = await withPlatform((platform) => enableAccount(platform, commandLine(), username));
      console.log(`Enabled ${describe(account)}.`);
    });

  user
    .command('reset-password')
    .description('Give an account a new temporary password (printed once) and end its sessions')
    .argument('<username>')
    .action(async (username: string) => {
      const { account, temporaryPassword } = await withPlatform((platform) => resetPassword(platform, commandLine(), username));
      console.log(`Reset the password of ${describe(account)}.`);
      printTemporaryPassword(temporaryPassword);
    });

  user
    .command('set-role')
    .description("Change an account's role (and optionally its organisation); it applies from the user's next request")
    .argument('<username>')
    .argument('<role>', ROLE_HELP)
    .option('--organisation <ODS code>', 'move them to this organisation in the record as well')
    .action(async (username: string, role: string, options: { organisation?: string }) => {
      parseRole(role);
      const account = await withPlatform((platform) => setRole(platform, commandLine(), username, role, options.organisation));
      console.log(`${describe(account)} now has the role ${account.role.label}.`);
    });
}
