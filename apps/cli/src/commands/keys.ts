import type { Command } from 'commander';
import { describeSigningKeys, MAX_ACCESS_TOKEN_LIFETIME_SECONDS, rotateSigningKey } from '@footprint/server';
import { dataDirectory } from '../platform';

/**
 * `footprint keys list|rotate`: the ES256 keys that sign access tokens (`<data dir>/signing-keys.json`).
 * Rotating makes a new current key; the old one keeps verifying until every token it signed has
 * expired (at most a day), and running servers sharing the data directory pick the new key up within seconds.
 */
export function register(program: Command): void {
  const keys = program.command('keys').description('Manage the keys that sign access tokens (published at /.well-known/jwks.json)');

  keys
    .command('list')
    .description('List the signing keys: id, when made, when retired, and whether each signs (current), still verifies, or has expired')
    .action(async () => {
      for (const key of await describeSigningKeys(dataDirectory())) {
        console.log(`${key.kid}  ${key.status.padEnd(9)}  created ${key.createdAt}${key.retiredAt ? `  retired ${key.retiredAt}` : ''}`);
      }
    });

  keys
    .command('rotate')
    .description(`Make a new signing key; the previous one verifies its tokens for ${MAX_ACCESS_TOKEN_LIFETIME_SECONDS / 3600} more hours, then is dropped at a later rotation`)
    .action(async () => {
      const rotated = await rotateSigningKey(dataDirectory());
      console.log(`New signing key ${rotated.kid}`);
      if (rotated.retired.length > 0) console.log(`Still verifying: ${rotated.retired.join(' ')}`);
      if (rotated.dropped.length > 0) console.log(`Dropped (their tokens have all expired): ${rotated.dropped.join(' ')}`);
    });
}
