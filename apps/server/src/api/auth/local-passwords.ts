/**
 * Whether staff may sign in with a Footprint username and password. A deployment whose staff
 * sign in through their organisation's identity service (OpenID Connect, as NHS CIS2 works)
 * switches local passwords off with FOOTPRINT_LOCAL_PASSWORDS=off.
 */
export function localPasswordsFromEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.FOOTPRINT_LOCAL_PASSWORDS?.trim().toLowerCase();
  if (!value || value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`FOOTPRINT_LOCAL_PASSWORDS must be on or off, not "${env.FOOTPRINT_LOCAL_PASSWORDS}"`);
}
