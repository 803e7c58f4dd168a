import type { Command } from 'commander';
import { prepareDemoFootprint } from '../demo/prepare';
import { openPlatform } from '../platform';
import { terminalProgress } from '../progress';
import { resolvePort, startServer } from '../serve/start';

/** `footprint demo` (what `npm start` runs): prepares the demonstration footprint on embedded storage and serves it. */
export function register(program: Command): void {
  program
    .command('demo')
    .description('Prepare the demonstration footprint on embedded storage (under FOOTPRINT_DATA_DIR, default .footprint) and serve it')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }) => {
      const port = resolvePort(options.port);
      const platform = await openPlatform({ embedded: true });
      try {
        await prepareDemoFootprint(platform, terminalProgress());
      } catch (error) {
        await platform.close();
        throw error;
      }
      // The demo runs its own OpenID Connect provider for citizens and staff (a deployment configures NHS login and NHS CIS2 instead).
      await startServer(platform, { port, host: options.host ?? process.env.HOST ?? '127.0.0.1' }, { demoIdentityProvider: true, demoUsers: true });
    });
}
