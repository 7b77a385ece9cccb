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
  // Fast path: a copy with keys inserted in sorted order, written by the engine's JSON.stringify
  // (JCS's string and number forms are ECMAScript's). Objects with array-index-like keys would be
  // reordered by the engine, so those take the slow path, which writes every part itself.
  const sorted = sortedCopy(value, '$');
  if (sorted !== SLOW) return JSON.stringify(sorted);
  const parts: string[] = [];
  write(value, parts, '$');
  return parts.join('');
}

const SLOW = Symbol('slow');
const INDEX_LIKE = /^(?:0|[1-9][0-9]*)$/;

function sortedCopy(value: unknown, path: string): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) refuse(path, `not a finite number: ${value}`);
      return value;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out: unknown[] = [];
        for (let i = 0; i < value.length; i += 1) {
          const item: unknown = value[i];
          if (item === undefined) refuse(`${path}[${i}]`, 'undefined in an array');
          const copy = sortedCopy(item, `${path}[${i}]`);
          if (copy === SLOW) return SLOW;
          out.push(copy);
        }
        return out;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        refuse(path, 'not a plain object (convert dates to ISO strings first)');
      }
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(record).sort()) {
        if (INDEX_LIKE.test(key)) return SLOW;
        const item = record[key];
        if (item === undefined) continue;
        const copy = sortedCopy(item, `${path}.${key}`);
        if (copy === SLOW) return SLOW;
        out[key] = copy;
      }
      return out;
    }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      return refuse(path, `a ${typeof value} cannot be written as JSON`);
  }
}

/**
 * True when `text` is the canonical form of `parsed` (which is `JSON.parse(text)`). Cheaper than
 * writing the canonical form again: JSON.parse keeps the text's key order, so the text is
 * canonical when the engine writes it back unchanged and every object's keys are in order.
 */
export function isCanonicalText(text: string, parsed: unknown): boolean {
  if (JSON.stringify(parsed) === text && keysInOrder(parsed)) return true;
  // Array-index-like keys defeat the quick test; settle those the long way.
  return sortedCopy(parsed, '$') === SLOW && canonicalJson(parsed) === text;
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

function write(value: unknown, parts: string[], path: string): void {
  switch (typeof value) {
    case 'string':
      parts.push(JSON.stringify(value));
      return;
    case 'boolean':
      parts.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) refuse(path, `not a finite number: ${value}`);
      // ECMAScript number-to-string is JCS's number form; -0 is written 0.
      parts.push(JSON.stringify(value));
      return;
    case 'object': {
      if (value === null) {
        parts.push('null');
        return;
      }
      if (Array.isArray(value)) {
        parts.push('[');
        value.forEach((item: unknown, i) => {
          if (i > 0) parts.push(',');
          if (item === undefined) refuse(`${path}[${i}]`, 'undefined in an array');
          write(item, parts, `${path}[${i}]`);
        });
        parts.push(']');
        return;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        refuse(path, 'not a plain object (convert dates to ISO strings first)');
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      parts.push('{');
      keys.forEach((key, i) => {
        if (i > 0) parts.push(',');
        parts.push(JSON.stringify(key), ':');
        write(record[key], parts, `${path}.${key}`);
      });
      parts.push('}');
      return;
    }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      refuse(path, `a ${typeof value} cannot be written as JSON`);
  }
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
