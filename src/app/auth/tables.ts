import type { Kysely } from 'kysely';
import type { Executor } from '../../store/database.ts';
import type { Database } from '../../store/schema.ts';

/** Password hashes, one per user who signs in with a password. */
export interface UserPasswordTable {
  user_id: string;
  hash: string;
  updated_at: string;
  actor: string;
}

/** API tokens: only their SHA-256 is kept. */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  token_hash: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
  actor: string;
}

/** Browser sessions: only the SHA-256 of the cookie is kept. */
export interface UserSessionTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export type CredentialTables = {
  user_passwords: UserPasswordTable;
  api_tokens: ApiTokenTable;
  user_sessions: UserSessionTable;
};

/**
 * The records with the credential tables in view (created by migration `2026-11-22T0710-credentials`).
 *
 * @example
 * const row = await credentialDb(store).selectFrom('api_tokens').selectAll().executeTakeFirst();
 */
export function credentialDb(ex: Executor): Kysely<Database & CredentialTables> {
  return ex.db.withTables<CredentialTables>();
}
