import { openCheckpoint, signCheckpoint } from '../../ledger/checkpoint/checkpoint.ts';
import { toBase64 } from '../../ledger/merkle/hash.ts';
import type { Executor } from '../../store/database.ts';
import { plantRepository } from '../../store/repositories/plant.ts';
import { actorRef, requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { withTransaction } from '../transaction.ts';
import { ledgerVerifiers, signerInService } from './keys.ts';
import { ledgerRecords } from './records.ts';

/** A signed checkpoint of the ledger, as handed to a witness. */
export interface SignedCheckpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: string;
  /** The C2SP signed note. */
  readonly note: string;
  readonly keyName: string;
}

/** The ledger's origin line: names this plant's log. */
export async function ledgerOrigin(ex: Executor): Promise<string> {
  const plant = await plantRepository(ex).get();
  return `headstamp.example/${plant?.id ?? 'plant'}/ledger`;
}

/**
 * Signs a checkpoint of the ledger as it stands (size and root hash) with the plant's key, keeps
 * it in the records and returns the signed note for witnesses. The first checkpoint creates the
 * key file (mode 0600); a different key in the key file is a rotation, recorded in the log.
 * Admin or auditor only.
 *
 * @example
 * const { note } = await signLedgerCheckpoint(app, admin, { keyFile: ledgerKeyFile(env, cwd) });
 */
export async function signLedgerCheckpoint(
  app: AppContext,
  actor: Actor,
  options: { keyFile: string },
): Promise<SignedCheckpoint> {
  requireRole(actor, ['admin', 'auditor'], 'sign a ledger checkpoint');
  return withTransaction(app.store, async (tx) => {
    const origin = await ledgerOrigin(tx);
    const signer = await signerInService(app, tx, actor, options.keyFile, origin);
    const records = ledgerRecords(tx);
    const head = await records.treeHead({ forUpdate: true });
    const note = signCheckpoint({ origin, size: head.size, rootHash: head.rootHash }, [signer]);
    const rootHash = toBase64(head.rootHash);
    await records.insertCheckpoint(tx, {
      size: head.size,
      rootHash,
      note,
      keyId: Buffer.from(signer.keyId).toString('hex'),
      signedAt: app.clock.now().toISOString(),
      actor: actorRef(actor),
    });
    return { origin, size: head.size, rootHash, note, keyName: signer.name };
  });
}

/** Reads a witness's checkpoint note, checking its signature with the ledger's keys. */
export async function openWitnessCheckpoint(ex: Executor, note: string) {
  return openCheckpoint(note, await ledgerVerifiers(ex), await ledgerOrigin(ex));
}
