/**
 * Serial Shipping Container Codes (SSCC, GS1 application identifier 00): the 18-digit number of
 * one logistic unit, here each crate and each pallet.
 *
 * ```
 *   1 0614141 234567890 8
 *   │ │       │         └ check digit (GS1 mod 10)
 *   │ │       └ serial reference, assigned by the plant (16 − prefix length digits)
 *   │ └ GS1 company prefix (7–10 digits)
 *   └ extension digit (0–9), free for the plant's use: 1 = crate, 2 = pallet here
 * ```
 *
 * @example
 * gs1CheckDigit('10614141234567890'); // 8
 * formatSscc({ extension: 1, companyPrefix: '0614141', serialReference: 234567890 }); // '106141412345678908'
 * isValidSscc('106141412345678908'); // true
 */
import { ValidationError } from '../errors.ts';

/**
 * The GS1 mod-10 check digit of a string of digits (GTIN, GLN, SSCC, ... without their check
 * digit): weights 3 and 1 alternate from the rightmost digit, and the check digit brings the
 * sum up to a multiple of ten.
 *
 * @example
 * gs1CheckDigit('629104150021'); // 3 (GTIN-13 6291041500213)
 */
export function gs1CheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits))
    throw new RangeError(`digits: must be digits only, got ${JSON.stringify(digits)}`);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

export interface SsccParts {
  /** 0–9. */
  readonly extension: number;
  /** 7–10 digits, as the GS1 member organisation assigned it. */
  readonly companyPrefix: string;
  /** 0 … 10^(16 − prefix length) − 1. */
  readonly serialReference: number;
}

/**
 * The 18-digit SSCC of its parts, with its check digit.
 *
 * @example
 * formatSscc({ extension: 2, companyPrefix: '0614141', serialReference: 1 }); // '206141410000000018'
 */
export function formatSscc(parts: SsccParts): string {
  const problems = [];
  if (!Number.isInteger(parts.extension) || parts.extension < 0 || parts.extension > 9) {
    problems.push({ path: 'extension', problem: `must be one digit 0–9, got ${parts.extension}` });
  }
  if (!/^\d{7,10}$/.test(parts.companyPrefix)) {
    problems.push({
      path: 'companyPrefix',
      problem: `must be 7–10 digits, got ${JSON.stringify(parts.companyPrefix)}`,
    });
  }
  const serialDigits = 16 - parts.companyPrefix.length;
  const limit = 10 ** serialDigits;
  if (
    !Number.isSafeInteger(parts.serialReference) ||
    parts.serialReference < 0 ||
    parts.serialReference >= limit
  ) {
    problems.push({
      path: 'serialReference',
      problem: `must be a whole number from 0 to ${limit - 1} (${serialDigits} digits), got ${parts.serialReference}`,
    });
  }
  if (problems.length > 0) throw new ValidationError('sscc.invalid', 'SSCC parts have problems', problems);
  const body = `${parts.extension}${parts.companyPrefix}${String(parts.serialReference).padStart(serialDigits, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/**
 * True for 18 digits whose last is the GS1 check digit of the first 17.
 *
 * @example
 * isValidSscc('106141412345678908'); // true
 * isValidSscc('106141412345678907'); // false
 */
export function isValidSscc(text: string): boolean {
  return /^\d{18}$/.test(text) && gs1CheckDigit(text.slice(0, 17)) === Number(text[17]);
}

/**
 * Splits an SSCC into its parts, given the company prefix length (the number alone does not
 * say where the prefix ends). Throws a ValidationError for a malformed number or a wrong check digit.
 *
 * @example
 * parseSscc('106141412345678908', 7); // { extension: 1, companyPrefix: '0614141', serialReference: 234567890 }
 */
export function parseSscc(text: string, companyPrefixLength: number, path = 'sscc'): SsccParts {
  if (!/^\d{18}$/.test(text)) {
    throw new ValidationError('sscc.invalid', `${path}: must be 18 digits`, [
      { path, problem: `must be 18 digits, got ${JSON.stringify(text)}` },
    ]);
  }
  const check = gs1CheckDigit(text.slice(0, 17));
  if (check !== Number(text[17])) {
    throw new ValidationError('sscc.invalid', `${path}: check digit must be ${check}, got ${text[17]}`, [
      { path, problem: `check digit must be ${check}, got ${text[17]}` },
    ]);
  }
  if (!Number.isInteger(companyPrefixLength) || companyPrefixLength < 7 || companyPrefixLength > 10) {
    throw new RangeError(`companyPrefixLength: must be 7–10, got ${companyPrefixLength}`);
  }
  return {
    extension: Number(text[0]),
    companyPrefix: text.slice(1, 1 + companyPrefixLength),
    serialReference: Number(text.slice(1 + companyPrefixLength, 17)),
  };
}

/**
 * The EPC pure identity URI of an SSCC (GS1 EPC Tag Data Standard), as EPCIS events name
 * logistic units: `urn:epc:id:sscc:CompanyPrefix.ExtensionSerial`.
 *
 * @example
 * ssccToEpcUri('106141412345678908', 7); // 'urn:epc:id:sscc:0614141.1234567890'
 */
export function ssccToEpcUri(sscc: string, companyPrefixLength: number): string {
  const parts = parseSscc(sscc, companyPrefixLength);
  const serial = String(parts.serialReference).padStart(16 - companyPrefixLength, '0');
  return `urn:epc:id:sscc:${parts.companyPrefix}.${parts.extension}${serial}`;
}

/**
 * The SSCC of an EPC URI (the inverse of `ssccToEpcUri`).
 *
 * @example
 * epcUriToSscc('urn:epc:id:sscc:0614141.1234567890'); // '106141412345678908'
 */
export function epcUriToSscc(uri: string): string {
  const match = /^urn:epc:id:sscc:(\d{7,10})\.(\d)(\d+)$/.exec(uri);
  const [, prefix, extension, serial] = match ?? [];
  if (
    prefix === undefined ||
    extension === undefined ||
    serial === undefined ||
    prefix.length + serial.length !== 16
  ) {
    throw new ValidationError('sscc.invalid', 'not an SSCC EPC URI', [
      {
        path: 'uri',
        problem: `must look like urn:epc:id:sscc:0614141.1234567890, got ${JSON.stringify(uri)}`,
      },
    ]);
  }
  const body = `${extension}${prefix}${serial}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** Extension digits the plant uses: one per kind of logistic unit, so numbers never collide. */
export const SSCC_EXTENSION = { crate: 1, pallet: 2 } as const;
export type LogisticUnitKind = keyof typeof SSCC_EXTENSION;
