import { Command } from 'commander';
import * as buildWeb from './commands/build-web';
import * as client from './commands/client';
import * as demo from './commands/demo';
import * as generate from './commands/generate';
import * as importCommand from './commands/import';
import * as query from './commands/query';
import * as serve from './commands/serve';
import * as token from './commands/token';
import * as warehouse from './commands/warehouse';

/** Each command lives in its own file under ./commands and adds itself to the program. */
const commands = [demo, serve, importCommand, generate, warehouse, query, token, client, buildWeb];

export function buildProgram(): Command {
  const program = new Command('footprint')
    .description('Footprint: the shared care record, population health and plan for a health and care partnership')
    .showHelpAfterError();
  for (const command of commands) command.register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}
