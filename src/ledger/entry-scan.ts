/**
 * A one-pass scan of a stored entry's text that ACCEPTS it when it is certainly canonical JSON
 * whose index and event fields match the entry's columns: what `checkStoredEntry` checks with
 * `JSON.parse`, a re-serialisation and a walk of every object, at a fraction of the cost (the
 * whole verification of a large log is mostly this check and SHA-256).
 *
 * The scan only ever accepts. Whenever it is not certain (the text is not JSON, a string holds an
 * escape other than those JSON.stringify writes, a surrogate, a key with an escape, anything
 * unusual) it answers false, and the caller runs `checkStoredEntry`, which decides and names the
 * problem. So an entry the scan accepts is one `checkStoredEntry` accepts (property-tested), and
 * every problem is still named by the one full check.
 *
 * @example
 * if (!scanAccepts(entry)) return checkStoredEntry(entry, leafHash);
 */
import type { StoredEntry } from './entry.ts';

let text = '';
let at = 0;

// Fields of the event the columns are checked against: [start, end) of their JSON value.
let eventId = -1;
let eventIdEnd = -1;
let eventType = -1;
let eventTypeEnd = -1;
let eventTime = -1;
let eventTimeEnd = -1;
let recordTime = -1;
let recordTimeEnd = -1;
let bizStep = -1;
let bizStepEnd = -1;
let eventIdPlain = false;
let eventTypePlain = false;
let eventTimePlain = false;
let recordTimePlain = false;
let bizStepPlain = false;
let errorDeclaration = false;
let eventSeen = false;
let indexStart = -1;
let indexEnd = -1;

let escaped = false; // whether the last string scanned held an escape

const QUOTE = 34;
const BACKSLASH = 92;

/** Scans a string from the opening quote; false when not certainly canonical. */
function stringAt(isKey: boolean): boolean {
  at += 1;
  const end = text.length;
  for (;;) {
    let c = 0;
    // The plain run, character by character in locals (a module variable written per character
    // would stay in memory, not in a register).
    const s = text;
    let i = at;
    while (i < end) {
      c = s.charCodeAt(i);
      if (c === QUOTE || c === BACKSLASH || c < 0x20 || (c >= 0xd800 && c <= 0xdfff)) break;
      i += 1;
    }
    at = i;
    if (at >= end) return false;
    if (c === QUOTE) {
      at += 1;
      return true;
    }
    if (c !== BACKSLASH) return false;
    if (isKey) return false;
    escaped = true;
    const n = text.charCodeAt(at + 1);
    // The short escapes JSON.stringify writes: \" \\ \b \f \n \r \t.
    if (n === QUOTE || n === BACKSLASH || n === 98 || n === 102 || n === 110 || n === 114 || n === 116) {
      at += 2;
      continue;
    }
    // \u00xx for the other control characters, lowercase hex, as JSON.stringify writes them.
    if (n === 117 && text.startsWith('00', at + 2)) {
      const hex = text.slice(at + 4, at + 6);
      if (!/^[0-9a-f]{2}$/.test(hex)) return false;
      const code = parseInt(hex, 16);
      if (code >= 0x20 || code === 8 || code === 9 || code === 10 || code === 12 || code === 13) return false;
      at += 6;
      continue;
    }
    return false;
  }
}

function numberAt(): boolean {
  const start = at;
  const s = text;
  let i = at;
  for (;;) {
    const c = s.charCodeAt(i);
    // 0-9 - + . e E
    if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69) i += 1;
    else break;
  }
  at = i;
  const token = s.slice(start, at);
  // ECMAScript's number-to-string is JCS's number form: the text must be exactly that.
  return token.length > 0 && String(Number(token)) === token;
}

/** Scans any value; `depth` 1 is the entry object, 2 the event object. */
function valueAt(depth: number, role: number): boolean {
  const c = text.charCodeAt(at);
  if (c === QUOTE) {
    escaped = false;
    return stringAt(false);
  }
  if (c === 123) return objectAt(depth + 1, role);
  if (c === 91) {
    at += 1;
    if (text.charCodeAt(at) === 93) {
      at += 1;
      return true;
    }
    for (;;) {
      if (!valueAt(depth + 1, 0)) return false;
      const d = text.charCodeAt(at);
      at += 1;
      if (d === 93) return true;
      if (d !== 44) return false;
    }
  }
  if (c === 116) return literal('true');
  if (c === 102) return literal('false');
  if (c === 110) return literal('null');
  return numberAt();
}

function literal(word: string): boolean {
  if (!text.startsWith(word, at)) return false;
  at += word.length;
  return true;
}

// role: 1 = the entry object (depth 1), 2 = its "event" member; 0 = anything else.
function objectAt(depth: number, role: number): boolean {
  at += 1;
  if (text.charCodeAt(at) === 125) {
    at += 1;
    return true;
  }
  let previousStart = -1;
  let previousEnd = -1;
  for (;;) {
    if (text.charCodeAt(at) !== QUOTE) return false;
    const keyStart = at + 1;
    if (!stringAt(true)) return false;
    const keyEnd = at - 1;
    // Keys strictly increasing by UTF-16 code units (no escapes in keys, so raw = decoded),
    // compared where they stand in the text.
    if (previousStart >= 0 && !before(previousStart, previousEnd, keyStart, keyEnd)) return false;
    previousStart = keyStart;
    previousEnd = keyEnd;
    const key = role === 0 ? '' : text.slice(keyStart, keyEnd);
    if (text.charCodeAt(at) !== 58) return false;
    at += 1;
    const valueStart = at;
    let childRole = 0;
    if (role === 1 && key === 'event') {
      if (text.charCodeAt(at) !== 123) return false;
      childRole = 2;
      eventSeen = true;
    }
    if (!valueAt(depth, childRole)) return false;
    if (role === 1 && key === 'index') {
      indexStart = valueStart;
      indexEnd = at;
    } else if (role === 2) {
      switch (key) {
        case 'eventID':
          eventId = valueStart;
          eventIdEnd = at;
          eventIdPlain = !escaped;
          break;
        case 'type':
          eventType = valueStart;
          eventTypeEnd = at;
          eventTypePlain = !escaped;
          break;
        case 'eventTime':
          eventTime = valueStart;
          eventTimeEnd = at;
          eventTimePlain = !escaped;
          break;
        case 'recordTime':
          recordTime = valueStart;
          recordTimeEnd = at;
          recordTimePlain = !escaped;
          break;
        case 'bizStep':
          bizStep = valueStart;
          bizStepEnd = at;
          bizStepPlain = !escaped;
          break;
        case 'errorDeclaration':
          errorDeclaration = true;
          break;
      }
    }
    const d = text.charCodeAt(at);
    at += 1;
    if (d === 125) return true;
    if (d !== 44) return false;
  }
}

/** True when text[a..aEnd) sorts strictly before text[b..bEnd) by UTF-16 code units. */
function before(a: number, aEnd: number, b: number, bEnd: number): boolean {
  const n = Math.min(aEnd - a, bEnd - b);
  for (let i = 0; i < n; i += 1) {
    const x = text.charCodeAt(a + i);
    const y = text.charCodeAt(b + i);
    if (x !== y) return x < y;
  }
  return aEnd - a < bEnd - b;
}

/** True when the column holds what the text holds at [start, end): a JSON string compared as text. */
function same(column: unknown, start: number, end: number, plain: boolean): boolean {
  if (column === undefined) return true;
  if (start < 0 || typeof column !== 'string') return false;
  // A string without escapes stands in the text as it is; one with escapes is compared written.
  if (plain) return end - start === column.length + 2 && text.startsWith(column, start + 1);
  return JSON.stringify(column) === text.slice(start, end);
}

/**
 * True when the entry's text is certainly canonical JSON of `{ event: {...}, index }` with the
 * entry's index and every column present equal to the event's fields. False means "not certain":
 * run `checkStoredEntry` (which decides and names any problem). The leaf hash is not checked here.
 */
export function scanAccepts(entry: StoredEntry): boolean {
  text = entry.text;
  at = 0;
  eventId = eventType = eventTime = recordTime = bizStep = -1;
  eventIdEnd = eventTypeEnd = eventTimeEnd = recordTimeEnd = bizStepEnd = -1;
  indexStart = indexEnd = -1;
  errorDeclaration = false;
  eventSeen = false;
  try {
    if (text.charCodeAt(0) !== 123 || !objectAt(1, 1) || at !== text.length || !eventSeen) return false;
  } catch {
    return false; // nested too deep for the stack: the full check decides
  }
  if (indexStart < 0 || text.slice(indexStart, indexEnd) !== String(entry.index)) return false;
  if (!same(entry.eventId, eventId, eventIdEnd, eventIdPlain) || eventId < 0) return false;
  if (!same(entry.eventType, eventType, eventTypeEnd, eventTypePlain)) return false;
  if (!same(entry.eventTime, eventTime, eventTimeEnd, eventTimePlain)) return false;
  if (!same(entry.recordTime, recordTime, recordTimeEnd, recordTimePlain)) return false;
  if (entry.bizStep !== undefined) {
    if (entry.bizStep === null ? bizStep >= 0 : !same(entry.bizStep, bizStep, bizStepEnd, bizStepPlain)) {
      return false;
    }
  }
  if (entry.declaresError !== undefined && entry.declaresError !== errorDeclaration) return false;
  return true;
}
