import { describe, expect, it } from 'vitest';
import {
  describeUri,
  eventUri,
  isValidSscc,
  lotClassUri,
  parseLotClassUri,
  parseSsccUri,
  ssccCheckDigit,
  ssccUri,
} from './identifiers.ts';

describe('identifiers', () => {
  it('computes the GS1 mod-10 check digit (same weights as a GTIN, from the right)', () => {
    // GTIN-13 4006381333931 has check digit 1; leading zeros change nothing.
    expect(ssccCheckDigit('00000400638133393')).toBe(1);
    expect(isValidSscc('000004006381333931')).toBe(true);
    expect(isValidSscc('000004006381333932')).toBe(false);
    expect(isValidSscc('12345')).toBe(false);
  });

  it('writes SSCCs as GS1 Digital Link and refuses a wrong check digit', () => {
    expect(ssccUri('000004006381333931')).toBe('https://id.gs1.org/00/000004006381333931');
    expect(parseSsccUri('https://id.gs1.org/00/000004006381333931')).toBe('000004006381333931');
    expect(() => ssccUri('000004006381333932')).toThrow(/valid check digit/);
  });

  it('round-trips lot classes, percent-encoding what a path segment cannot hold', () => {
    const uri = lotClassUri('762x39 PS', '0042-26/B');
    expect(uri).toBe('https://headstamp.example/id/product/762x39%20PS/lot/0042-26%2FB');
    expect(parseLotClassUri(uri)).toEqual({ product: '762x39 PS', lot: '0042-26/B' });
    expect(describeUri(uri)).toEqual({ kind: 'lot', key: '762x39 PS/0042-26/B' });
    expect(() => lotClassUri('', 'x')).toThrow(/product: must not be empty/);
  });

  it('names events by URI, leaving URIs as they are', () => {
    expect(eventUri('event-000001')).toBe('https://headstamp.example/id/event/event-000001');
    expect(eventUri('urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8')).toBe(
      'urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8',
    );
  });
});
