import { accessSync, constants } from 'node:fs';

/** Where Debian's `chromium` package installs the browser the browser tests drive. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium the browser tests use: FOOTPRINT_CHROMIUM, else CHROMIUM_PATH, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.FOOTPRINT_CHROMIUM || env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why the browser tests cannot start, in one line that says what to install, or undefined when
 * the browser is there. Kept separate from launching so a fresh machine gets the hint before any
 * server, database or web build is set up.
 */
export function chromiumProblem(path: string, executable: (path: string) => boolean = isExecutable): string | undefined {
  if (executable(path)) return undefined;
  return `The browser tests need Chromium at ${path}: install it with \`apt-get install chromium\` (or set FOOTPRINT_CHROMIUM to a Chromium executable).`;
}

/** The Chromium to launch; throws the one-line hint when it is missing. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const path = chromiumPath(env);
  const problem = chromiumProblem(path);
  if (problem) throw new Error(problem);
  return path;
}
