import { Command } from 'commander';
import * as query from '/work/main/apps/cli/src/commands/query';
const program = new Command('footprint');
query.register(program);
await program.parseAsync(process.argv);
