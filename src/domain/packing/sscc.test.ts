import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { epcUriToSscc, formatSscc, gs1CheckDigit, isValidSscc, parseSscc, ssccToEpcUri } from './sscc.ts';

describe('GS1 check digit', () => {
  it('matches GS1 published numbers', () => {
    // GS1 General Specifications / GS1 Digital Link: SSCC (00) 106141412345678908.
    expect(gs1CheckDigit('10614141234567890')).toBe(8);
    expect(isValidSscc('106141412345678908')).toBe(true);
    // GS1 check digit calculator example: GTIN-13 6291041500213.
    expect(gs1CheckDigit('629104150021')).toBe(3);
  });

  it('matches the SSCC of the EPC URI in GS1 EPCIS 2.0 examples', () => {
    expect(epcUriToSscc('urn:epc:id:sscc:0614141.1234567890')).toBe('106141412345678908');
    expect(ssccToEpcUri('106141412345678908', 7)).toBe('urn:epc:id:sscc:0614141.1234567890');
  });

  it('detects every single-digit error', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{17}$/),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, shift) => {
          const sscc = `${body}${gs1CheckDigit(body)}`;
          expect(isValidSscc(sscc)).toBe(true);
          const digit = (Number(body[position]) + shift) % 10;
          const wrong = `${body.slice(0, position)}${digit}${body.slice(position + 1)}${sscc[17]}`;
          expect(isValidSscc(wrong)).toBe(false);
        },
      ),
    );
  });
});

describe('SSCC', () => {
  const partsArb = fc.integer({ min: 7, max: 10 }).chain((length) =>
    fc.record({
      extension: fc.integer({ min: 0, max: 9 }),
      companyPrefix: fc.stringMatching(new RegExp(`^\\d{${length}}$`)),
      serialReference: fc.integer({ min: 0, max: 10 ** (16 - length) - 1 }),
    }),
  );

  it('round-trips parts, numbers and EPC URIs', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const sscc = formatSscc(parts);
        expect(sscc).toHaveLength(18);
        expect(isValidSscc(sscc)).toBe(true);
        expect(parseSscc(sscc, parts.companyPrefix.length)).toEqual(parts);
        expect(epcUriToSscc(ssccToEpcUri(sscc, parts.companyPrefix.length))).toBe(sscc);
      }),
    );
  });

  it('refuses bad parts and bad numbers', () => {
    expect(() => formatSscc({ extension: 10, companyPrefix: '061414', serialReference: -1 })).toThrow(
      ValidationError,
    );
    expect(() => formatSscc({ extension: 1, companyPrefix: '0614141', serialReference: 1e9 })).toThrow(
      ValidationError,
    );
    expect(() => parseSscc('106141412345678907', 7)).toThrow(/check digit must be 8/);
    expect(() => parseSscc('10614141234567890', 7)).toThrow(ValidationError);
  });
});
