import {
  normaliseHeadstamp,
  rankRecovered,
  type RankedCandidate,
  type RecoveredCandidate,
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
  const prefix = headstamp.replace(' ', '');
  const words = new Map<string, readonly string[]>();
  const labelWords = (productId: string): readonly string[] => {
    const known = words.get(productId);
    if (known !== undefined) return known;
    const product = scenario.products.find((p) => p.id === productId);
    const list = [productId, product?.calibre ?? '', product?.type ?? '', product?.unNumber ?? ''].filter(
      (w) => w !== '',
    );
    words.set(productId, list);
    return list;
  };
  type LotRow = { id: string; lotNumber: string; productId: string; marking: string };
  const candidate = (
    l: LotRow,
    consignees: readonly { consigneeId: string; rounds: number }[],
  ): RecoveredCandidate => ({
    lotNumber: l.lotNumber,
    productId: l.productId,
    headstamp: (JSON.parse(l.marking) as { headstamp?: string }).headstamp ?? headstamp,
    labelWords: labelWords(l.productId),
    consignees,
  });
  // The lots whose deliveries per consignee are read: never the whole year.
  let chosen: LotRow[];
  const fragment = query.lot === undefined ? '' : squash(query.lot);
  if (fragment.length >= 3) {
    // A readable lot number narrows the year's lots (an index range) before anything else.
    chosen = (await repo.lotsWithPrefix(prefix)).filter((l) => squash(l.lotNumber).includes(fragment));
  } else {
    // The year's lots, each with the rounds it delivered (`shipment_lots`, about two rows a lot),
    // ranked on those totals: the rank needs how much was delivered, not to whom.
    const lots = await repo.lotsWithPrefixDelivered(prefix);
    const byNumber = new Map(lots.map((l) => [l.lotNumber, l]));
    chosen = rankRecovered(
      query,
      lots.map((l) => candidate(l, l.delivered > 0 ? [{ consigneeId: '', rounds: l.delivered }] : [])),
    )
      .slice(0, limit)
      .flatMap((c) => byNumber.get(c.lotNumber) ?? []);
  }
  const byLot = new Map<string, { consigneeId: string; rounds: number }[]>();
  for (const d of await repo.deliveredPerConsignee({ ids: chosen.map((l) => l.id) })) {
    byLot.set(d.lotId, [...(byLot.get(d.lotId) ?? []), { consigneeId: d.consigneeId, rounds: d.rounds }]);
  }
  const ids = new Map(chosen.map((l) => [l.lotNumber, l.id]));
  return rankRecovered(
    query,
    chosen.map((l) =>
      candidate(
        l,
        (byLot.get(l.id) ?? []).sort((x, y) => x.consigneeId.localeCompare(y.consigneeId)),
      ),
    ),
  )
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
