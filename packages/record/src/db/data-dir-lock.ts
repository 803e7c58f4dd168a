import { readFileSync, rmSync, writeFileSync } from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims an embedded database directory for this process (`<dir>.lock` holding the pid), so a
 * second process (say `footprint import` while `footprint demo` runs) gets a clear error instead
 * of corrupting PGlite's files. A lock left by a process that has exited is taken over.
 * Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const path = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (holder === process.pid) return () => undefined; // already ours (opened twice in one process)
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new Error(
          `The embedded record at ${dir} is in use by process ${holder}. Stop that process first, or run both against a PostgreSQL server with DATABASE_URL.`,
        );
      }
      rmSync(path, { force: true }); // stale: its process has gone
    }
  }
  throw new Error(`Could not lock the embedded record at ${dir}`);
}
