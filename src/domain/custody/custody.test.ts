import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalRefusals } from './approval.ts';
import { authorisationProblems, coverageRefusals, type Authorisation } from './authorisation.ts';
import { compareReceipt } from './receipt.ts';
import { reconcile, type Movement } from './reconcile.ts';
import { normaliseHeadstamp, rankRecovered } from './recovered.ts';

const eu: Authorisation = {
  number: 'EUC-1',
  authority: 'MoD',
  consigneeId: 'army',
  country: 'BY',
  products: ['ball'],
  quantityCeiling: 1000,
  validFrom: '2027-01-01',
  validTo: '2027-12-31',
  status: 'valid',
  documents: ['contract 1'],
};
const request = { consigneeId: 'army', quantities: new Map([['ball', 400]]), dispatchDate: '2027-03-01' };

describe('authorisations', () => {
  it('covers a transfer inside every condition, and names each condition that fails', () => {
    expect(coverageRefusals(eu, 600, request)).toEqual([]);
    const all = coverageRefusals(
      { ...eu, status: 'revoked', consigneeId: 'police', products: ['tracer'], validTo: '2027-02-01' },
      700,
      request,
    );
    expect(all).toHaveLength(5);
  });
  it('checks a new record field by field', () => {
    const problems = authorisationProblems(
      { ...eu, country: 'VE', quantityCeiling: 0, validTo: '2026-12-31', documents: [], products: ['nope'] },
      { consignees: new Map([['army', 'BY']]), products: new Set(['ball']) },
    );
    expect(problems.map((p) => p.path).sort()).toEqual([
      'country',
      'documents',
      'products[0]',
      'quantityCeiling',
      'validTo',
    ]);
  });
});

describe('four eyes', () => {
  const pending = {
    number: 'AR-1',
    kind: 'shipment.dispatch' as const,
    status: 'pending' as const,
    requester: { name: 'kolya', role: 'logistics' },
  };
  it('refuses self-approval and the wrong role, accepts another logistics user', () => {
    expect(approvalRefusals(pending, { name: 'kolya', role: 'logistics' })).toHaveLength(1);
    expect(approvalRefusals(pending, { name: 'irina', role: 'quality' })).toHaveLength(1);
    expect(approvalRefusals(pending, { name: 'masha', role: 'logistics' })).toEqual([]);
    expect(
      approvalRefusals({ ...pending, status: 'approved' }, { name: 'masha', role: 'logistics' }),
    ).toHaveLength(1);
  });
});

describe('receipts and recovered cartridges', () => {
  it('splits a receipt into received, missing and surplus', () => {
    expect(compareReceipt(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual({
      received: ['a', 'c'],
      missing: ['b'],
      surplus: ['d'],
    });
  });
  it('reads headstamps loosely and ranks an exact lot first', () => {
    expect(normaliseHeadstamp('hsp-27')).toBe('HSP 27');
    const lots = ['HSP27A001-001', 'HSP27A001-002', 'HSP27B002-001'].map((lotNumber) => ({
      lotNumber,
      productId: 'ball',
      headstamp: 'HSP 27',
      labelWords: ['ball'],
      consignees: [],
    }));
    expect(
      rankRecovered({ headstamp: 'HSP 27', lot: 'HSP27A001-002' }, lots).map((c) => c.lotNumber),
    ).toEqual(['HSP27A001-002']);
    expect(rankRecovered({ headstamp: 'HSP 27', lot: 'A001' }, lots)).toHaveLength(2);
    expect(rankRecovered({ headstamp: 'HSP 26' }, lots)).toHaveLength(0);
  });
});

describe('reconciliation', () => {
  it('balances any mix of flows whose stock is what the flows leave', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 5000 }),
        fc.array(
          fc.tuple(
            fc.constantFrom('tests', 'destroyed', 'lost', 'adjusted', 'ship', 'deliver'),
            fc.integer({ min: 1, max: 50 }),
          ),
          { maxLength: 20 },
        ),
        (made, flows) => {
          const lot = 'ball/L1';
          const moves: Movement[] = [{ kind: 'commissioned', lot, quantity: made, eventId: 'e0' }];
          let stock = made;
          flows.forEach(([kind, q], i) => {
            const eventId = `e${i + 1}`;
            if (kind === 'ship' || kind === 'deliver') {
              const sscc = `crate-${i}`;
              moves.push(
                { kind: 'packed', sscc, lot, quantity: q, eventId },
                { kind: 'shipped', sscc, eventId },
              );
              if (kind === 'deliver') moves.push({ kind: 'received', sscc, eventId });
            } else moves.push({ kind, lot, quantity: q, eventId });
            stock -= q;
          });
          const [balance] = reconcile(moves, new Map([[lot, stock]]));
          expect(balance?.difference).toBe(0);
          const [off] = reconcile(moves, new Map([[lot, stock - 1]]));
          expect(off?.difference).toBe(1);
          expect(off?.events.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
