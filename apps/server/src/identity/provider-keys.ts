import { generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto';
import type { SqlClient } from '@footprint/record';

export interface ProviderKeys {
  /** The RS256 key that signs id_tokens, as a private JWK. */
  signing: JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };
  /** Keys that sign the provider's own cookies (newest first). */
  cookies: string[];
}

/**
 * The demo identity provider's keys, created once and kept in `identity_provider_key`, so a
 * restart keeps sessions and issued tokens valid. Two servers starting together agree: the
 * first insert wins and both read it back.
 */
export async function loadProviderKeys(sql: SqlClient): Promise<ProviderKeys> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const fresh: ProviderKeys = {
    signing: { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('base64url'), alg: 'RS256', use: 'sig' },
    cookies: [randomBytes(32).toString('base64url')],
  };
  await sql.query(`INSERT INTO identity_provider_key (name, material) VALUES ('demo-provider', $1) ON CONFLICT (name) DO NOTHING`, [JSON.stringify(fresh)]);
  const { rows } = await sql.query<{ material: ProviderKeys | string }>(`SELECT material FROM identity_provider_key WHERE name = 'demo-provider'`);
  const material = rows[0].material;
  return typeof material === 'string' ? (JSON.parse(material) as ProviderKeys) : material;
}
