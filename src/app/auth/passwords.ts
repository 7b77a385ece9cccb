import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ValidationError } from '../../domain/errors.ts';

// scrypt at N=2^15, r=8, p=1: 32 MiB and a few tens of milliseconds per sign-in. The parameters are
// stored with each hash, so they can be raised later without breaking the hashes already kept.
const cost = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyLength = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      keyLength,
      { ...options, maxmem: 256 * 1024 * 1024 },
      (err, key) => (err === null ? resolve(key) : reject(err)),
    );
  });
}

/** The shortest and longest passwords accepted. */
export const passwordLength = { min: 10, max: 1024 } as const;

/**
 * Refuses a password that is too short or too long, naming the field.
 *
 * @example
 * checkPassword('short'); // ValidationError: password: must be at least 10 characters, got 5
 */
export function checkPassword(password: string): void {
  const n = [...password].length;
  if (n < passwordLength.min || n > passwordLength.max)
    throw new ValidationError(
      'password.length',
      `password: must be ${passwordLength.min} to ${passwordLength.max} characters, got ${n}`,
      [
        {
          path: 'password',
          problem: `must be ${passwordLength.min} to ${passwordLength.max} characters, got ${n}`,
        },
      ],
    );
}

/**
 * Hashes a password with scrypt and a fresh 16-byte salt: `scrypt$N$r$p$salt$hash`.
 *
 * @example
 * const stored = await hashPassword('correct horse battery');
 * await verifyPassword('correct horse battery', stored); // true
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True if `password` matches the stored hash; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (!Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(p) || expected.length === 0)
    return false;
  const key = await derive(password, salt, { N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash no password matches, checked when the user does not exist so that timing does not tell. */
export const decoyHash = `scrypt$${cost.N}$${cost.r}$${cost.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
