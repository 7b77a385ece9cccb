import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashLeaf, toBase64 } from '../merkle/hash.ts';
import { checkpointBody, openCheckpoint, parseCheckpointBody, signCheckpoint } from './checkpoint.ts';
import { generateSigningKey, loadSigningKey, newSignerKey } from './keys.ts';
import { openNote, signNote, signerFromKey, verifierFromKey } from './note.ts';

// The known-answer example of the Go `note` package (golang.org/x/mod/sumdb/note), which the
// C2SP signed-note specification describes: Ed25519 is deterministic, so the bytes must match.
const GO_SIGNER = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

const dir = mkdtempSync(join(tmpdir(), 'headstamp-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('signed notes', () => {
  it('reproduces the reference signed note byte for byte', () => {
    const signer = signerFromKey(GO_SIGNER);
    expect(signer.verifierKey).toBe(GO_VERIFIER);
    expect(signNote(GO_TEXT, [signer])).toBe(GO_NOTE);
    expect(openNote(GO_NOTE, [verifierFromKey(GO_VERIFIER)]).text).toBe(GO_TEXT);
  });

  it('refuses a changed text, a changed signature and a note with no known signer', () => {
    const verifier = verifierFromKey(GO_VERIFIER);
    expect(() => openNote(GO_NOTE.replace('answer', 'Answer'), [verifier])).toThrow(/does not verify/);
    expect(() => openNote(GO_NOTE.replace('x08go/ZJ', 'x08go/ZK'), [verifier])).toThrow(/does not verify/);
    const other = verifierFromKey(newSignerKey('witness.example').verifierKey);
    expect(() => openNote(GO_NOTE, [other])).toThrow(/no signature by a known key/);
  });

  it('ignores signatures by unknown keys (a witness cosigning)', () => {
    const witness = signerFromKey(newSignerKey('witness.example').signerKey);
    const cosigned = signNote(GO_TEXT, [signerFromKey(GO_SIGNER), witness]);
    expect(openNote(cosigned, [verifierFromKey(GO_VERIFIER)]).verifiedBy).toEqual(['PeterNeumann']);
  });
});

describe('checkpoints', () => {
  const { signerKey, verifierKey } = newSignerKey('headstamp.example/plant-1');
  const signer = signerFromKey(signerKey);
  const verifier = verifierFromKey(verifierKey);
  const root = hashLeaf(new TextEncoder().encode('root'));
  const checkpoint = { origin: 'headstamp.example/plant-1/ledger', size: 1234, rootHash: root };

  it('writes the tlog-checkpoint body: origin, size, base64 root', () => {
    const body = checkpointBody(checkpoint);
    expect(body.split('\n')).toEqual([checkpoint.origin, '1234', Buffer.from(root).toString('base64'), '']);
    const parsed = parseCheckpointBody(body);
    expect({ ...parsed, rootHash: toBase64(parsed.rootHash) }).toEqual({
      ...checkpoint,
      rootHash: toBase64(root),
      extensions: [],
    });
  });

  it('signs and verifies', () => {
    const note = signCheckpoint(checkpoint, [signer]);
    const opened = openCheckpoint(note, [verifier], checkpoint.origin);
    expect(opened.size).toBe(1234);
    expect(Buffer.from(opened.rootHash).equals(Buffer.from(root))).toBe(true);
  });

  it('rejects a forged or modified checkpoint', () => {
    const note = signCheckpoint(checkpoint, [signer]);
    expect(() => openCheckpoint(note.replace('\n1234\n', '\n1235\n'), [verifier])).toThrow(/does not verify/);
    const forger = signerFromKey(newSignerKey('headstamp.example/plant-1').signerKey);
    const forged = signCheckpoint({ ...checkpoint, size: 9999 }, [forger]);
    expect(() => openCheckpoint(forged, [verifier])).toThrow(/no signature by a known key/);
    expect(() => openCheckpoint(note, [verifier], 'other.example/log')).toThrow(
      /expected 'other.example\/log'/,
    );
    expect(() => parseCheckpointBody('origin\n012\nAAAA\n')).toThrow(/decimal tree size/);
  });

  it('generates a key file readable by its owner only, and refuses to overwrite it', () => {
    const path = join(dir, 'ledger.key');
    const { verifierKey: vkey } = generateSigningKey('headstamp.example/plant-1', path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const loaded = loadSigningKey(path);
    expect(loaded.verifierKey).toBe(vkey);
    expect(() => generateSigningKey('again', path)).toThrow(/exists already/);
    const open = join(dir, 'open.key');
    writeFileSync(open, signerKey, { mode: 0o644 });
    expect(() => loadSigningKey(open)).toThrow(/must be 600/);
  });
});
