import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLineMessage, derivedEventId } from './payloads.ts';
import { lineTopic, parseLineTopic, plantFilter } from './topics.ts';

const at = '2027-01-04T03:10:00Z';
const topic = (kind: string): string => `headstamp/v1/p1/L1/${kind}`;
const fieldsOf = (t: string, payload: unknown): string[] => {
  const r = decodeLineMessage(t, JSON.stringify(payload));
  return r.ok ? [] : r.problems.map((p) => p.field);
};

describe('line topics', () => {
  it('build and read back the namespace', () => {
    expect(lineTopic('minsk-1', 'L1', 'count')).toBe('headstamp/v1/minsk-1/L1/count');
    expect(parseLineTopic('headstamp/v1/minsk-1/L1/count')).toEqual({
      ok: true,
      topic: { plant: 'minsk-1', lineId: 'L1', kind: 'count' },
    });
    expect(plantFilter('minsk-1')).toBe('headstamp/v1/minsk-1/+/+');
  });

  it('refuse other roots, kinds and ids that are not topic levels', () => {
    expect(parseLineTopic('spBv1.0/g/NDATA/n').ok).toBe(false);
    expect(parseLineTopic('headstamp/v1/p/L1/speed')).toMatchObject({
      ok: false,
      problem: /kind must be one of/,
    });
    expect(parseLineTopic('headstamp/v1/p/L1/x/count').ok).toBe(false);
    expect(() => lineTopic('p', 'L+1', 'state')).toThrow(/line: must be/);
    expect(() => plantFilter('#')).toThrow(/plant: must be/);
  });
});

describe('line payloads', () => {
  it('turn a count into a line event whose id comes from plant, line, birth and seq', () => {
    const r = decodeLineMessage(
      topic('count'),
      JSON.stringify({ birth: 7, seq: 3, at, processed: 120, defective: 1, productId: 'ball-ps' }),
    );
    expect(r).toEqual({
      ok: true,
      message: {
        kind: 'data',
        plant: 'p1',
        lineId: 'L1',
        birth: 7,
        seq: 3,
        event: {
          eventId: 'mqtt:p1:L1:7:3',
          kind: 'count',
          lineId: 'L1',
          at,
          processed: 120,
          defective: 1,
          productId: 'ball-ps',
        },
      },
    });
  });

  it("keep the sender's own event id", () => {
    const r = decodeLineMessage(
      topic('state'),
      JSON.stringify({ birth: 1, seq: 1, at, state: 'Execute', eventId: 'plc-9' }),
    );
    expect(r.ok && r.message.kind === 'data' ? r.message.event.eventId : null).toBe('plc-9');
  });

  it('read births and deaths', () => {
    const birth = decodeLineMessage(
      topic('birth'),
      JSON.stringify({ birth: 9, seq: 0, at, metadata: { name: 'Line 1' } }),
    );
    expect(birth).toMatchObject({
      ok: true,
      message: { kind: 'birth', lineId: 'L1', payload: { birth: 9 } },
    });
    expect(decodeLineMessage(topic('death'), '{"birth":9}')).toMatchObject({
      ok: true,
      message: { kind: 'death', payload: { birth: 9 } },
    });
  });

  it('name every field at fault, with the topic', () => {
    const r = decodeLineMessage(
      topic('count'),
      JSON.stringify({ birth: -1, at: 'yesterday', processed: 1.5, colour: 'red' }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.every((p) => p.topic === topic('count'))).toBe(true);
    expect(Object.fromEntries(r.problems.map((p) => [p.field, p.problem]))).toMatchObject({
      birth: expect.stringMatching(/>= 0/) as string,
      seq: 'is required',
      defective: 'is required',
      at: 'must be an ISO 8601 instant with a time zone',
      processed: expect.stringMatching(/integer/) as string,
      colour: 'is not a field of a v1 count message',
    });
  });

  it('refuse what is not a JSON object, and bad topics, without throwing', () => {
    expect(fieldsOf(topic('state'), [1, 2])).toEqual(['']);
    expect(decodeLineMessage(topic('state'), '{not json')).toMatchObject({
      ok: false,
      problems: [{ field: '', problem: expect.stringMatching(/^not JSON/) as string }],
    });
    expect(decodeLineMessage('headstamp/v1/p1/L1', '{}')).toMatchObject({
      ok: false,
      problems: [{ field: '' }],
    });
    expect(fieldsOf(topic('stop'), { birth: 1, seq: 1, at, reason: 'jam', endedAt: 'later' })).toEqual([
      'endedAt',
    ]);
    expect(fieldsOf(topic('birth'), { birth: 1, seq: 0, at, metadata: { a: { b: 1 } } })).toEqual([
      'metadata.a',
    ]);
  });

  it('never throw, whatever arrives', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.string(), fc.json()), (level, payload) => {
        const r = decodeLineMessage(`headstamp/v1/p1/${level}/count`, payload);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
      }),
    );
  });

  it('derive ids that differ across births and sequence numbers', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.nat(), (b1, s1, b2, s2) => {
        const same = b1 === b2 && s1 === s2;
        expect(derivedEventId('p', 'L1', b1, s1) === derivedEventId('p', 'L1', b2, s2)).toBe(same);
      }),
    );
  });
});
