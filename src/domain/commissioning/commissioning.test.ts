import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exampleScenario } from '../scenario/example.ts';
import {
  dueInstant,
  evaluateTest,
  measureOperatingTime,
  parseDurationHours,
  protocolFor,
  renderAct,
  serviceStatus,
  type RecordedLineEvent,
} from './index.ts';

const H = 3_600_000;
const state = (atMs: number, s: string, reason: string | null = null): RecordedLineEvent => ({
  kind: 'state',
  at: new Date(atMs).toISOString(),
  state: s,
  reason,
  processed: null,
  defective: null,
  counterReset: false,
});
const count = (atMs: number, processed: number, defective = 0): RecordedLineEvent => ({
  kind: 'count',
  at: new Date(atMs).toISOString(),
  state: null,
  reason: null,
  processed,
  defective,
  counterReset: false,
});

const line = (() => {
  const first = exampleScenario().lines[0];
  if (first === undefined) throw new Error('example scenario has no line');
  return {
    ...first,
    ratedRate: 100,
    commissioning: {
      test: {
        durationHours: 16,
        thresholds: {
          minRateShare: 0.9,
          minAvailability: 0.9,
          minQualityRatio: 0.99,
          maxSingleStopMinutes: 30,
        },
        signatories: [{ name: 'Petrov', role: 'chief engineer' }],
      },
    },
  };
})();

describe('operating time', () => {
  it('counts only the windows: a test of 16 h on 8 h shifts is due at the end of the second shift', () => {
    const windows = [
      { from: 0, to: 8 * H },
      { from: 24 * H, to: 32 * H },
    ];
    expect(dueInstant(windows, 0, 16)).toBe(32 * H);
    expect(dueInstant(windows, 2 * H, 16)).toBeUndefined();
  });

  it('due time minus start is never less than the hours asked (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 40 }),
        (lengths, hours) => {
          let t = 0;
          const windows = lengths.map((l) => {
            const w = { from: t, to: t + l * H };
            t += (l + 4) * H;
            return w;
          });
          const due = dueInstant(windows, 0, hours);
          const total = lengths.reduce((a, b) => a + b, 0);
          if (total < hours) return due === undefined;
          return due !== undefined && due >= hours * H;
        },
      ),
    );
  });

  it('leaves nights out: a line stopped overnight loses no availability', () => {
    const windows = [
      { from: 0, to: 8 * H },
      { from: 24 * H, to: 32 * H },
    ];
    const events = [
      state(0, 'Execute'),
      count(8 * H, 48_000),
      state(8 * H, 'Stopped'),
      state(24 * H, 'Execute'),
      count(32 * H, 96_000, 96),
    ];
    const measure = measureOperatingTime({ windows, plannedRunTimePerItem: 0.01, events });
    expect(measure.periodMinutes).toBe(960);
    expect(measure.stops).toEqual([]);
    const result = evaluateTest(protocolFor(line), measure);
    expect(result.kpis.availability).toBe(1);
    expect(result.kpis.effectiveness).toBeCloseTo(96_000 / 100 / 960, 9);
    expect(result.passed).toBe(true);
  });

  it('fails a stop longer than the maximum, and says so', () => {
    const windows = [{ from: 0, to: 16 * H }];
    const events = [
      state(0, 'Execute'),
      state(2 * H, 'Held', 'breakdown'),
      state(2 * H + 40 * 60_000, 'Execute'),
      count(16 * H, 92_000, 10),
    ];
    const result = evaluateTest(
      protocolFor(line),
      measureOperatingTime({ windows, plannedRunTimePerItem: 0.01, events }),
    );
    expect(result.stops).toEqual([
      expect.objectContaining({ minutes: 40, reason: 'breakdown', category: 'down' }),
    ]);
    expect(result.reasons).toEqual(['longest single stop 40 min is over the maximum 30 min']);
  });
});

describe('protocol, act and service', () => {
  it('takes the scenario protocol with overrides and names missing terms', () => {
    expect(protocolFor(line, { durationHours: 8 }).durationHours).toBe(8);
    expect(() => protocolFor({ ...line, commissioning: {} })).toThrow(/incomplete/);
    expect(parseDurationHours('90m')).toBe(1.5);
    expect(parseDurationHours('3d')).toBe(72);
    expect(() => parseDurationHours('soon')).toThrow(/72h/);
  });

  it('renders the same bytes for the same content and escapes text', () => {
    const protocol = protocolFor(line);
    const evaluation = evaluateTest(
      protocol,
      measureOperatingTime({ windows: [{ from: 0, to: H }], plannedRunTimePerItem: 0.01, events: [] }),
    );
    const content = {
      actNumber: 'CA-L1-001',
      plant: { id: 'p', name: 'Plant <1>' },
      line: { id: 'L1', name: 'Line 1' },
      startEnteredAt: null,
      period: { from: '2027-01-04T03:00:00.000Z', to: '2027-01-04T04:00:00.000Z' },
      early: true,
      protocol,
      evaluation,
      issuedAt: '2027-01-04T04:00:00.000Z',
      issuedBy: 'user:admin',
      plantKeyName: 'k',
      supersedes: null,
    };
    expect(renderAct(content)).toBe(renderAct(content));
    expect(renderAct(content)).toContain('Plant &#60;1&#62;');
    expect(renderAct(content)).toContain('FAILED');
  });

  it('takes the latest act over the prior one', () => {
    const prior = { actNumber: 'AA-1', date: '2026-12-01', signedBy: ['x'] };
    expect(serviceStatus(prior, undefined).commissioned).toBe(true);
    expect(
      serviceStatus(prior, { actNumber: 'CA-1', issuedAt: '2027-01-05T00:00:00Z', passed: false })
        .commissioned,
    ).toBe(false);
    expect(serviceStatus(undefined, undefined).source).toBe('none');
  });
});
