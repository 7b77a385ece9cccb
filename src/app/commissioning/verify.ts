import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AcceptanceProtocol } from '../../domain/commissioning/index.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { checkStoredEntry, eventOfEntry } from '../../ledger/entry.ts';
import { verifierFromKey } from '../../ledger/checkpoint/note.ts';
import { commissioningRepository } from '../../store/repositories/commissioning.ts';
import { requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { ledgerRecords } from '../ledger/records.ts';
import { actsDir, sha256Hex, verifyEd25519, type ActSidecar, type CommissioningFiles } from './files.ts';
import { actUri } from './ledger-event.ts';

/** One check of an act, with what it found. */
export interface ActCheck {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface ActVerification {
  readonly act: string;
  readonly file: string;
  readonly ok: boolean;
  readonly checks: readonly ActCheck[];
  /** The checks that failed, as sentences. */
  readonly failures: readonly string[];
}

/**
 * Checks an acceptance act's file byte for byte: its SHA-256 against the records and the
 * ledger event that recorded it (that event itself checked against its stored hash), every
 * detached signature against the file's bytes (the plant's with the ledger's key register, each
 * signatory's with the key the records hold for them), every signatory of the protocol present,
 * and the `.sig` file beside it, if there, against the records. `ACT` is the file's path, or its
 * name or act number under the data directory's `acts/`.
 *
 * @example
 * const result = await verifyAct(app, auditor, 'data/acts/CA-L2-001.html', files);
 * result.ok; // false
 * result.failures; // ['sha256: the file's SHA-256 is 3f…, the records say 9a… (the file was changed)']
 */
export async function verifyAct(
  app: AppContext,
  actor: Actor,
  act: string,
  files: CommissioningFiles,
): Promise<ActVerification> {
  requireRole(
    actor,
    ['quality', 'auditor', 'admin', 'planner', 'operator', 'logistics'],
    'verify an acceptance act',
  );
  const path = locate(act, files);
  const fileName = basename(path);
  const repo = commissioningRepository(app.store);
  const record = await repo.actByFileName(fileName);
  if (record === undefined) {
    throw new NotFoundError(
      'commissioning.act_not_found',
      `no acceptance act named ${fileName} in the records`,
    );
  }
  const bytes = readFileSync(path);
  const sha256 = sha256Hex(bytes);
  const checks: ActCheck[] = [];
  const add = (check: string, ok: boolean, detail: string): void => {
    checks.push({ check, ok, detail });
  };

  add(
    'sha256',
    sha256 === record.sha256,
    sha256 === record.sha256
      ? `SHA-256 ${sha256} as recorded`
      : `the file's SHA-256 is ${sha256}, the records say ${record.sha256} (the file was changed)`,
  );

  // The ledger event: intact in itself, naming this act, and holding the file's hash.
  const [entry] = await ledgerRecords(app.store).entries(record.ledgerIndex, record.ledgerIndex + 1);
  if (entry === undefined) {
    add('ledger', false, `no ledger event at index ${record.ledgerIndex}`);
  } else {
    const problem = checkStoredEntry(entry);
    const event = problem === undefined ? eventOfEntry(entry) : undefined;
    const ilmd = event !== undefined && 'ilmd' in event ? event.ilmd : undefined;
    const ledgerHash = ilmd?.['hs:documentSha256'];
    if (problem !== undefined)
      add('ledger', false, `ledger event ${record.ledgerIndex} is ${problem.kind}: ${problem.what}`);
    else if (
      event?.eventID !== record.ledgerEventId ||
      !('epcList' in event) ||
      !(event.epcList ?? []).includes(actUri(record.actNumber))
    )
      add('ledger', false, `ledger event ${record.ledgerIndex} is not the record of act ${record.actNumber}`);
    else if (ledgerHash !== sha256)
      add(
        'ledger',
        false,
        `the ledger records SHA-256 ${JSON.stringify(ledgerHash ?? null)} for act ${record.actNumber}, the file's is ${sha256}`,
      );
    else add('ledger', true, `ledger event ${record.ledgerIndex} records this SHA-256`);
  }

  // Signatures over the exact bytes.
  const signatures = await repo.signatures(record.id);
  const ledgerKeys = await ledgerRecords(app.store).keys();
  const signatories = new Map((await repo.signatories()).map((s) => [s.name, s]));
  for (const s of signatures) {
    const label =
      s.signerKind === 'plant' ? `signature of the plant (${s.signerName})` : `signature of ${s.signerName}`;
    let valid: boolean;
    let why = '';
    if (s.signerKind === 'plant') {
      const key = ledgerKeys.find((k) => k.keyId === s.keyId);
      valid =
        key !== undefined &&
        verifierFromKey(key.verifierKey).verify(bytes, Buffer.from(s.signature, 'base64'));
      if (key === undefined) why = ` (key ${s.keyId} is not in the ledger's key register)`;
    } else {
      const known = signatories.get(s.signerName);
      valid =
        known !== undefined &&
        known.publicKey === s.publicKey &&
        verifyEd25519(s.publicKey, bytes, s.signature);
      if (known === undefined) why = ` (${s.signerName} is not a signatory in the records)`;
      else if (known.publicKey !== s.publicKey) why = ` (not the key the records hold for ${s.signerName})`;
    }
    add(label, valid, valid ? `valid (key ${s.keyId})` : `does not verify over the file's bytes${why}`);
  }
  if (!signatures.some((s) => s.signerKind === 'plant')) add('signature of the plant', false, 'missing');
  const protocol = (await repo.test(record.testId))?.protocol as AcceptanceProtocol | undefined;
  for (const s of protocol?.signatories ?? []) {
    if (!signatures.some((x) => x.signerKind === 'signatory' && x.signerName === s.name)) {
      add(`signature of ${s.name}`, false, 'missing');
    }
  }

  // The sidecar, when it travels with the file.
  const sidecarPath = `${path}.sig`;
  if (existsSync(sidecarPath)) {
    const problems = sidecarProblems(
      readFileSync(sidecarPath, 'utf8'),
      record.sha256,
      record.ledgerIndex,
      signatures,
    );
    add(
      'signature file',
      problems.length === 0,
      problems.length === 0 ? `${basename(sidecarPath)} agrees with the records` : problems.join('; '),
    );
  }

  const failures = checks.filter((c) => !c.ok).map((c) => `${c.check}: ${c.detail}`);
  return { act: record.actNumber, file: path, ok: failures.length === 0, checks, failures };
}

function locate(act: string, files: CommissioningFiles): string {
  if (existsSync(act)) return act;
  const dir = actsDir(files);
  for (const candidate of [join(dir, act), join(dir, `${act}.html`)])
    if (existsSync(candidate)) return candidate;
  throw new NotFoundError('commissioning.act_file', `no act file ${act} (nor under ${dir})`);
}

function sidecarProblems(
  text: string,
  sha256: string,
  ledgerIndex: number,
  signatures: readonly { signerName: string; signature: string; publicKey: string }[],
): string[] {
  let sidecar: ActSidecar;
  try {
    sidecar = JSON.parse(text) as ActSidecar;
  } catch {
    return ['the signature file is not JSON'];
  }
  const problems: string[] = [];
  if (sidecar.sha256 !== sha256) problems.push(`it names SHA-256 ${String(sidecar.sha256)}`);
  if (sidecar.ledger?.index !== ledgerIndex)
    problems.push(`it names ledger index ${String(sidecar.ledger?.index)}`);
  const listed: ActSidecar['signatures'] = Array.isArray(sidecar.signatures) ? sidecar.signatures : [];
  for (const s of signatures) {
    const found = listed.find((x) => x.name === s.signerName);
    if (found === undefined || found.signature !== s.signature || found.publicKey !== s.publicKey) {
      problems.push(`its signature of ${s.signerName} differs from the records`);
    }
  }
  if (listed.length !== signatures.length)
    problems.push(`it lists ${listed.length} signatures, the records ${signatures.length}`);
  return problems;
}
