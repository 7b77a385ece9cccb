import { rmSync } from 'node:fs';
import { ConflictError, ValidationError, type FieldProblem } from '../../domain/errors.ts';
import type { Executor } from '../../store/database.ts';
import { commissioningRepository, type SignatoryRecord } from '../../store/repositories/commissioning.ts';
import { actorRef, requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { withTransaction } from '../transaction.ts';
import { generateSignatoryKey, keyIdOf, signatoryKeyFile, type CommissioningFiles } from './files.ts';

/** A signatory as shown: no private key ever leaves its file. */
export interface Signatory {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly keyId: string;
  readonly publicKey: string;
  readonly createdAt: string;
}

const view = (s: SignatoryRecord): Signatory => ({
  id: s.id,
  name: s.name,
  role: s.role,
  keyId: s.keyId,
  publicKey: s.publicKey,
  createdAt: s.createdAt,
});

/**
 * Registers a signatory (a person who signs acceptance acts) with a new Ed25519 key: the private
 * key goes to a file under the data directory (mode 0600), the public key into the records. The
 * role defaults to the one the scenario's protocols give the name. Admin only.
 *
 * @example
 * const s = await addSignatory(app, admin, { name: 'Petrov', role: 'chief engineer' }, files);
 * s.keyFile; // 'data/signatories/petrov.key'
 */
export async function addSignatory(
  app: AppContext,
  actor: Actor,
  input: { name: string; role?: string | undefined },
  files: CommissioningFiles,
): Promise<Signatory & { keyFile: string }> {
  requireRole(actor, ['admin'], 'add a signatory');
  return withTransaction(app.store, async (tx) => {
    const name = input.name.trim();
    const role = input.role?.trim() ?? (await scenarioRole(tx, name));
    const problems: FieldProblem[] = [];
    if (name === '') problems.push({ path: 'name', problem: 'must not be empty' });
    if (role === undefined || role === '')
      problems.push({
        path: 'role',
        problem: `required: ${name} is not a signatory of any protocol in the scenario`,
      });
    if (problems.length > 0) throw new ValidationError('signatory.invalid', 'signatory: invalid', problems);
    const repo = commissioningRepository(tx);
    if ((await repo.signatory(name)) !== undefined) {
      throw new ConflictError('signatory.exists', `signatory ${name} exists already`, { name });
    }
    const keyFile = signatoryKeyFile(files, name);
    const publicKey = generateSignatoryKey(keyFile);
    const record: SignatoryRecord = {
      id: app.ids.next('signatory'),
      name,
      role: role ?? '',
      publicKey,
      keyId: keyIdOf(publicKey),
      createdAt: app.clock.now().toISOString(),
      actor: actorRef(actor),
    };
    try {
      await repo.insertSignatory(record);
    } catch (error) {
      rmSync(keyFile, { force: true }); // no key file without its signatory in the records
      throw error;
    }
    return { ...view(record), keyFile };
  });
}

/**
 * Every signatory, by name.
 *
 * @example
 * (await listSignatories(app, actor)).map((s) => s.name); // ['Ivanova', 'Petrov']
 */
export async function listSignatories(app: AppContext, actor: Actor): Promise<Signatory[]> {
  requireRole(actor, ['operator', 'planner', 'quality', 'logistics', 'auditor', 'admin'], 'see signatories');
  return (await commissioningRepository(app.store).signatories()).map(view);
}

async function scenarioRole(ex: Executor, name: string): Promise<string | undefined> {
  const scenario = await plantScenario(ex);
  for (const line of scenario.lines) {
    const found = line.commissioning?.test?.signatories.find((s) => s.name === name);
    if (found !== undefined) return found.role;
  }
  return undefined;
}
