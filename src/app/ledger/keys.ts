import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signingKeyChanged } from '../../ledger/builders.ts';
import { generateSigningKey, loadSigningKey } from '../../ledger/checkpoint/keys.ts';
import { verifierFromKey, type NoteSigner, type NoteVerifier } from '../../ledger/checkpoint/note.ts';
import type { Executor, Tx } from '../../store/database.ts';
import { actorRef, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { appendCustodyEvents } from './append.ts';
import { ledgerRecords } from './records.ts';

/**
 * Where the ledger's signing key lives: `HEADSTAMP_LEDGER_KEY`, else `ledger.key` beside the
 * records (`$HEADSTAMP_DATA_DIR`, default `./data`).
 *
 * @example
 * ledgerKeyFile(process.env, process.cwd()); // '/srv/headstamp/data/ledger.key'
 */
export function ledgerKeyFile(env: NodeJS.ProcessEnv, cwd: string): string {
  const named = env['HEADSTAMP_LEDGER_KEY'];
  if (named !== undefined && named !== '') return resolve(cwd, named);
  return join(resolve(cwd, env['HEADSTAMP_DATA_DIR'] ?? 'data'), 'ledger.key');
}

const hexId = (signer: NoteSigner): string => Buffer.from(signer.keyId).toString('hex');
const publicKeyOf = (verifierKey: string): string => verifierKey.split('+').slice(2).join('+');

/**
 * The signer in `keyFile` (created, mode 0600, when missing), taken into the ledger's key
 * register if it is new there. A new key retires the keys in service before it, and both acts
 * are custody-log events, so the log itself says which key signed which checkpoints.
 */
export async function signerInService(
  app: AppContext,
  tx: Tx,
  actor: Actor,
  keyFile: string,
  keyName: string,
): Promise<NoteSigner> {
  if (!existsSync(keyFile)) generateSigningKey(keyName, keyFile);
  const signer = loadSigningKey(keyFile);
  const records = ledgerRecords(tx);
  const keys = await records.keys();
  if (keys.some((k) => k.keyId === hexId(signer))) return signer;
  const at = app.clock.now().toISOString();
  const events = keys
    .filter((k) => k.retiredAt === null)
    .map((k) =>
      signingKeyChanged(
        { eventID: app.ids.next('event'), eventTime: at, actor },
        { change: 'retired', name: k.name, keyIdHex: k.keyId, publicKeyBase64: publicKeyOf(k.verifierKey) },
      ),
    );
  events.push(
    signingKeyChanged(
      { eventID: app.ids.next('event'), eventTime: at, actor },
      {
        change: 'commissioned',
        name: signer.name,
        keyIdHex: hexId(signer),
        publicKeyBase64: publicKeyOf(signer.verifierKey),
      },
    ),
  );
  await appendCustodyEvents(tx, events);
  for (const k of keys) if (k.retiredAt === null) await records.retireKey(tx, k.keyId, at);
  await records.insertKey(
    tx,
    {
      keyId: hexId(signer),
      name: signer.name,
      verifierKey: signer.verifierKey,
      commissionedAt: at,
      retiredAt: null,
    },
    actorRef(actor),
  );
  return signer;
}

/** Verifiers for every key the ledger has used, retired ones included (old checkpoints stay valid). */
export async function ledgerVerifiers(ex: Executor): Promise<NoteVerifier[]> {
  return (await ledgerRecords(ex).keys()).map((k) => verifierFromKey(k.verifierKey));
}
