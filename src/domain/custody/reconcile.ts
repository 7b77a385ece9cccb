/**
 * Reconciliation of lots: commissioned = in stock (any location, quarantine included) + in
 * transit + delivered + consumed in tests + destroyed + lost + adjusted (±). Every term but
 * "in stock" is summed from the ledger's movements; "in stock" is what the stock records hold,
 * so a difference is a change of stock that no recorded event explains.
 *
 * The ledger's events reach this module already read as `Movement`s (the app reads EPCIS).
 */

/** One lot's share of one ledger event, in the plant's words. */
export type Movement =
  | {
      readonly kind: 'commissioned' | 'tests' | 'destroyed' | 'lost';
      readonly lot: string;
      readonly quantity: number;
      readonly eventId: string;
    }
  /** Rounds taken off the records by a count adjustment; negative when a count found more. */
  | { readonly kind: 'adjusted'; readonly lot: string; readonly quantity: number; readonly eventId: string }
  /** Rounds of a lot put in a crate (quantity > 0) or taken out of it (unpacked). */
  | {
      readonly kind: 'packed' | 'unpacked';
      readonly sscc: string;
      readonly lot: string;
      readonly quantity: number;
      readonly eventId: string;
    }
  /** A crate changes hands: shipped (in transit), received (delivered), lost on the way. */
  | { readonly kind: 'shipped' | 'received' | 'crate_lost'; readonly sscc: string; readonly eventId: string };

export interface LotBalance {
  /** The lot key: `product/lotNumber`. */
  readonly lot: string;
  readonly commissioned: number;
  readonly inStock: number;
  readonly inTransit: number;
  readonly delivered: number;
  readonly consumedInTests: number;
  readonly destroyed: number;
  readonly lost: number;
  readonly adjusted: number;
  /** commissioned − every other term; 0 when the records and the ledger agree. */
  readonly difference: number;
  /** The ledger events about the lot, listed when the difference is not 0. */
  readonly events: readonly string[];
}

interface Terms {
  commissioned: number;
  tests: number;
  destroyed: number;
  lost: number;
  adjusted: number;
  events: Set<string>;
}

/**
 * Balances each lot. `inStock` gives the stock records' rounds per lot key; lots in it that the
 * ledger never commissioned are listed too (their whole stock is unexplained).
 *
 * @example
 * reconcile([{ kind: 'commissioned', lot: 'ball/L1', quantity: 1000, eventId: 'e1' }], new Map([['ball/L1', 1000]]));
 * // [{ lot: 'ball/L1', commissioned: 1000, inStock: 1000, ..., difference: 0, events: [] }]
 */
export function reconcile(movements: Iterable<Movement>, inStock: ReadonlyMap<string, number>): LotBalance[] {
  const terms = new Map<string, Terms>();
  const termsOf = (lot: string): Terms => {
    let t = terms.get(lot);
    if (t === undefined) {
      t = { commissioned: 0, tests: 0, destroyed: 0, lost: 0, adjusted: 0, events: new Set() };
      terms.set(lot, t);
    }
    return t;
  };
  const contents = new Map<string, Map<string, number>>();
  const crateState = new Map<string, 'plant' | 'transit' | 'delivered' | 'lost'>();
  const crateEvents = new Map<string, string[]>();
  for (const m of movements) {
    switch (m.kind) {
      case 'commissioned':
      case 'tests':
      case 'destroyed':
      case 'lost':
      case 'adjusted': {
        const t = termsOf(m.lot);
        t[m.kind] += m.quantity;
        t.events.add(m.eventId);
        break;
      }
      case 'packed':
      case 'unpacked': {
        const inCrate = contents.get(m.sscc) ?? new Map<string, number>();
        inCrate.set(m.lot, (inCrate.get(m.lot) ?? 0) + (m.kind === 'packed' ? m.quantity : -m.quantity));
        contents.set(m.sscc, inCrate);
        termsOf(m.lot).events.add(m.eventId);
        break;
      }
      case 'shipped':
      case 'received':
      case 'crate_lost':
        crateState.set(
          m.sscc,
          m.kind === 'shipped' ? 'transit' : m.kind === 'received' ? 'delivered' : 'lost',
        );
        crateEvents.set(m.sscc, [...(crateEvents.get(m.sscc) ?? []), m.eventId]);
        break;
    }
  }
  const transit = new Map<string, number>();
  const delivered = new Map<string, number>();
  for (const [sscc, inCrate] of contents) {
    const state = crateState.get(sscc);
    for (const [lot, quantity] of inCrate) {
      for (const e of crateEvents.get(sscc) ?? []) termsOf(lot).events.add(e);
      if (state === 'transit') transit.set(lot, (transit.get(lot) ?? 0) + quantity);
      if (state === 'delivered') delivered.set(lot, (delivered.get(lot) ?? 0) + quantity);
    }
  }
  for (const lot of inStock.keys()) termsOf(lot);
  const balances: LotBalance[] = [];
  for (const [lot, t] of terms) {
    const stock = inStock.get(lot) ?? 0;
    const inTransit = transit.get(lot) ?? 0;
    const out = delivered.get(lot) ?? 0;
    const difference =
      t.commissioned - (stock + inTransit + out + t.tests + t.destroyed + t.lost + t.adjusted);
    balances.push({
      lot,
      commissioned: t.commissioned,
      inStock: stock,
      inTransit,
      delivered: out,
      consumedInTests: t.tests,
      destroyed: t.destroyed,
      lost: t.lost,
      adjusted: t.adjusted,
      difference,
      events: difference === 0 ? [] : [...t.events],
    });
  }
  return balances.sort((a, b) => a.lot.localeCompare(b.lot));
}
