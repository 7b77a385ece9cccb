import type { FieldProblem } from '../errors.ts';

/**
 * End-user certificates (authorisations): the document, issued by an authority, that allows
 * the plant to transfer given products to one consignee up to a ceiling, between two dates.
 * Pure rules: what a valid certificate record is, and which conditions a shipment fails.
 */

export const AUTHORISATION_STATUSES = ['valid', 'suspended', 'revoked'] as const;
export type AuthorisationStatus = (typeof AUTHORISATION_STATUSES)[number];

export interface Authorisation {
  readonly number: string;
  readonly authority: string;
  readonly consigneeId: string;
  /** ISO 3166-1 alpha-2 of the end user. */
  readonly country: string;
  readonly products: readonly string[];
  /** Rounds, all products together. */
  readonly quantityCeiling: number;
  /** First and last day of validity, `YYYY-MM-DD`, both included. */
  readonly validFrom: string;
  readonly validTo: string;
  readonly status: AuthorisationStatus;
  /** The documents the certificate refers to (contract, end-use statement, licence). */
  readonly documents: readonly string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Every problem with a new certificate record, at once. `knownConsignees` and `knownProducts`
 * are the plant's; the consignee's country must agree with the certificate's.
 *
 * @example
 * authorisationProblems({ ...eu, quantityCeiling: 0 }, { consignees: new Map([['army', 'VE']]), products: new Set(['ball-ps']) });
 * // [{ path: 'quantityCeiling', problem: 'must be > 0, got 0' }]
 */
export function authorisationProblems(
  a: Omit<Authorisation, 'status'>,
  known: { consignees: ReadonlyMap<string, string>; products: ReadonlySet<string> },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string, problem: string): void => void problems.push({ path, problem });
  if (a.number.trim() === '') add('number', 'must not be empty');
  if (a.authority.trim() === '') add('authority', 'must not be empty');
  const consigneeCountry = known.consignees.get(a.consigneeId);
  if (consigneeCountry === undefined) add('consignee', `no consignee ${a.consigneeId}`);
  if (!/^[A-Z]{2}$/.test(a.country))
    add('country', `must be an ISO 3166 alpha-2 code like BY, got '${a.country}'`);
  else if (consigneeCountry !== undefined && consigneeCountry !== a.country) {
    add('country', `consignee ${a.consigneeId} is in ${consigneeCountry}, not ${a.country}`);
  }
  if (a.products.length === 0) add('products', 'must name at least one product');
  a.products.forEach((p, i) => {
    if (!known.products.has(p)) add(`products[${i}]`, `no product ${p}`);
  });
  if (!Number.isSafeInteger(a.quantityCeiling) || a.quantityCeiling <= 0) {
    add('quantityCeiling', `must be a whole number > 0, got ${a.quantityCeiling}`);
  }
  if (!isDate(a.validFrom)) add('validFrom', `must be a date YYYY-MM-DD, got '${a.validFrom}'`);
  if (!isDate(a.validTo)) add('validTo', `must be a date YYYY-MM-DD, got '${a.validTo}'`);
  if (isDate(a.validFrom) && isDate(a.validTo) && a.validTo < a.validFrom) {
    add('validTo', `must not be before validFrom ${a.validFrom}, got ${a.validTo}`);
  }
  if (a.documents.length === 0) add('documents', 'must name at least one document the certificate refers to');
  return problems;
}

/** What a shipment asks of an authorisation. */
export interface TransferRequest {
  readonly consigneeId: string;
  /** Rounds per product. */
  readonly quantities: ReadonlyMap<string, number>;
  /** The day of dispatch, `YYYY-MM-DD` (plant local). */
  readonly dispatchDate: string;
}

/**
 * Each condition the authorisation fails for this transfer, in words, or none: status valid,
 * dispatch date inside the validity, same consignee, every product covered, and the quantity
 * within what is left of the ceiling after `alreadyUsed` rounds of other shipments.
 *
 * @example
 * coverageRefusals(eu, 200_000, { consigneeId: 'police', quantities: new Map([['blank', 10]]), dispatchDate: '2027-03-01' });
 * // ['authorisation EUC-1 names consignee army, not police', 'authorisation EUC-1 does not cover product blank']
 */
export function coverageRefusals(a: Authorisation, alreadyUsed: number, request: TransferRequest): string[] {
  const reasons: string[] = [];
  const name = `authorisation ${a.number}`;
  if (a.status !== 'valid') reasons.push(`${name} is ${a.status}`);
  if (request.dispatchDate < a.validFrom) {
    reasons.push(`${name} is valid from ${a.validFrom}; dispatch date ${request.dispatchDate} is before`);
  }
  if (request.dispatchDate > a.validTo) {
    reasons.push(`${name} expired on ${a.validTo}; dispatch date ${request.dispatchDate} is after`);
  }
  if (a.consigneeId !== request.consigneeId) {
    reasons.push(`${name} names consignee ${a.consigneeId}, not ${request.consigneeId}`);
  }
  for (const product of request.quantities.keys()) {
    if (!a.products.includes(product)) reasons.push(`${name} does not cover product ${product}`);
  }
  const wanted = [...request.quantities.values()].reduce((s, q) => s + q, 0);
  const remaining = a.quantityCeiling - alreadyUsed;
  if (wanted > remaining) {
    reasons.push(
      `${name} has ${Math.max(0, remaining)} rounds left of its ceiling ${a.quantityCeiling}; the shipment needs ${wanted}`,
    );
  }
  return reasons;
}

/** The statuses an authorisation may move to from each status (revoked is final). */
export const AUTHORISATION_MOVES: Readonly<Record<AuthorisationStatus, readonly AuthorisationStatus[]>> = {
  valid: ['suspended', 'revoked'],
  suspended: ['valid', 'revoked'],
  revoked: [],
};
