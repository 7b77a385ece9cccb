/**
 * Canonical bytes of a ledger event: RFC 8785 (JSON Canonicalization Scheme) for the value types
 * an event holds. Object keys sorted by UTF-16 code units, no whitespace, strings and numbers
 * written as ECMAScript's JSON.stringify writes them (which is what JCS specifies), `undefined`
 * members dropped. The leaf of the Merkle log is exactly these bytes, so anything stored about an
 * event is either inside them or checked against them.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, 'x'] }); // '{"a":[true,"x"],"b":1}'
 */
import { ValidationError } from '../domain/errors.ts';
import type { CustodyEvent } from './event.ts';

/** The JCS text of a JSON value. Refuses what JSON cannot hold (NaN, Infinity, functions, ...). */
export function canonicalJson(value: unknown): string {
  try {
    return write(value);
  } catch (error) {
    // The writer keeps no path (cheaper); a second walk finds and names the field.
    if (error === UNWRITABLE) locateProblem(value, '$');
    throw error;
  }
}

const UNWRITABLE = new Error('not writable as JSON');

/** Walks the value with paths and refuses its first part JSON cannot hold. */
function locateProblem(value: unknown, path: string): void {
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) refuse(path, `not a finite number: ${value}`);
      return;
    case 'object': {
      if (value === null) return;
      if (Array.isArray(value)) {
        value.forEach((item: unknown, i) => {
          if (item === undefined) refuse(`${path}[${i}]`, 'undefined in an array');
          locateProblem(item, `${path}[${i}]`);
        });
        return;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        refuse(path, 'not a plain object (convert dates to ISO strings first)');
      }
      for (const [key, item] of Object.entries(value)) {
        if (item !== undefined) locateProblem(item, `${path}.${key}`);
      }
      return;
    }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      return refuse(path, `a ${typeof value} cannot be written as JSON`);
    case 'string':
    case 'boolean':
      return;
  }
}

// Each key's JSON text and colon, written once: events repeat the same few dozen keys.
const KEY_TEXT = new Map<string, string>();

function keyText(key: string): string {
  let text = KEY_TEXT.get(key);
  if (text === undefined) {
    text = `${JSON.stringify(key)}:`;
    if (KEY_TEXT.size < 4096) KEY_TEXT.set(key, text);
  }
  return text;
}

// One pass writes the text directly: no sorted copy of the value is made. Keys already in
// order (what our builders and JSON.parse of canonical text give) are only compared, not sorted;
// `Object.keys` puts array-index-like keys first, which the comparison catches and the sort fixes.
function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw UNWRITABLE;
      // ECMAScript number-to-string is JCS's number form; -0 is written 0.
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i += 1) {
          const item: unknown = value[i];
          if (item === undefined) throw UNWRITABLE;
          text += i === 0 ? write(item) : `,${write(item)}`;
        }
        return `${text}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw UNWRITABLE;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      for (let i = 1; i < keys.length; i += 1) {
        if (!((keys[i - 1] as string) < (keys[i] as string))) {
          keys.sort();
          break;
        }
      }
      let text = '{';
      let first = true;
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        text += first ? keyText(key) : `,${keyText(key)}`;
        first = false;
        text += write(item);
      }
      return `${text}}`;
    }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      throw UNWRITABLE;
  }
}

/**
 * True when `text` is the canonical form of `parsed` (which is `JSON.parse(text)`). Cheaper than
 * writing the canonical form again: JSON.parse keeps the text's key order, so the text is
 * canonical when the engine writes it back unchanged and every object's keys are in order.
 */
export function isCanonicalText(text: string, parsed: unknown): boolean {
  if (JSON.stringify(parsed) === text && keysInOrder(parsed)) return true;
  // Array-index-like keys defeat the quick test (the engine writes them first); settle the long way.
  return hasIndexLikeKey(parsed) && canonicalJson(parsed) === text;
}

const INDEX_LIKE = /^(?:0|[1-9][0-9]*)$/;

function hasIndexLikeKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasIndexLikeKey);
  return Object.entries(value).some(([key, item]) => INDEX_LIKE.test(key) || hasIndexLikeKey(item));
}

function keysInOrder(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(keysInOrder);
  let previous: string | undefined;
  for (const key of Object.keys(value)) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!keysInOrder((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function refuse(path: string, problem: string): never {
  throw new ValidationError('ledger.not_canonical', `${path}: ${problem}`, [{ path, problem }]);
}

const encoder = new TextEncoder();

/** The canonical UTF-8 bytes of an event: the Merkle leaf data. */
export function canonicalEventBytes(event: CustodyEvent): Uint8Array {
  return encoder.encode(canonicalJson(event));
}

/** True when the text is already the canonical form of the JSON it holds. */
export function isCanonicalJson(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}
