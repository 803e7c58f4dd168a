import { describe, expect, it } from 'vitest';
import { chromiumPath, chromiumProblem, DEFAULT_CHROMIUM, requireChromium } from './chromium';

describe('finding Chromium for the browser tests', () => {
  it('uses Debian’s chromium unless FOOTPRINT_CHROMIUM or CHROMIUM_PATH names another', () => {
    expect(chromiumPath({})).toBe(DEFAULT_CHROMIUM);
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chromium/chrome' })).toBe('/opt/chromium/chrome');
    expect(chromiumPath({ FOOTPRINT_CHROMIUM: '/snap/bin/chromium', CHROMIUM_PATH: '/opt/chromium/chrome' })).toBe('/snap/bin/chromium');
  });

  it('says in one line what to install when the browser is missing', () => {
    const problem = chromiumProblem('/nowhere/chromium', () => false);
    expect(problem).toBe(
      'The browser tests need Chromium at /nowhere/chromium: install it with `apt-get install chromium` (or set FOOTPRINT_CHROMIUM to a Chromium executable).',
    );
    expect(problem).not.toContain('\n');
    expect(() => requireChromium({ FOOTPRINT_CHROMIUM: '/nowhere/chromium' })).toThrow(/apt-get install chromium/);
  });

  it('has nothing to say when the browser is there', () => {
    expect(chromiumProblem('/usr/bin/chromium', () => true)).toBeUndefined();
    expect(chromiumProblem(process.execPath)).toBeUndefined();
  });
});
