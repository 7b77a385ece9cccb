import { createHash, randomBytes } from 'node:crypto';

/**
 * A fresh secret for a token or a session: 32 random bytes, base64url, with a prefix that says what it is
 * (so a leaked one is recognisable in a log or a repository scan).
 *
 * @example
 * newSecret('hst'); // 'hst_Xy3...' (47 characters)
 */
export function newSecret(prefix: 'hst' | 'hss'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What the records keep of a secret: its SHA-256, hex. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** True if `value` is shaped like a secret of ours (cheap check before touching the records). */
export function looksLikeSecret(value: string, prefix: 'hst' | 'hss'): boolean {
  return (
    value.length === prefix.length + 1 + 43 &&
    value.startsWith(`${prefix}_`) &&
    /^[\w-]+$/.test(value.slice(4))
  );
}
