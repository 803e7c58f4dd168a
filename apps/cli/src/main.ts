import { Command, CommanderError } from 'commander';
import * as audit from './commands/audit';
import * as buildWeb from './commands/build-web';
import * as client from './commands/client';
import * as demo from './commands/demo';
import * as engage from './commands/engage';
import * as generate from './commands/generate';
import * as importCommand from './commands/import';
import * as indicators from './commands/indicators';
import * as keys from './commands/keys';
import * as partnership from './commands/partnership';
import * as query from './commands/query';
import * as registerCommand from './commands/register';
import * as relationships from './commands/relationships';
import * as risk from './commands/risk';
import * as serve from './commands/serve';
import * as spc from './commands/spc';
import * as token from './commands/token';
import * as user from './commands/user';
import * as warehouse from './commands/warehouse';

/** Each command lives in its own file under ./commands and adds itself to the program. */
const commands = [demo, serve, importCommand, generate, warehouse, query, token, keys, client, user, relationships, audit, registerCommand, partnership, buildWeb, spc, indicators, engage, risk];

export function buildProgram(): Command {
  const program = new Command('footprint')
    .description('Footprint: the shared care record, population health and plan for a health and care partnership')
    .showHelpAfterError();
  for (const command of commands) command.register(program);
  return program;
}

/**
 * Runs the command line with umask 077. A failure is printed as one line naming the command and the problem (an
 * OperationOutcome's diagnostics for bad input), with exit status 1; the stack trace only with
 * FOOTPRINT_DEBUG=1. Commander's own usage errors keep their messages and status.
 */
export async function main(argv: string[]): Promise<void> {
  // Everything the command writes (credentials, keys, exports, the warehouse) is for this user only: files 0600, directories 0700.
  process.umask(0o077);
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    const command = argv[2] && !argv[2].startsWith('-') ? ` ${argv[2]}` : '';
    console.error(`footprint${command}: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.FOOTPRINT_DEBUG === '1') console.error(error);
    process.exit(1);
  }
}
