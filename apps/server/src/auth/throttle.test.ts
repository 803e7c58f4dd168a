import { describe, expect, it } from 'vitest';
import { FailureThrottle } from './throttle';

describe('failed sign-in throttle', () => {
  it('refuses a key after too many failures until its window ends', () => {
    const throttle = new FailureThrottle(3, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter('client:a', t0)).toBe(0);
      throttle.fail('client:a', t0);
    }
    expect(throttle.retryAfter('client:a', t0 + 1000)).toBe(59);
    expect(throttle.retryAfter('client:b', t0 + 1000)).toBe(0);
    expect(throttle.retryAfter('client:a', t0 + 60_000)).toBe(0);
    throttle.fail('client:c', t0);
    throttle.succeed('client:c');
    expect(throttle.retryAfter('client:c', t0)).toBe(0);
  });
});
