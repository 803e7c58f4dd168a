import type { Command } from 'commander';
import { openPlatform } from '../platform';
import { resolvePort, startServer } from '../serve/start';

/** `footprint serve`: serves whatever the configured storage holds. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('Serve the FHIR API, OAuth2, the web API and the web app from the configured storage (DATABASE_URL, else embedded under FOOTPRINT_DATA_DIR)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1; 0.0.0.0 for all interfaces)')
    .action(async (options: { port?: string; host?: string }) => {
      const port = resolvePort(options.port);
      const platform = await openPlatform();
      await startServer(platform, { port, host: options.host ?? process.env.HOST ?? '127.0.0.1' });
    });
}
