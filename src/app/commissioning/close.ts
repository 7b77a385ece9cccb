import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAct, type TestEvaluation } from '../../domain/commissioning/index.ts';
import { NotFoundError, RefusedError } from '../../domain/errors.ts';
import { commissioningRepository, type ActSignatureRecord } from '../../store/repositories/commissioning.ts';
import { eventUri } from '../../ledger/identifiers.ts';
import { plantRepository } from '../../store/repositories/plant.ts';
import { sequenceRepository } from '../../store/repositories/sequences.ts';
import { actorRef, requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { custodyActor } from '../custody.ts';
import { appendCustodyEvents } from '../ledger/append.ts';
import { ledgerOrigin } from '../ledger/checkpoint.ts';
import { signerInService } from '../ledger/keys.ts';
import { plantScenario } from '../plant-setup.ts';
import { withTransaction } from '../transaction.ts';
import {
  actsDir,
  loadSignatoryKey,
  sha256Hex,
  signatoryKeyFile,
  type ActSidecar,
  type CommissioningFiles,
} from './files.ts';
import { actRecorded } from './ledger-event.ts';
import { measureTest } from './measure.ts';
import { COMMISSIONING_ROLES } from './start.ts';

export interface ClosedTest {
  /** The act's file. */
  readonly act: string;
  readonly actNumber: string;
  readonly passed: boolean;
  readonly early: boolean;
  readonly sha256: string;
  readonly ledgerIndex: number;
  /** One sentence per failed threshold. */
  readonly reasons: readonly string[];
  readonly evaluation: TestEvaluation;
}

/**
 * Closes a line's running acceptance test: measures it from the recorded line data only (its
 * start to its due time, or to now with `early`), writes the acceptance act (HTML) under the
 * data directory's `acts/`, signs the file's exact bytes with the plant's key and each
 * signatory's key (detached; kept in the records and in `<act>.html.sig`), records the act's
 * SHA-256 as a ledger event and puts the line in service, or out of it, by the verdict: all in
 * one transaction. A failed test gets its act too. Refused before the protocol's duration is
 * reached unless `early` (the act says so). Admin or quality.
 *
 * @example
 * const closed = await closeAcceptanceTest(app, admin, { lineId: 'L2' }, files);
 * closed.act; // '/srv/headstamp/data/acts/CA-L2-001.html'
 */
export async function closeAcceptanceTest(
  app: AppContext,
  actor: Actor,
  input: { lineId: string; early?: boolean | undefined },
  files: CommissioningFiles,
): Promise<ClosedTest> {
  requireRole(actor, COMMISSIONING_ROLES, 'close an acceptance test');
  const written: string[] = [];
  try {
    return await withTransaction(app.store, async (tx) => {
      const repo = commissioningRepository(tx);
      const test = await repo.runningTest(input.lineId);
      if (test === undefined) {
        throw new NotFoundError(
          'commissioning.not_running',
          `no acceptance test is running on line ${input.lineId}`,
        );
      }
      const now = app.clock.now();
      const due = now.getTime() >= Date.parse(test.dueAt);
      const measured = await measureTest(tx, test, now);
      const early = !due;
      if (early && input.early !== true) {
        throw new RefusedError(
          'commissioning.not_due',
          `the acceptance test of line ${input.lineId} has not run its duration`,
          [
            `operating time ${measured.elapsedHours.toFixed(2)} h of ${measured.protocol.durationHours} h; due at ${test.dueAt}`,
            'close it now with --early (the act records that it was closed early)',
          ],
        );
      }
      const scenario = await plantScenario(tx);
      const line = scenario.lines.find((l) => l.id === input.lineId);
      const plant = await plantRepository(tx).get();
      const seq = await sequenceRepository(tx).next(scenario.plant.id, `acceptance-act:${input.lineId}`);
      const actNumber = `CA-${input.lineId}-${String(seq).padStart(3, '0')}`;
      const previous = (await repo.latestActs(input.lineId)).get(input.lineId);
      const supersedes = previous?.actNumber ?? line?.commissioning?.priorAct?.actNumber ?? null;
      const signer = await signerInService(app, tx, actor, files.ledgerKeyFile, await ledgerOrigin(tx));
      const evaluation = measured.evaluation;

      const html = renderAct({
        actNumber,
        plant: { id: scenario.plant.id, name: plant?.name ?? scenario.plant.name },
        line: { id: input.lineId, name: line?.name ?? measured.protocol.lineName },
        startEnteredAt: measured.protocol.startEnteredAt ?? null,
        period: { from: measured.from, to: measured.to },
        early,
        protocol: measured.protocol,
        evaluation,
        issuedAt: now.toISOString(),
        issuedBy: actorRef(actor),
        plantKeyName: signer.name,
        supersedes,
      });
      const bytes = Buffer.from(html, 'utf8');
      const sha256 = sha256Hex(bytes);
      const signedAt = now.toISOString();
      const signatures: ActSignatureRecord[] = [
        {
          seq: 0,
          signerKind: 'plant',
          signerName: signer.name,
          keyId: Buffer.from(signer.keyId).toString('hex'),
          publicKey: Buffer.from(signer.verifierKey.split('+').slice(2).join('+'), 'base64')
            .subarray(1)
            .toString('base64'),
          signature: Buffer.from(signer.sign(bytes)).toString('base64'),
          signedAt,
        },
      ];
      const refusals: string[] = [];
      for (const [i, s] of measured.protocol.signatories.entries()) {
        const record = await repo.signatory(s.name);
        if (record === undefined) {
          refusals.push(`signatory ${s.name} has no key: headstamp signatory add '${s.name}'`);
          continue;
        }
        const key = loadSignatoryKey(signatoryKeyFile(files, s.name));
        if (key.publicKey !== record.publicKey) {
          refusals.push(`the key file of ${s.name} does not hold the key the records know (${record.keyId})`);
          continue;
        }
        signatures.push({
          seq: i + 1,
          signerKind: 'signatory',
          signerName: s.name,
          keyId: record.keyId,
          publicKey: record.publicKey,
          signature: key.sign(bytes),
          signedAt,
        });
      }
      if (refusals.length > 0) {
        throw new RefusedError(
          'commissioning.unsigned',
          `the act of line ${input.lineId} cannot be signed`,
          refusals,
        );
      }

      const fileName = `${actNumber}.html`;
      const eventID = app.ids.next('event');
      const appended = await appendCustodyEvents(tx, [
        actRecorded(
          { eventID, eventTime: now, actor: custodyActor(actor) },
          { actNumber, lineId: input.lineId, sha256, passed: evaluation.passed, early, file: fileName },
        ),
      ]);
      const ledgerEventId = eventUri(eventID);

      const dir = actsDir(files);
      mkdirSync(dir, { recursive: true });
      const path = join(dir, fileName);
      const sidecar: ActSidecar = {
        act: actNumber,
        file: fileName,
        sha256,
        ledger: { index: appended.from, eventID: ledgerEventId },
        signatures: signatures.map((s) => ({
          kind: s.signerKind,
          name: s.signerName,
          keyId: s.keyId,
          publicKey: s.publicKey,
          signature: s.signature,
        })),
      };
      writeFileSync(path, bytes, { flag: 'wx' });
      written.push(path);
      writeFileSync(`${path}.sig`, `${JSON.stringify(sidecar, null, 2)}\n`, { flag: 'wx' });
      written.push(`${path}.sig`);

      await repo.insertAct(
        {
          id: app.ids.next('acceptance-act'),
          actNumber,
          testId: test.id,
          lineId: input.lineId,
          passed: evaluation.passed,
          early,
          periodFrom: measured.from,
          periodTo: measured.to,
          fileName,
          sha256,
          result: evaluation,
          supersedes,
          ledgerEventId,
          ledgerIndex: appended.from,
          issuedAt: now.toISOString(),
          actor: actorRef(actor),
        },
        signatures,
      );
      await repo.closeTest(test.id, now.toISOString(), early);
      // The scheduler reads the lines' flag: keep it equal to the latest act's verdict.
      await plantRepository(tx).setCommissioned(input.lineId, evaluation.passed);
      return {
        act: path,
        actNumber,
        passed: evaluation.passed,
        early,
        sha256,
        ledgerIndex: appended.from,
        reasons: evaluation.reasons,
        evaluation,
      };
    });
  } catch (error) {
    // The transaction rolled back: no act file may stay without its records.
    for (const path of written) rmSync(path, { force: true });
    throw error;
  }
}
