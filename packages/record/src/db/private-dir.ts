import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes sure a data directory is private to this user before anything is written to it: a
 * missing one is created with mode 0700; an existing one that the group or other users can
 * read, write or enter is refused, with the command that fixes it. The data directory holds the
 * embedded record, credentials, signing keys and exports.
 */
export function preparePrivateDataDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    return;
  }
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `The data directory ${dir} can be read by other users (mode ${mode.toString(8).padStart(3, '0')}); it holds the record, credentials and keys. ` +
        `Make it private with: chmod -R go-rwx ${dir}`,
    );
  }
}

/**
 * Sets every file under `dir` to 0600 and every directory to 0700 (`dir` included). PGlite
 * creates its files 0666 whatever the umask, so the embedded record is tightened when it opens
 * and again when it closes. Symbolic links are left alone.
 */
export function makeTreePrivate(dir: string): void {
  if (!existsSync(dir)) return;
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeTreePrivate(path);
    else if (entry.isFile() && (lstatSync(path).mode & 0o777) !== 0o600) chmodSync(path, 0o600);
  }
}
