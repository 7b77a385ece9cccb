/**
 * The URI scheme for everything a custody event names.
 *
 * EPCIS 2.0 accepts any absolute URI as an identifier (the JSON schema says `format: uri`). The
 * GS1 EPC URNs (`urn:epc:class:lgtin:...`, `urn:epc:id:sscc:...`) need a GS1 Company Prefix *and
 * its length* to split the number, and the plant's products carry no GTIN. So:
 *
 * | what | URI | why |
 * |---|---|---|
 * | crate, pallet (SSCC) | `https://id.gs1.org/00/{18 digits}` | GS1 Digital Link, canonical form: an SSCC is a GS1 key already, and this form needs no prefix-length split |
 * | product + lot (epcClass) | `https://headstamp.example/id/product/{product}/lot/{lot}` | the lot class, shaped like Digital Link's `01/{gtin}/10/{lot}` but under our domain: no GTIN needed |
 * | location (bizLocation) | `https://headstamp.example/id/location/{code}` | store, quarantine, dispatch bay |
 * | line (readPoint) | `https://headstamp.example/id/line/{lineId}` | where rounds were counted |
 * | consignee (party) | `https://headstamp.example/id/consignee/{id}` | owning party after delivery |
 * | supplier (party) | `https://headstamp.example/id/supplier/{id}` | owning party before receipt |
 * | the plant (party) | `https://headstamp.example/id/plant/{code}` | owning party before shipping |
 * | business document | `https://headstamp.example/id/{kind}/{number}` | orders, shipments, authorisations |
 * | event | `https://headstamp.example/id/event/{id}` | stable name of one ledger event |
 * | signing key | `https://headstamp.example/id/key/{name}/{keyIdHex}` | key rotation as an event |
 *
 * Web URIs under one domain are readable, resolvable later, and every one passes the schema.
 * Path segments are percent-encoded, so lot numbers like `0042-26/B` stay one segment.
 *
 * @example
 * lotClassUri('762x39-PS', '0042-26'); // 'https://headstamp.example/id/product/762x39-PS/lot/0042-26'
 * ssccUri('106141411234567897');       // 'https://id.gs1.org/00/106141411234567897'
 */
import { ValidationError } from '../domain/errors.ts';
import type { Uri } from './event.ts';

/** Our identifier base. */
export const HS_ID = 'https://headstamp.example/id/';
/** GS1 Digital Link canonical resolver domain. */
export const GS1_DL = 'https://id.gs1.org/';

const seg = (value: string, field: string): string => {
  if (value.length === 0) {
    throw new ValidationError('ledger.identifier', `${field}: must not be empty`, [
      { path: field, problem: 'must not be empty' },
    ]);
  }
  return encodeURIComponent(value);
};

/** The EPC class of one lot of one product (or component): the unit of quantity in the ledger. */
export function lotClassUri(product: string, lot: string): Uri {
  return `${HS_ID}product/${seg(product, 'product')}/lot/${seg(lot, 'lot')}`;
}

/** Product and lot back from a lot class URI, or undefined when it is not one of ours. */
export function parseLotClassUri(uri: string): { product: string; lot: string } | undefined {
  const match = /^https:\/\/headstamp\.example\/id\/product\/([^/]+)\/lot\/([^/]+)$/.exec(uri);
  if (match === null) return undefined;
  return { product: decodeURIComponent(match[1] ?? ''), lot: decodeURIComponent(match[2] ?? '') };
}

/** The GS1 mod-10 check digit of the first 17 digits of an SSCC. */
export function ssccCheckDigit(first17: string): number {
  if (!/^\d{17}$/.test(first17)) {
    throw new ValidationError('ledger.sscc', `sscc: need 17 digits, got '${first17}'`, [
      { path: 'sscc', problem: `need 17 digits, got '${first17}'` },
    ]);
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    // Weights 3,1,3,1,... from the left for an 18-digit key.
    sum += Number(first17[i]) * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the string is 18 digits with a correct check digit. */
export function isValidSscc(sscc: string): boolean {
  return /^\d{18}$/.test(sscc) && ssccCheckDigit(sscc.slice(0, 17)) === Number(sscc[17]);
}

/** A crate's or pallet's SSCC as a GS1 Digital Link URI. Refuses a malformed SSCC. */
export function ssccUri(sscc: string): Uri {
  if (!isValidSscc(sscc)) {
    throw new ValidationError(
      'ledger.sscc',
      `sscc: must be 18 digits with a valid check digit, got '${sscc}'`,
      [{ path: 'sscc', problem: `must be 18 digits with a valid check digit, got '${sscc}'` }],
    );
  }
  return `${GS1_DL}00/${sscc}`;
}

/** The SSCC back from its URI (Digital Link or EPC URN form is not split: Digital Link only). */
export function parseSsccUri(uri: string): string | undefined {
  const match = /^https:\/\/id\.gs1\.org\/00\/(\d{18})$/.exec(uri);
  return match?.[1];
}

/** A place goods are held: a store, quarantine, a dispatch bay. */
export function locationUri(code: string): Uri {
  return `${HS_ID}location/${seg(code, 'location')}`;
}

/** An assembly line, as the read point where rounds were counted. */
export function lineUri(lineId: string): Uri {
  return `${HS_ID}line/${seg(lineId, 'line')}`;
}

/** A consignee, as a party (source or destination of custody). */
export function consigneeUri(id: string): Uri {
  return `${HS_ID}consignee/${seg(id, 'consignee')}`;
}

/** A supplier of bought-in components, as a party. */
export function supplierUri(id: string): Uri {
  return `${HS_ID}supplier/${seg(id, 'supplier')}`;
}

/** The plant itself, as a party. */
export function plantUri(code: string): Uri {
  return `${HS_ID}plant/${seg(code, 'plant')}`;
}

/** Kinds of business document an event may point at. */
export type DocumentKind =
  'customer-order' | 'production-order' | 'shipment' | 'authorisation' | 'inspection' | 'discrepancy';

/** A business document (order, shipment, authorisation, inspection record). */
export function documentUri(kind: DocumentKind, number: string): Uri {
  return `${HS_ID}${kind}/${seg(number, kind)}`;
}

/** A ledger signing key, by name and key id (hex). */
export function keyUri(name: string, keyIdHex: string): Uri {
  return `${HS_ID}key/${seg(name, 'key')}/${seg(keyIdHex, 'keyId')}`;
}

/** An event id as a URI: ids that are URIs already pass unchanged. */
export function eventUri(id: string): Uri {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(id)) return id as Uri;
  return `${HS_ID}event/${seg(id, 'eventID')}`;
}

/** What one of our URIs names, or undefined for a foreign URI. */
export function describeUri(uri: string): { kind: string; key: string } | undefined {
  const sscc = parseSsccUri(uri);
  if (sscc !== undefined) return { kind: 'sscc', key: sscc };
  const lot = parseLotClassUri(uri);
  if (lot !== undefined) return { kind: 'lot', key: `${lot.product}/${lot.lot}` };
  if (!uri.startsWith(HS_ID)) return undefined;
  const rest = uri.slice(HS_ID.length).split('/');
  const kind = rest[0];
  if (kind === undefined || rest.length < 2) return undefined;
  return { kind, key: rest.slice(1).map(decodeURIComponent).join('/') };
}
