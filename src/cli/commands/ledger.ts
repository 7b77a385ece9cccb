import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { signLedgerCheckpoint } from '../../app/ledger/checkpoint.ts';
import { ledgerKeyFile } from '../../app/ledger/keys.ts';
import { ledgerConsistencyProof, ledgerInclusionProof } from '../../app/ledger/proofs.ts';
import { verifyLedger } from '../../app/ledger/verify.ts';
import { withApp } from '../../app/open.ts';
import { actorFor } from '../../app/users.ts';
import { ValidationError } from '../../domain/errors.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

interface Common {
  as?: string;
  json?: boolean;
}

function wholeNumber(value: string, option: string): number {
  if (!/^\d+$/.test(value)) {
    throw new ValidationError('cli.number', `${option}: must be a whole number, got '${value}'`, [
      { path: option, problem: `must be a whole number, got '${value}'` },
    ]);
  }
  return Number(value);
}

function readNote(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ValidationError('ledger.against', `${file}: cannot read (${reason})`, [
      { path: '--against', problem: `cannot read ${file} (${reason})` },
    ]);
  }
}

/**
 * `headstamp ledger ...`: the tamper-evident custody log.
 *
 * - `checkpoint [--out FILE] [--key FILE]` signs the log's current size and root (C2SP signed
 *   note) for witnesses; the key file (default `$HEADSTAMP_LEDGER_KEY` or `data/ledger.key`) is
 *   created with mode 0600 on first use.
 * - `verify [--against FILE] [--quick] [--since-checkpoint]` checks every event, the tree and every checkpoint (and a
 *   witness's one); names the first altered, missing or reordered event; exits 1 when anything is
 *   wrong. `--quick` checks hashes, indexes and event ids without parsing each event.
 * - `proof --index N [--size S]` and `consistency --from SIZE [--to SIZE]` print RFC 9162 proofs.
 *
 * @example
 * headstamp ledger checkpoint --out witness/2026-11-22.note --as olga
 * headstamp ledger verify --against witness/2026-11-22.note --as auditor1
 */
export const registerLedger: RegisterCommand = (program: Command, context) => {
  const ledger = program
    .command('ledger')
    .description('The tamper-evident custody log (Merkle tree, checkpoints, proofs)');
  ledger
    .command('checkpoint')
    .description('Sign a checkpoint of the log as it stands, for witnesses')
    .option('--out <file>', 'write the signed note to FILE instead of stdout')
    .option('--key <file>', 'signing key file (created with mode 0600 if missing)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (options: Common & { out?: string; key?: string }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const keyFile =
          options.key === undefined
            ? ledgerKeyFile(context.env, context.cwd)
            : resolve(context.cwd, options.key);
        const signed = await signLedgerCheckpoint(app, actor, { keyFile });
        if (options.out !== undefined) {
          writeFileSync(resolve(context.cwd, options.out), signed.note);
          context.out.note(`checkpoint of ${signed.size} events written to ${options.out}`);
        }
        if (options.json === true) context.out.json({ id: `checkpoint-${signed.size}`, ...signed });
        else if (options.out === undefined) context.out.line(signed.note.trimEnd());
      });
    });
  ledger
    .command('verify')
    .description('Check every event, the Merkle tree and the checkpoints; name the first fault')
    .option('--against <file>', "a witness's checkpoint note to compare with")
    .option('--quick', 'check hashes, indexes and event ids only, without parsing every event')
    .option(
      '--since-checkpoint',
      'check only the events after the last signed checkpoint (the stored tree must match it)',
    )
    .option('--threads <n>', 'worker threads for a whole SQLite log (default: cores, at most 4)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        options: Common & { against?: string; quick?: boolean; sinceCheckpoint?: boolean; threads?: string },
      ) => {
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(options, context.env));
          const against = options.against === undefined ? undefined : readNote(options.against, context.cwd);
          const result = await verifyLedger(app, actor, {
            ...(against === undefined ? {} : { against }),
            depth: options.quick === true ? 'hashes' : 'full',
            since: options.sinceCheckpoint === true ? 'checkpoint' : 'start',
            ...(options.threads === undefined ? {} : { threads: wholeNumber(options.threads, '--threads') }),
          });
          if (options.json === true) context.out.json(result);
          else if (result.ok) {
            const read =
              result.from === 0
                ? ''
                : ` (read from index ${result.from}, after the checkpoint of ${result.from} events)`;
            context.out.line(
              `ledger verified: ${result.size} events${read}, root ${result.rootHash}, ${result.checkpointsChecked} checkpoint(s) matched`,
            );
          } else {
            if (result.problem !== undefined) {
              const p = result.problem;
              context.out.line(
                `ledger NOT verified: ${p.kind} at index ${p.index}${p.eventID === undefined ? '' : ` (${p.eventID})`}: ${p.what}`,
              );
            }
            for (const fault of result.checkpointFaults) context.out.line(`ledger NOT verified: ${fault}`);
          }
          if (!result.ok) process.exitCode = 1;
        });
      },
    );
  ledger
    .command('proof')
    .description('The inclusion proof of one event (RFC 9162)')
    .requiredOption('--index <n>', 'the event index')
    .option('--size <n>', 'tree size to prove against (default: the log as it stands)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (options: Common & { index: string; size?: string }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const answer = await ledgerInclusionProof(app, actor, {
          index: wholeNumber(options.index, '--index'),
          ...(options.size === undefined ? {} : { size: wholeNumber(options.size, '--size') }),
        });
        if (options.json === true) return context.out.json({ id: answer.eventID, ...answer });
        context.out.line(`event ${answer.index} (${answer.eventID}) of ${answer.size}`);
        context.out.line(`leaf hash ${answer.leafHash}`);
        context.out.line(`root hash ${answer.rootHash}`);
        answer.proof.forEach((h, i) => context.out.line(`proof[${i}] ${h}`));
      });
    });
  ledger
    .command('consistency')
    .description('The consistency proof between an earlier size and the log as it stands (RFC 9162)')
    .requiredOption('--from <size>', 'the earlier tree size')
    .option('--to <size>', 'the later tree size (default: the log as it stands)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (options: Common & { from: string; to?: string }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const answer = await ledgerConsistencyProof(app, actor, {
          from: wholeNumber(options.from, '--from'),
          ...(options.to === undefined ? {} : { to: wholeNumber(options.to, '--to') }),
        });
        if (options.json === true)
          return context.out.json({ id: `consistency-${answer.size1}-${answer.size2}`, ...answer });
        context.out.line(`size ${answer.size1} root ${answer.root1}`);
        context.out.line(`size ${answer.size2} root ${answer.root2}`);
        answer.proof.forEach((h, i) => context.out.line(`proof[${i}] ${h}`));
      });
    });
};
