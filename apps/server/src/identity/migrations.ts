import type { Migration } from '@footprint/record';

/**
 * The identity tables (namespace `identity`): the demo OpenID Connect provider's accounts, keys
 * and protocol state (oidc-provider's models, through its SQL adapter), the signed-in citizens'
 * sessions, the link from an external identity (issuer + subject) to a staff account, sign-ins in flight
 * (state, nonce, PKCE verifier) and staff sign-ins waiting for the person to choose a role.
 */
export const identityMigrations: Migration[] = [
  {
    version: 1,
    name: 'demo identity provider, patient sessions and staff identity links',
    sql: `
      CREATE TABLE identity_account (
        id TEXT PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('citizen', 'staff')),
        password_hash TEXT NOT NULL,
        claims JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE identity_provider_key (
        name TEXT PRIMARY KEY,
        material JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE identity_oidc_model (
        model TEXT NOT NULL,
        id TEXT NOT NULL,
        payload JSONB NOT NULL,
        grant_id TEXT,
        user_code TEXT,
        uid TEXT,
        expires_at TIMESTAMPTZ,
        consumed_at TIMESTAMPTZ,
        PRIMARY KEY (model, id)
      );
      CREATE INDEX identity_oidc_model_grant ON identity_oidc_model (grant_id) WHERE grant_id IS NOT NULL;
      CREATE INDEX identity_oidc_model_uid ON identity_oidc_model (model, uid) WHERE uid IS NOT NULL;
      CREATE INDEX identity_oidc_model_user_code ON identity_oidc_model (model, user_code) WHERE user_code IS NOT NULL;
      CREATE INDEX identity_oidc_model_expires ON identity_oidc_model (expires_at);
      CREATE TABLE identity_patient_session (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL,
        nhs_number TEXT NOT NULL,
        display_name TEXT NOT NULL,
        issuer TEXT NOT NULL,
        subject TEXT NOT NULL,
        csrf_token TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX identity_patient_session_expires ON identity_patient_session (expires_at);
      CREATE TABLE identity_sign_in_transaction (
        id TEXT PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('patient', 'staff')),
        state TEXT NOT NULL,
        nonce TEXT NOT NULL,
        code_verifier TEXT NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE identity_pending_sign_in (
        id TEXT PRIMARY KEY,
        issuer TEXT NOT NULL,
        subject TEXT NOT NULL,
        display_name TEXT NOT NULL,
        choices JSONB NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
      );
    `,
  },
];
