import { fileURLToPath } from 'node:url';

/** Where the built web app lives; the server serves this folder with an SPA fallback to index.html. */
export const webDistDir: string = fileURLToPath(new URL('../dist', import.meta.url));

/** The web app's source root (vite.config.ts lives here). */
export const webRootDir: string = fileURLToPath(new URL('..', import.meta.url));
