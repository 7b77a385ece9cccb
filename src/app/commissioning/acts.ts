import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { protocolFor, type AcceptanceProtocol } from '../../domain/commissioning/index.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { commissioningRepository } from '../../store/repositories/commissioning.ts';
import { requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { actsDir, type CommissioningFiles } from './files.ts';
import { verifyAct, type ActVerification } from './verify.ts';

/** Who may read protocols, acts and their verification: the plant's staff (the auditor included). */
const READERS = ['operator', 'planner', 'quality', 'logistics', 'auditor', 'admin'] as const;

/**
 * The acceptance test protocol a line would be tested to if its test started now: the scenario's
 * (`lines[].commissioning.test`) with the line's products and rated rate. Refused, naming each term,
 * when the scenario leaves one out (`start` must then give it).
 *
 * @example
 * (await lineProtocol(app, actor, 'L2')).thresholds.minAvailability; // 0.9
 */
export async function lineProtocol(
  app: AppContext,
  actor: Actor,
  lineId: string,
): Promise<AcceptanceProtocol> {
  requireRole(actor, READERS, 'see an acceptance protocol');
  const scenario = await plantScenario(app.store);
  const line = scenario.lines.find((l) => l.id === lineId);
  if (line === undefined)
    throw new NotFoundError(
      'line.not_found',
      `no line ${lineId} (lines: ${scenario.lines.map((l) => l.id).join(', ')})`,
    );
  return protocolFor(line);
}

/** An acceptance act's file as it was signed, with its number and SHA-256. */
export interface ActFile {
  readonly actNumber: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly html: string;
}

/**
 * An acceptance act's HTML, byte for byte as written and signed, found by its number in the records
 * (never by a path a caller names).
 *
 * @example
 * const act = await readAct(app, auditor, 'CA-L2-001', files); // act.html starts '<!DOCTYPE html>'
 */
export async function readAct(
  app: AppContext,
  actor: Actor,
  actNumber: string,
  files: CommissioningFiles,
): Promise<ActFile> {
  requireRole(actor, READERS, 'read an acceptance act');
  const record = await commissioningRepository(app.store).actByNumber(actNumber);
  if (record === undefined)
    throw new NotFoundError('commissioning.act_not_found', `no acceptance act ${actNumber} in the records`, {
      actNumber,
    });
  let html: string;
  try {
    html = readFileSync(join(actsDir(files), record.fileName), 'utf8');
  } catch {
    throw new NotFoundError(
      'commissioning.act_file',
      `the file of act ${actNumber} (${record.fileName}) is not in the acts folder`,
      { actNumber },
    );
  }
  return { actNumber, fileName: record.fileName, sha256: record.sha256, html };
}

/**
 * Verifies an acceptance act found by its number in the records (see `verifyAct`): the file under the
 * acts folder checked byte for byte against the records, the ledger and the signatures.
 *
 * @example
 * (await verifyActByNumber(app, auditor, 'CA-L2-001', files)).ok; // true
 */
export async function verifyActByNumber(
  app: AppContext,
  actor: Actor,
  actNumber: string,
  files: CommissioningFiles,
): Promise<ActVerification> {
  requireRole(actor, READERS, 'verify an acceptance act');
  const record = await commissioningRepository(app.store).actByNumber(actNumber);
  if (record === undefined)
    throw new NotFoundError('commissioning.act_not_found', `no acceptance act ${actNumber} in the records`, {
      actNumber,
    });
  return verifyAct(app, actor, join(actsDir(files), record.fileName), files);
}
