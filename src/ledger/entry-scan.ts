/**
 * A one-pass scan of a stored entry's bytes that ACCEPTS it when it is certainly canonical JSON
 * whose index and event fields match the entry's columns: what `checkStoredEntry` checks with
 * `JSON.parse`, a re-serialisation and a walk of every object, at a fraction of the cost (the
 * whole verification of a large log is mostly this check, reading the rows and SHA-256).
 *
 * It reads the UTF-8 bytes that were just hashed (the leaf input), not the string: a byte array
 * reads about twice as fast as a string's characters, and the encoding is paid once, for the hash.
 *
 * The scan only ever accepts. Whenever it is not certain (the text is not JSON, a byte outside
 * ASCII, a string holding an escape other than those JSON.stringify writes, a key with an escape,
 * a number it would have to parse, anything unusual) it answers false, and the caller runs
 * `checkStoredEntry`, which decides and names the problem. So an entry the scan accepts is one
 * `checkStoredEntry` accepts (property-tested), and every problem is still named by the one full
 * check.
 *
 * @example
 * const input = entryLeafInput(entry.text);
 * const leaf = hashLeafInput(input);
 * if (!scanAccepts(entry, input)) return checkStoredEntry(entry, leaf);
 */
import { entryLeafInput, type StoredEntry } from './entry.ts';

/* eslint-disable @typescript-eslint/no-unsafe-enum-comparison -- byte values compared with the
   numbers a byte array gives, on purpose. */
// Byte values. A `const enum`, so that they are written into the code.
const enum Byte {
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperE = 69,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  LowerE = 101,
  OpenBrace = 123,
  CloseBrace = 125,
  LowerB = 98,
  LowerF = 102,
  LowerN = 110,
  LowerR = 114,
  LowerT = 116,
  LowerU = 117,
}

// What the scanner expects next.
const enum Expect {
  Value,
  Key,
  AfterValue,
}

// The fields checked against the columns, by their slot.
const enum Field {
  EventId,
  Type,
  EventTime,
  RecordTime,
  BizStep,
  Index,
  Count,
}

// Reused between calls (JavaScript runs one call at a time per thread): per open container its
// kind (1 object, 2 array) and the [start, end) of its last key; per field the [start, end) of
// its value and whether that value held an escape.
const MAX_DEPTH = 64;
const containers = new Int32Array(MAX_DEPTH * 3);
const fieldStart = new Int32Array(Field.Count);
const fieldEnd = new Int32Array(Field.Count);
const fieldPlain = new Uint8Array(Field.Count);
let errorDeclaration = false;

// The bytes that stand for themselves inside a string: ASCII but the quote, the backslash and
// control characters. One table lookup a byte instead of four comparisons.
const PLAIN = new Uint8Array(256);
for (let c = 0x20; c <= 0x7f; c += 1) PLAIN[c] = c === Byte.Quote || c === Byte.Backslash ? 0 : 1;

/** True when b[start, start + word.length) holds the ASCII word. */
function bytesAre(b: Uint8Array, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k += 1) if (b[start + k] !== word.charCodeAt(k)) return false;
  return true;
}

/** The field an event key names (inside "event"), or -1; notes an error declaration. */
function eventField(b: Uint8Array, start: number, length: number): number {
  switch (length) {
    case 4:
      return bytesAre(b, start, 'type') ? Field.Type : -1;
    case 7:
      if (bytesAre(b, start, 'eventID')) return Field.EventId;
      return bytesAre(b, start, 'bizStep') ? Field.BizStep : -1;
    case 9:
      return bytesAre(b, start, 'eventTime') ? Field.EventTime : -1;
    case 10:
      return bytesAre(b, start, 'recordTime') ? Field.RecordTime : -1;
    case 16:
      if (bytesAre(b, start, 'errorDeclaration')) errorDeclaration = true;
      return -1;
    default:
      return -1;
  }
}

/** A plain integer in JCS form (what ECMAScript writes for it): no sign but '-', no leading 0, not -0. */
function isPlainInteger(b: Uint8Array, start: number, end: number): boolean {
  let i = start;
  if (b[i] === Byte.Minus) i += 1;
  const digits = end - i;
  // At most 15 digits: every such integer is exact as a double and written back as itself.
  if (digits < 1 || digits > 15) return false;
  if (b[i] === Byte.Zero) return digits === 1 && i === start;
  for (; i < end; i += 1) {
    const c = b[i]!;
    if (c < Byte.Zero || c > Byte.Nine) return false;
  }
  return true;
}

/**
 * True when the bytes [from, end) are certainly canonical JSON of an object whose first member
 * is "event" (an object) and which has an "index", filling the field positions. One loop over
 * the bytes: no call per value, nothing allocated.
 */
function scanBytes(b: Uint8Array, from: number, end: number): boolean {
  fieldStart.fill(-1);
  errorDeclaration = false;
  let depth = 0; // open containers
  let i = from;
  let expect: Expect = Expect.Value;
  // The field the value being scanned belongs to (-1: none), and whether a string held an escape.
  let field = -1;
  let escaped = false;
  // Whether the container at depth 2 is the "event" member.
  let inEvent = false;
  for (;;) {
    if (expect === Expect.AfterValue) {
      if (field >= 0) {
        fieldEnd[field] = i;
        fieldPlain[field] = escaped ? 0 : 1;
        field = -1;
      }
      if (depth === 0) return i === end;
    }
    if (i >= end) return false;
    let c = b[i]!;
    if (expect === Expect.AfterValue) {
      const top = (depth - 1) * 3;
      i += 1;
      if (c === Byte.Comma) {
        expect = containers[top] === 1 ? Expect.Key : Expect.Value;
        continue;
      }
      if (c !== (containers[top] === 1 ? Byte.CloseBrace : Byte.CloseBracket)) return false;
      depth -= 1;
      if (depth < 2) inEvent = false;
      continue;
    }
    if (expect === Expect.Key) {
      if (c !== Byte.Quote) return false;
      const keyStart = i + 1;
      let k = keyStart;
      // Keys hold ASCII only, without escapes or control characters: the raw bytes
      // are the key, and bytes compare as UTF-16 code units do.
      while (k < end && PLAIN[b[k]!] === 1) k += 1;
      if (b[k] !== Byte.Quote) return false;
      const keyEnd = k;
      const top = (depth - 1) * 3;
      const previousStart = containers[top + 1]!;
      if (previousStart >= 0) {
        // Strictly increasing.
        const previousLength = containers[top + 2]! - previousStart;
        const length = keyEnd - keyStart;
        const n = previousLength < length ? previousLength : length;
        let j = 0;
        while (j < n && b[previousStart + j] === b[keyStart + j]) j += 1;
        if (j < n ? b[previousStart + j]! > b[keyStart + j]! : previousLength >= length) return false;
      }
      containers[top + 1] = keyStart;
      containers[top + 2] = keyEnd;
      i = keyEnd + 1;
      if (b[i] !== Byte.Colon) return false;
      i += 1;
      const length = keyEnd - keyStart;
      if (depth === 1) {
        if (previousStart < 0) {
          // The first member must be "event", an object.
          if (length !== 5 || !bytesAre(b, keyStart, 'event') || b[i] !== Byte.OpenBrace) return false;
          inEvent = true;
        } else if (length === 5 && bytesAre(b, keyStart, 'index')) field = Field.Index;
      } else if (depth === 2 && inEvent) field = eventField(b, keyStart, length);
      if (field >= 0) fieldStart[field] = i;
      expect = Expect.Value;
      continue;
    }
    // A value.
    escaped = false;
    if (c === Byte.Quote) {
      i += 1;
      for (;;) {
        // The plain run: ASCII but the quote, the backslash and control characters.
        while (i < end && PLAIN[(c = b[i]!)] === 1) i += 1;
        if (i >= end || c !== Byte.Backslash) break;
        escaped = true;
        const n = b[i + 1];
        // The short escapes JSON.stringify writes: \" \\ \b \f \n \r \t.
        if (
          n === Byte.Quote ||
          n === Byte.Backslash ||
          n === Byte.LowerB ||
          n === Byte.LowerF ||
          n === Byte.LowerN ||
          n === Byte.LowerR ||
          n === Byte.LowerT
        ) {
          i += 2;
          continue;
        }
        // \u00xx for the other control characters, as JSON.stringify writes them: \u0000-\u0007,
        // \u000b, \u000e-\u001f, lowercase hex.
        if (n !== Byte.LowerU || b[i + 2] !== Byte.Zero || b[i + 3] !== Byte.Zero) return false;
        const high = b[i + 4];
        const low = b[i + 5]!;
        const lowValue =
          low >= Byte.Zero && low <= Byte.Nine ? low - Byte.Zero : low >= 97 && low <= 102 ? low - 87 : -1;
        if (lowValue < 0 || (high !== Byte.Zero && high !== 49)) return false;
        const code = (high === 49 ? 16 : 0) + lowValue;
        if (code === 8 || code === 9 || code === 10 || code === 12 || code === 13) return false;
        i += 6;
      }
      if (i >= end || c !== Byte.Quote) return false;
      i += 1;
      expect = Expect.AfterValue;
      continue;
    }
    if (c === Byte.OpenBrace || c === Byte.OpenBracket) {
      if (depth === MAX_DEPTH) return false; // deeper than any event: the full check decides
      const top = depth * 3;
      const isObject = c === Byte.OpenBrace;
      containers[top] = isObject ? 1 : 2;
      containers[top + 1] = -1;
      depth += 1;
      i += 1;
      if (b[i] === (isObject ? Byte.CloseBrace : Byte.CloseBracket)) {
        i += 1;
        depth -= 1;
        expect = Expect.AfterValue;
      } else expect = isObject ? Expect.Key : Expect.Value;
      // A container as a field's value is not the field's text: the column check fails it.
      continue;
    }
    if (c === Byte.LowerT || c === Byte.LowerF || c === Byte.LowerN) {
      const word = c === Byte.LowerT ? 'true' : c === Byte.LowerF ? 'false' : 'null';
      if (!bytesAre(b, i, word)) return false;
      i += word.length;
      expect = Expect.AfterValue;
      continue;
    }
    // A number. Integers are settled here; a fraction or an exponent is left to the full check.
    const start = i;
    while (i < end) {
      c = b[i]!;
      if (
        (c >= Byte.Zero && c <= Byte.Nine) ||
        c === Byte.Minus ||
        c === Byte.Plus ||
        c === Byte.Dot ||
        c === Byte.LowerE ||
        c === Byte.UpperE
      )
        i += 1;
      else break;
    }
    if (!isPlainInteger(b, start, i)) return false;
    expect = Expect.AfterValue;
  }
}

/** True when the column holds what the bytes hold at the field: a JSON string compared as text. */
function same(b: Uint8Array, column: unknown, field: Field): boolean {
  if (column === undefined) return true;
  const start = fieldStart[field]!;
  // An escaped value is left to the full check, as is a column that is not a string.
  if (start < 0 || typeof column !== 'string' || fieldPlain[field] !== 1) return false;
  if (fieldEnd[field]! - start !== column.length + 2 || b[start] !== Byte.Quote) return false;
  for (let k = 0; k < column.length; k += 1) if (b[start + 1 + k] !== column.charCodeAt(k)) return false;
  return true;
}

/** True when the bytes of the index field are the decimal digits of `index`. */
function sameIndex(b: Uint8Array, index: number): boolean {
  const start = fieldStart[Field.Index]!;
  if (start < 0) return false;
  let value = 0;
  for (let k = start; k < fieldEnd[Field.Index]!; k += 1) {
    const c = b[k]!;
    if (c < Byte.Zero || c > Byte.Nine) return false;
    value = value * 10 + (c - Byte.Zero);
  }
  return value === index;
}

/**
 * True when the entry's text is certainly canonical JSON of `{ event: {...}, index }` with the
 * entry's index and every column present equal to the event's fields. False means "not certain":
 * run `checkStoredEntry` (which decides and names any problem). The leaf hash is not checked here.
 * `leafInput` is the entry's leaf input (`entryLeafInput(entry.text)`: 0x00, then the text's
 * UTF-8), when the caller has it from hashing the entry.
 */
export function scanAccepts(entry: StoredEntry, leafInput: Uint8Array = entryLeafInput(entry.text)): boolean {
  const b = leafInput;
  if (b[0] !== 0 || b[1] !== Byte.OpenBrace || !scanBytes(b, 1, b.length)) return false;
  if (!sameIndex(b, entry.index) || fieldStart[Field.EventId]! < 0) return false;
  if (!same(b, entry.eventId, Field.EventId)) return false;
  if (!same(b, entry.eventType, Field.Type)) return false;
  if (!same(b, entry.eventTime, Field.EventTime)) return false;
  if (!same(b, entry.recordTime, Field.RecordTime)) return false;
  if (entry.bizStep !== undefined) {
    if (entry.bizStep === null ? fieldStart[Field.BizStep]! >= 0 : !same(b, entry.bizStep, Field.BizStep))
      return false;
  }
  if (entry.declaresError !== undefined && entry.declaresError !== errorDeclaration) return false;
  return true;
}
