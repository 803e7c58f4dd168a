/** The access-token signing keys: ES256 key pairs in the data directory, rotation, and their JWKS. */
export { SigningKeys, rotateSigningKey, describeSigningKeys, SIGNING_KEYS_FILE, TOKEN_ALGORITHM, MAX_ACCESS_TOKEN_LIFETIME_SECONDS, type SigningKey } from './store';
