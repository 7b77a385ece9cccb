/**
 * Ledger signing keys: an Ed25519 key pair written to a key file readable by its owner only
 * (mode 0600), in the signer-key form of the Go `note` package, so that the same key can be used
 * by standard transparency-log tools.
 *
 * @example
 * const { verifierKey } = generateSigningKey('headstamp.example-plant-1', 'data/ledger.key');
 * const signer = loadSigningKey('data/ledger.key');
 */
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConflictError, ValidationError } from '../../domain/errors.ts';
import { encodeSignerKey, encodeVerifierKey, signerFromKey, type NoteSigner } from './note.ts';

function rawKeys(): { seed: Buffer; publicKey: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const pub = publicKey.export({ format: 'jwk' });
  return { seed: Buffer.from(jwk.d ?? '', 'base64url'), publicKey: Buffer.from(pub.x ?? '', 'base64url') };
}

/** A new signer key string (kept in memory: for tests and for callers that store it themselves). */
export function newSignerKey(name: string): { signerKey: string; verifierKey: string } {
  const { seed, publicKey } = rawKeys();
  return {
    signerKey: encodeSignerKey(name, seed, publicKey),
    verifierKey: encodeVerifierKey(name, publicKey),
  };
}

/**
 * Generates a key pair and writes the private key to `path` with mode 0600. Refuses to overwrite
 * an existing file: a lost key is replaced by rotation, never by overwriting.
 */
export function generateSigningKey(name: string, path: string): { verifierKey: string; path: string } {
  const { signerKey, verifierKey } = newSignerKey(name);
  // The records' directory may not exist yet on a fresh clone; it is made private too.
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, `${signerKey}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ConflictError(
        'ledger.key_exists',
        `key file ${path} exists already; rotate instead of overwriting`,
      );
    }
    throw error;
  }
  // The umask may have narrowed the mode further, never widened it; make it exactly 0600.
  chmodSync(path, 0o600);
  return { verifierKey, path };
}

/** Loads a signing key file, refusing one that others may read. */
export function loadSigningKey(path: string): NoteSigner {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new ValidationError(
      'ledger.key_mode',
      `${path}: key file mode is ${mode.toString(8)}, must be 600`,
      [{ path, problem: `mode ${mode.toString(8)} lets others read the key; chmod 600` }],
    );
  }
  return signerFromKey(readFileSync(path, 'utf8'));
}
