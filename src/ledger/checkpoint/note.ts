/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 keys from node:crypto.
 *
 * A note is UTF-8 text ending in a newline, then a blank line, then one line per signature:
 * `— <key name> <base64(4-byte key ID || signature)>`. An Ed25519 key ID is the first four bytes
 * of SHA-256(key name || 0x0A || 0x01 || 32-byte public key). Verifier keys travel as
 * `<name>+<hex key ID>+<base64(0x01 || public key)>`, as the Go `note` package writes them, so a
 * witness can use standard tools.
 *
 * @example
 * const signer = signerFromKey(readFileSync('ledger.key', 'utf8'));
 * const signed = signNote('headstamp.example/plant-1\n42\n...\n', [signer]);
 * const { text } = openNote(signed, [verifierFromKey(signer.verifierKey)]);
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { ValidationError } from '../../domain/errors.ts';

const ED25519 = 0x01;
const DASH = '\u2014';
// DER wrappers that turn a raw 32-byte Ed25519 seed or public key into a KeyObject.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Signs notes under one key name. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: Uint8Array;
  /** The public key in verifier-key form (`name+hexid+base64`), to hand to witnesses. */
  readonly verifierKey: string;
  sign(message: Uint8Array): Uint8Array;
}

/** Checks signatures of one key name and id. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: Uint8Array;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

/** One signature line of a note. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: Uint8Array;
  readonly signature: Uint8Array;
}

const invalid = (path: string, problem: string): ValidationError =>
  new ValidationError('ledger.note', `${path}: ${problem}`, [{ path, problem }]);

function checkKeyName(name: string): void {
  if (name.length === 0 || /[\s+]/u.test(name)) {
    throw invalid('keyName', `must be non-empty, without spaces or '+', got '${name}'`);
  }
}

/** The Ed25519 key ID of a key name and raw public key. */
export function ed25519KeyId(name: string, publicKey: Uint8Array): Uint8Array {
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519]))
    .update(publicKey)
    .digest();
  return new Uint8Array(digest.subarray(0, 4));
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}

/** A verifier-key string for a name and raw public key. */
export function encodeVerifierKey(name: string, publicKey: Uint8Array): string {
  checkKeyName(name);
  const id = Buffer.from(ed25519KeyId(name, publicKey)).toString('hex');
  return `${name}+${id}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`;
}

/** A signer-key string (`PRIVATE+KEY+name+hexid+base64(0x01 || seed)`), as the Go `note` package writes. */
export function encodeSignerKey(name: string, seed: Uint8Array, publicKey: Uint8Array): string {
  const id = Buffer.from(ed25519KeyId(name, publicKey)).toString('hex');
  return `PRIVATE+KEY+${name}+${id}+${Buffer.concat([Buffer.from([ED25519]), seed]).toString('base64')}`;
}

function splitKey(text: string, parts: number, what: string): string[] {
  // The base64 key at the end may itself hold '+': split off the first parts-1 fields only.
  const all = text.trim().split('+');
  if (all.length < parts) throw invalid(what, `expected ${parts} '+'-separated fields, got ${all.length}`);
  return [...all.slice(0, parts - 1), all.slice(parts - 1).join('+')];
}

function keyBytes(encoded: string, what: string): Buffer {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length !== 33 || bytes[0] !== ED25519)
    throw invalid(what, 'not an Ed25519 key (0x01 + 32 bytes)');
  return bytes.subarray(1);
}

/** A signer from its signer-key string. */
export function signerFromKey(text: string): NoteSigner {
  const [, , name = '', hexId = '', encoded = ''] = splitKey(text, 5, 'signerKey');
  checkKeyName(name);
  const seed = keyBytes(encoded, 'signerKey');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  const keyId = ed25519KeyId(name, publicKey);
  if (Buffer.from(keyId).toString('hex') !== hexId.toLowerCase()) {
    throw invalid('signerKey', 'key ID does not match the key');
  }
  return {
    name,
    keyId,
    verifierKey: encodeVerifierKey(name, publicKey),
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
  };
}

/** A verifier from its verifier-key string (`name+hexid+base64`). */
export function verifierFromKey(text: string): NoteVerifier {
  const [name = '', hexId = '', encoded = ''] = splitKey(text, 3, 'verifierKey');
  checkKeyName(name);
  const raw = keyBytes(encoded, 'verifierKey');
  const keyId = ed25519KeyId(name, raw);
  if (Buffer.from(keyId).toString('hex') !== hexId.toLowerCase()) {
    throw invalid('verifierKey', 'key ID does not match the key');
  }
  const publicKey = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  const check = (message: Uint8Array, signature: Uint8Array): boolean => {
    try {
      return verify(null, message, publicKey, signature);
    } catch {
      return false; // a malformed signature is simply not a valid one
    }
  };
  return { name, keyId, verify: check };
}

function checkText(text: string): void {
  if (!text.endsWith('\n')) throw invalid('note', 'text must end with a newline');
  // Control characters other than newline are forbidden in note text.
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code < 0x20 && code !== 0x0a) || code === 0x7f)
      throw invalid('note', 'text holds a control character');
  }
}

/** The signed note: the text, a blank line, one signature line per signer. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkText(text);
  const message = Buffer.from(text, 'utf8');
  const lines = signers.map((s) => {
    const blob = Buffer.concat([s.keyId, s.sign(message)]).toString('base64');
    return `${DASH} ${s.name} ${blob}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

/** Splits a signed note into its text and signature lines, refusing malformed notes. */
export function parseNote(signed: string): { text: string; signatures: NoteSignature[] } {
  const cut = signed.lastIndexOf('\n\n');
  if (cut < 0) throw invalid('note', 'no blank line before the signatures');
  const text = signed.slice(0, cut + 1);
  checkText(text);
  const block = signed.slice(cut + 2);
  if (!block.endsWith('\n')) throw invalid('note', 'signature block must end with a newline');
  const signatures = block
    .slice(0, -1)
    .split('\n')
    .map((line, i) => {
      const match = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/u.exec(line);
      if (match === null) throw invalid(`signatures[${i}]`, 'not a signature line');
      const blob = Buffer.from(match[2] ?? '', 'base64');
      if (blob.length < 5) throw invalid(`signatures[${i}]`, 'signature too short');
      return {
        name: match[1] ?? '',
        keyId: new Uint8Array(blob.subarray(0, 4)),
        signature: new Uint8Array(blob.subarray(4)),
      };
    });
  return { text, signatures };
}

/**
 * The text of a note signed by at least one of `verifiers`. Signatures by unknown keys are
 * ignored (witnesses add theirs); a signature by a known key that does not verify is refused.
 */
export function openNote(
  signed: string,
  verifiers: readonly NoteVerifier[],
): { text: string; signatures: NoteSignature[]; verifiedBy: string[] } {
  const { text, signatures } = parseNote(signed);
  const message = Buffer.from(text, 'utf8');
  const verifiedBy: string[] = [];
  signatures.forEach((sig, i) => {
    const known = verifiers.find((v) => v.name === sig.name && Buffer.compare(v.keyId, sig.keyId) === 0);
    if (known === undefined) return;
    if (!known.verify(message, sig.signature))
      throw invalid(`signatures[${i}]`, `signature by ${sig.name} does not verify`);
    verifiedBy.push(sig.name);
  });
  if (verifiedBy.length === 0) throw invalid('signatures', 'no signature by a known key');
  return { text, signatures, verifiedBy };
}
