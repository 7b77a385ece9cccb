import { describe, expect, it } from 'vitest';
import { lotCommissioned, lotStatusChanged, user } from '../../ledger/builders.ts';
import type { StoredEntry } from '../../ledger/entry.ts';
import { lotNewsOf } from './ledger-news.ts';

const origin = (id: string, reason?: string) => ({
  eventID: id,
  eventTime: '2026-01-08T09:10:00.000Z',
  actor: user('twin-inspector', 'quality'),
  ...(reason === undefined ? {} : { reason }),
});

function entry(event: { bizStep?: string | undefined }, index: number): StoredEntry {
  return {
    index,
    eventId: `e${index}`,
    text: JSON.stringify(event),
    leafHash: new Uint8Array(32),
    eventType: 'ObjectEvent',
    eventTime: '2026-01-08T09:10:00.000Z',
    recordTime: '2026-01-08T09:10:01.000Z',
    bizStep: event.bizStep ?? null,
    declaresError: false,
  };
}

describe('lot news from ledger entries', () => {
  it('tells a lot made (with its line and quantity), released and rejected; nothing else', () => {
    const made = lotCommissioned(origin('m1'), {
      product: 'ball-ps',
      lot: 'HSP26L001-023',
      quantity: 52_800,
      line: 'L1',
      location: 'quarantine',
    });
    const released = lotStatusChanged(origin('r1'), {
      product: 'ball-ps',
      lot: 'HSP26L001-023',
      status: 'released',
    });
    const rejected = lotStatusChanged(origin('x1', 'major defects 9 > Re 8'), {
      product: 'tracer-t',
      lot: 'HSP26L003-004',
      status: 'rejected',
    });
    const held = lotStatusChanged(origin('h1', 'awaiting retest'), {
      product: 'ball-ps',
      lot: 'HSP26L001-024',
      status: 'held',
    });
    const news = [made, released, rejected, held].flatMap((e, i) => lotNewsOf(entry(e, i)));
    expect(news).toEqual([
      {
        type: 'lot',
        lotNumber: 'HSP26L001-023',
        status: 'made',
        lineId: 'L1',
        productId: 'ball-ps',
        quantity: 52_800,
        at: '2026-01-08T09:10:00.000Z',
      },
      {
        type: 'lot',
        lotNumber: 'HSP26L001-023',
        status: 'released',
        lineId: null,
        productId: 'ball-ps',
        quantity: 0,
        at: '2026-01-08T09:10:00.000Z',
      },
      {
        type: 'lot',
        lotNumber: 'HSP26L003-004',
        status: 'rejected',
        lineId: null,
        productId: 'tracer-t',
        quantity: 0,
        at: '2026-01-08T09:10:00.000Z',
      },
    ]);
  });
});
