import {
  normaliseHeadstamp,
  rankRecovered,
  type RankedCandidate,
  type RecoveredQuery,
} from '../../domain/custody/index.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import type { Executor } from '../../store/database.ts';
import { traceRepository } from '../../store/custody/trace.ts';
import { requireRole, type Actor } from '../actor.ts';
import { staff } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';

export interface RecoveredMatch extends RankedCandidate {
  readonly id: string;
}

const squash = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * The lots a recovered cartridge may come from, best match first, with the consignees that
 * received each (rounds). For reads and for recalls from a field report.
 *
 * @example
 * const matches = await recoveredCandidates(store, scenario, { headstamp: 'HSP 27', lot: 'A001-00' });
 */
export async function recoveredCandidates(
  ex: Executor,
  scenario: Scenario,
  query: RecoveredQuery,
  limit = 20,
): Promise<RecoveredMatch[]> {
  const headstamp = normaliseHeadstamp(query.headstamp);
  if (headstamp === undefined) {
    throw new ValidationError(
      'recovered.headstamp',
      `headstamp: need a maker code and a two-digit year like 'HSP 26', got '${query.headstamp}'`,
      [
        {
          path: 'headstamp',
          problem: `need a maker code and a two-digit year like 'HSP 26', got '${query.headstamp}'`,
        },
      ],
    );
  }
  const repo = traceRepository(ex);
  let lots = await repo.lotsWithPrefix(headstamp.replace(' ', ''));
  // A readable lot number narrows the lots before their deliveries are read.
  const fragment = query.lot === undefined ? '' : squash(query.lot);
  if (fragment.length >= 3) lots = lots.filter((l) => squash(l.lotNumber).includes(fragment));
  const deliveries = await repo.deliveries(lots.map((l) => l.id));
  const byLot = new Map<string, Map<string, number>>();
  for (const d of deliveries) {
    if (d.status === 'planned') continue;
    const m = byLot.get(d.lotId) ?? new Map<string, number>();
    m.set(d.consigneeId, (m.get(d.consigneeId) ?? 0) + d.rounds);
    byLot.set(d.lotId, m);
  }
  const ids = new Map<string, string>();
  const candidates = lots.map((l) => {
    ids.set(l.lotNumber, l.id);
    const product = scenario.products.find((p) => p.id === l.productId);
    const marking = JSON.parse(l.marking) as { headstamp?: string };
    return {
      lotNumber: l.lotNumber,
      productId: l.productId,
      headstamp: marking.headstamp ?? headstamp,
      labelWords: [l.productId, product?.calibre ?? '', product?.type ?? '', product?.unNumber ?? ''].filter(
        (w) => w !== '',
      ),
      consignees: [...(byLot.get(l.id) ?? new Map<string, number>())].map(([consigneeId, rounds]) => ({
        consigneeId,
        rounds,
      })),
    };
  });
  return rankRecovered(query, candidates)
    .slice(0, limit)
    .map((c) => ({ ...c, id: ids.get(c.lotNumber) ?? c.lotNumber }));
}

/**
 * The recovered-cartridge query: headstamp (maker and year), optionally a lot number or part of
 * it and label text → candidate lots and the consignees that received them, ranked.
 *
 * @example
 * const matches = await traceRecovered(app, auditor, { headstamp: 'HSP 27', lot: 'HSP27A001-001' });
 */
export async function traceRecovered(
  app: AppContext,
  actor: Actor,
  query: RecoveredQuery,
  limit = 20,
): Promise<RecoveredMatch[]> {
  requireRole(actor, staff, 'trace a recovered cartridge');
  return recoveredCandidates(app.store, await plantScenario(app.store), query, limit);
}
