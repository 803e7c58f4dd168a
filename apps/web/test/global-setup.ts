import type { TestProject } from 'vitest/node';
import { chromiumProblem, chromiumPath } from './chromium';

/**
 * Vitest global setup: when the run includes the browser tests (apps/web/test), stop before any
 * test starts if Chromium is missing, with one line that says what to install, instead of letting
 * every browser test fail with a launch error. Runs that leave the browser tests out need no browser.
 */
export default async function requireChromiumForBrowserTests(project: TestProject): Promise<void> {
  // The command line's file filters (`vitest run <filters>`): Vitest keeps them on the instance as
  // filenamePattern; without them every file runs, browser tests included.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  if (!testFiles.some((file) => file.replaceAll('\\', '/').includes('/apps/web/test/'))) return;
  const problem = chromiumProblem(chromiumPath());
  if (problem) {
    process.stderr.write(`\n${problem}\n\n`);
    process.exit(1);
  }
}
