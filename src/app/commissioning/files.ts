/**
 * Where commissioning keeps its files beside the records, and the signatories' keys. Acts are
 * written under `acts/` and each signatory's private key under `signatories/` of the data
 * directory (`$HEADSTAMP_DATA_DIR`, default `./data`); a private key file is mode 0600 and
 * refused if others may read it. The public halves are in the records.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { ledgerKeyFile } from '../ledger/keys.ts';

/** The files commissioning reads and writes. */
export interface CommissioningFiles {
  /** The records' data directory. */
  readonly dataDir: string;
  /** The plant's (ledger's) signing key file. */
  readonly ledgerKeyFile: string;
}

/**
 * The files for the records the environment names.
 *
 * @example
 * commissioningFiles(process.env, process.cwd()).dataDir; // '/srv/headstamp/data'
 */
export function commissioningFiles(env: NodeJS.ProcessEnv, cwd: string): CommissioningFiles {
  return {
    dataDir: resolve(cwd, env['HEADSTAMP_DATA_DIR'] ?? 'data'),
    ledgerKeyFile: ledgerKeyFile(env, cwd),
  };
}

/** The directory acceptance acts are written to. */
export const actsDir = (files: CommissioningFiles): string => join(files.dataDir, 'acts');

/** A signatory's private key file: their name in lower case, words joined by '-'. */
export function signatoryKeyFile(files: CommissioningFiles, name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return join(files.dataDir, 'signatories', `${slug === '' ? 'signatory' : slug}.key`);
}

// DER wrapper that turns a raw 32-byte Ed25519 public key into SPKI.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Raw Ed25519 public key (base64) of a key object. */
function rawPublic(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length).toString('base64');
}

/** The key id we name an Ed25519 public key by: the first 8 bytes of its SHA-256, hex. */
export function keyIdOf(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);
}

/**
 * Makes a signatory's key pair, writing the private key (PKCS#8 PEM) to `path` with mode 0600;
 * refuses to overwrite a key file. Returns the public key (raw, base64).
 */
export function generateSignatoryKey(path: string): string {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ConflictError('signatory.key_exists', `key file ${path} exists already`);
    }
    throw error;
  }
  chmodSync(path, 0o600);
  return rawPublic(publicKey);
}

/** A signatory's signer, from their key file; refuses a readable-by-others or missing file. */
export function loadSignatoryKey(path: string): { publicKey: string; sign(bytes: Uint8Array): string } {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    throw new NotFoundError('signatory.key_missing', `no key file ${path}`);
  }
  if ((mode & 0o077) !== 0) {
    throw new ValidationError(
      'signatory.key_mode',
      `${path}: key file mode is ${mode.toString(8)}, must be 600`,
      [{ path, problem: `mode ${mode.toString(8)} lets others read the key; chmod 600` }],
    );
  }
  const key = createPrivateKey(readFileSync(path, 'utf8'));
  return {
    publicKey: rawPublic(createPublicKey(key)),
    sign: (bytes) => sign(null, bytes, key).toString('base64'),
  };
}

/** True when `signature` (base64) is an Ed25519 signature of `bytes` by the raw public key. */
export function verifyEd25519(publicKeyBase64: string, bytes: Uint8Array, signature: string): boolean {
  try {
    const key = createPublicKey({
      key: Buffer.concat([SPKI_PREFIX, Buffer.from(publicKeyBase64, 'base64')]),
      format: 'der',
      type: 'spki',
    });
    return verify(null, bytes, key, Buffer.from(signature, 'base64'));
  } catch {
    return false; // a malformed key or signature is simply not a valid signature
  }
}

/** SHA-256 of bytes, hex. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The detached signatures written beside an act (`<act>.html.sig`), as JSON. */
export interface ActSidecar {
  readonly act: string;
  readonly file: string;
  readonly sha256: string;
  readonly ledger: { readonly index: number; readonly eventID: string };
  readonly signatures: readonly {
    readonly kind: 'plant' | 'signatory';
    readonly name: string;
    readonly keyId: string;
    readonly publicKey: string;
    readonly signature: string;
  }[];
}
