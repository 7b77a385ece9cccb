import {
  AUTHORISATION_MOVES,
  authorisationProblems,
  type Authorisation,
  type AuthorisationStatus,
} from '../../domain/custody/index.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import type { Executor, Tx } from '../../store/database.ts';
import { authorisationRepository, type AuthorisationRecord } from '../../store/custody/authorisations.ts';
import { mapPage, type Keyset, type KeysetPage } from '../../store/keyset.ts';
import { actorRef, requireRole, type Actor, type UserActor } from '../actor.ts';
import { staff } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { withTransaction } from '../transaction.ts';
import { needsSecondPerson, requestApproval, type FourEyesOutcome } from './approvals.ts';

export type AddAuthorisationInput = Omit<Authorisation, 'status'>;

/** An authorisation with what shipments have used of its ceiling. */
export interface AuthorisationView extends AuthorisationRecord {
  readonly used: number;
  readonly remaining: number;
}

const WRITERS = ['logistics', 'admin'] as const;

async function checkNew(ex: Executor, scenario: Scenario, input: AddAuthorisationInput): Promise<void> {
  const problems = authorisationProblems(input, {
    consignees: new Map(scenario.consignees.map((c) => [c.id, c.country])),
    products: new Set(scenario.products.map((p) => p.id)),
  });
  if ((await authorisationRepository(ex).byNumber(input.number)) !== undefined) {
    problems.push({ path: 'number', problem: `authorisation ${input.number} is recorded already` });
  }
  if (problems.length > 0) {
    throw new ValidationError(
      'authorisation.invalid',
      `authorisation ${input.number}: ${problems.length} problem(s)`,
      problems,
    );
  }
}

/**
 * Records an authorisation inside the caller's transaction (after the second person approved,
 * when the plant asks four eyes). Checked again here: the records may have changed meanwhile.
 *
 * @example
 * await insertAuthorisation(tx, app, clerk, chief, input);
 */
export async function insertAuthorisation(
  tx: Tx,
  app: AppContext,
  actor: UserActor,
  approver: UserActor | undefined,
  input: AddAuthorisationInput,
): Promise<AuthorisationRecord> {
  const scenario = await plantScenario(tx);
  await checkNew(tx, scenario, input);
  const at = app.clock.now().toISOString();
  const record: AuthorisationRecord = {
    ...input,
    id: app.ids.next('authorisation'),
    products: [...input.products],
    documents: [...input.documents],
    status: 'valid',
    statusReason: null,
    createdAt: at,
    actor: actorRef(actor),
    approver: approver === undefined ? null : actorRef(approver),
    updatedAt: at,
  };
  await authorisationRepository(tx).insert(record);
  return record;
}

/**
 * Adds an end-user certificate: every field is checked at once (consignee and its country,
 * products, ceiling, dates, documents). When the plant asks four eyes for authorisations, the
 * act waits as an approval request until another logistics or admin user approves it.
 *
 * @example
 * const out = await addAuthorisation(app, clerk, { number: 'EUC-2027-001', authority: 'Ministry of Defence', consigneeId: 'army', country: 'BY', products: ['ball-ps'], quantityCeiling: 1_000_000, validFrom: '2027-01-01', validTo: '2027-12-31', documents: ['contract C-17'] });
 * out.status; // 'awaiting_approval'
 */
export async function addAuthorisation(
  app: AppContext,
  actor: UserActor,
  input: AddAuthorisationInput,
): Promise<FourEyesOutcome<AuthorisationRecord>> {
  requireRole(actor, WRITERS, 'add an authorisation');
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    if (!needsSecondPerson(scenario, 'authorisation.add')) {
      return { status: 'done', result: await insertAuthorisation(tx, app, actor, undefined, input) };
    }
    await checkNew(tx, scenario, input);
    const request = await requestApproval(tx, app, scenario, actor, {
      kind: 'authorisation.add',
      payload: { ...input },
      summary: `authorisation ${input.number}: ${input.consigneeId} (${input.country}), ${input.products.join(', ')}, up to ${input.quantityCeiling} rounds, ${input.validFrom} to ${input.validTo}`,
    });
    return { status: 'awaiting_approval', request };
  });
}

/**
 * Suspends, revokes or reinstates an authorisation, with a reason. A revoked one stays revoked.
 *
 * @example
 * await setAuthorisationStatus(app, clerk, 'EUC-2027-001', 'suspended', 'end-use check pending');
 */
export async function setAuthorisationStatus(
  app: AppContext,
  actor: Actor,
  number: string,
  status: AuthorisationStatus,
  reason: string,
): Promise<AuthorisationRecord> {
  requireRole(actor, WRITERS, `set an authorisation ${status}`);
  if (reason.trim() === '') {
    throw new ValidationError('authorisation.reason', 'reason: required', [
      { path: 'reason', problem: 'required' },
    ]);
  }
  return withTransaction(app.store, async (tx) => {
    const repo = authorisationRepository(tx);
    const current = await repo.byNumber(number);
    if (current === undefined)
      throw new NotFoundError('authorisation.not_found', `no authorisation ${number}`, { number });
    if (!AUTHORISATION_MOVES[current.status].includes(status)) {
      throw new ConflictError(
        'authorisation.status',
        `authorisation ${number} is ${current.status}: it cannot become ${status}`,
        {
          status: current.status,
        },
      );
    }
    const at = app.clock.now().toISOString();
    await repo.setStatus(current.id, status, reason.trim(), at);
    return { ...current, status, statusReason: reason.trim(), updatedAt: at };
  });
}

/**
 * Authorisations with what is used and left of each ceiling; a consignee user sees only its own.
 *
 * @example
 * const list = await listAuthorisations(app, actor, { consigneeId: 'army' });
 */
export async function listAuthorisations(
  app: AppContext,
  actor: Actor,
  filter: { consigneeId?: string } = {},
): Promise<AuthorisationView[]> {
  requireRole(actor, [...staff, 'consignee'], 'read authorisations');
  const consigneeId =
    actor.kind === 'user' && actor.role === 'consignee' ? (actor.consigneeId ?? '') : filter.consigneeId;
  const repo = authorisationRepository(app.store);
  const out: AuthorisationView[] = [];
  for (const a of await repo.list(consigneeId === undefined ? {} : { consigneeId })) {
    const used = await repo.used(a.id);
    out.push({ ...a, used, remaining: a.quantityCeiling - used });
  }
  return out;
}

/**
 * One page of authorisations by number, each with what shipments have used of its ceiling. A
 * consignee user sees only its own.
 *
 * @example
 * const { items, nextKey } = await pageAuthorisations(app, actor, {}, { limit: 50 });
 */
export async function pageAuthorisations(
  app: AppContext,
  actor: Actor,
  filter: { consigneeId?: string | undefined },
  page: Keyset,
): Promise<KeysetPage<AuthorisationView>> {
  requireRole(actor, [...staff, 'consignee'], 'read authorisations');
  const consigneeId =
    actor.kind === 'user' && actor.role === 'consignee' ? (actor.consigneeId ?? '') : filter.consigneeId;
  const repo = authorisationRepository(app.store);
  const list = await repo.page(page, consigneeId === undefined ? {} : { consigneeId });
  const used = await repo.usedBy(list.items.map((a) => a.id));
  return mapPage(list, (a) => {
    const u = used.get(a.id) ?? 0;
    return { ...a, used: u, remaining: a.quantityCeiling - u };
  });
}
