/**
 * Fastify's `trustProxy`: whether to believe X-Forwarded-For and X-Forwarded-Proto, so that
 * `request.ip` is the real client and `request.protocol` is https behind a TLS-terminating proxy.
 * Off unless configured: believing those headers from anyone would let a client choose its own
 * address (and so escape per-address limits).
 */
export type TrustProxy = boolean | number | string | string[];

/**
 * FOOTPRINT_TRUST_PROXY: `true`/`false`, a number of proxy hops to trust, or a comma-separated list
 * of proxy addresses or CIDR ranges (e.g. `10.0.0.0/8,127.0.0.1`). Unset means off.
 */
export function trustProxyFromEnvironment(env: NodeJS.ProcessEnv = process.env): TrustProxy {
  const text = env.FOOTPRINT_TRUST_PROXY?.trim();
  if (!text || text.toLowerCase() === 'false' || text.toLowerCase() === 'off') return false;
  if (text.toLowerCase() === 'true' || text.toLowerCase() === 'on') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  const address = /^(?:[0-9.]+|[0-9a-fA-F:]+)(?:\/\d{1,3})?$|^(?:loopback|linklocal|uniquelocal)$/;
  const bad = entries.find((e) => !address.test(e));
  if (bad !== undefined) throw new Error(`FOOTPRINT_TRUST_PROXY must be true, false, a hop count or proxy addresses/CIDR ranges separated by commas; "${bad}" is none of those`);
  return entries;
}
