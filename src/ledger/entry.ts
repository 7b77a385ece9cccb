/**
 * A ledger entry: one custody event at its place in the log. The Merkle leaf is the canonical
 * JSON of `{ "event": ..., "index": n }`: the index is inside the hashed bytes, so an event moved
 * to another place in the log is caught by itself, not only through the tree.
 *
 * `StoredEntry` is what storage keeps per event: the canonical text (the leaf data), the leaf
 * hash, and copies of a few fields as columns for queries. Every column is checked against the
 * text by `checkStoredEntry`, so a changed column is caught as surely as a changed byte.
 *
 * @example
 * const stored = toStoredEntry(0, { ...event, recordTime: '2026-11-22T06:00:00.000Z' });
 * checkStoredEntry(stored, 0); // undefined: nothing wrong
 */
import { canonicalJson, isCanonicalText } from './canonical.ts';
import type { CustodyEvent } from './event.ts';
import { hash as digest } from 'node:crypto';
import { sameHash, type Hash } from './merkle/hash.ts';
import { scanAccepts } from './entry-scan.ts';

/** What storage keeps for one event. Optional columns are checked when present. */
export interface StoredEntry {
  /** Position in the log, from 0. */
  readonly index: number;
  readonly eventId: string;
  /** Canonical JSON of `{ event, index }`: the Merkle leaf data. */
  readonly text: string;
  readonly leafHash: Uint8Array;
  readonly eventType?: string;
  readonly eventTime?: string;
  readonly recordTime?: string;
  readonly bizStep?: string | null;
  /** True for an error declaration (which repeats the eventID of the event it corrects). */
  readonly declaresError?: boolean;
}

/** What is wrong with one entry, or with the log at one place. */
export interface LedgerProblem {
  readonly kind: 'altered' | 'missing' | 'reordered' | 'malformed' | 'truncated' | 'extra' | 'root_mismatch';
  /** The first index at which the log is wrong. */
  readonly index: number;
  readonly eventID?: string;
  readonly what: string;
}

const encoder = new TextEncoder();

/** The canonical text of an entry (the leaf data, as a string). */
export function entryText(index: number, event: CustodyEvent): string {
  return canonicalJson({ event, index });
}

// A reused buffer for leaf input (0x00 prefix, then the UTF-8 text): one encode, one digest.
let leafInput = Buffer.alloc(4096);
let leafText = leafInput.subarray(1);

/**
 * The leaf input of an entry's text: 0x00, then the text's UTF-8 bytes. A view of a buffer that
 * the next call reuses (no allocation per entry): hash it or scan it before the next entry.
 */
export function entryLeafInput(text: string): Buffer {
  if (text.length * 3 + 1 > leafInput.length) {
    leafInput = Buffer.alloc(text.length * 3 + 1);
    leafText = leafInput.subarray(1);
  }
  leafInput[0] = 0;
  const written = encoder.encodeInto(text, leafText).written;
  return leafInput.subarray(0, 1 + written);
}

/** SHA-256 of a leaf input (see `entryLeafInput`): the Merkle leaf hash. */
export function hashLeafInput(input: Uint8Array): Hash {
  return digest('sha256', input, 'buffer');
}

/** The Merkle leaf hash of an entry's canonical text: SHA-256(0x00 || UTF-8 text). */
export function entryLeafHash(text: string): Hash {
  return hashLeafInput(entryLeafInput(text));
}

/** The stored form of an event appended at `index` (its recordTime already set). */
export function toStoredEntry(index: number, event: CustodyEvent): StoredEntry {
  const text = entryText(index, event);
  return {
    index,
    eventId: event.eventID,
    text,
    leafHash: entryLeafHash(text),
    eventType: event.type,
    eventTime: event.eventTime,
    ...(event.recordTime === undefined ? {} : { recordTime: event.recordTime }),
    bizStep: event.bizStep ?? null,
    declaresError: event.errorDeclaration !== undefined,
  };
}

/** The event inside a stored entry's text (trusting the text: call `checkStoredEntry` first). */
export function eventOfEntry(entry: Pick<StoredEntry, 'text'>): CustodyEvent {
  return (JSON.parse(entry.text) as { event: CustodyEvent }).event;
}

/**
 * Checks one stored entry on its own: canonical text, the index inside it, every column against
 * the event, and the leaf hash. Returns the first problem, or undefined.
 */
export function checkStoredEntry(
  entry: StoredEntry,
  leafHash: Hash = entryLeafHash(entry.text),
): LedgerProblem | undefined {
  const at = { index: entry.index, eventID: entry.eventId };
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry.text);
  } catch {
    return { kind: 'malformed', ...at, what: 'stored text is not JSON' };
  }
  const body = parsed as { event?: Partial<CustodyEvent>; index?: unknown };
  if (typeof body !== 'object' || body === null || typeof body.event !== 'object' || body.event === null) {
    return { kind: 'malformed', ...at, what: 'stored text holds no event' };
  }
  if (!isCanonicalText(entry.text, parsed)) {
    return { kind: 'altered', ...at, what: 'stored text is not in canonical form' };
  }
  if (body.index !== entry.index) {
    return {
      kind: 'reordered',
      ...at,
      what: `stored at index ${entry.index} but its bytes say index ${String(body.index)}`,
    };
  }
  const event = body.event;
  const columns: [string, unknown, unknown][] = [
    ['eventId', entry.eventId, event.eventID],
    ['eventType', entry.eventType, event.type],
    ['eventTime', entry.eventTime, event.eventTime],
    ['recordTime', entry.recordTime, event.recordTime],
    ['bizStep', entry.bizStep, event.bizStep ?? null],
    ['declaresError', entry.declaresError, event.errorDeclaration !== undefined],
  ];
  for (const [name, column, inBytes] of columns) {
    if (column !== undefined && column !== inBytes) {
      return {
        kind: 'altered',
        ...at,
        what: `column ${name} is ${JSON.stringify(column)} but the event says ${JSON.stringify(inBytes)}`,
      };
    }
  }
  if (!sameHash(leafHash, entry.leafHash)) {
    return { kind: 'altered', ...at, what: 'stored leaf hash does not match the stored bytes' };
  }
  return undefined;
}

/**
 * How deep each entry is checked. `full`: parse the text, check canonical form, the index inside
 * it and every column (what `checkStoredEntry` does). `hashes`: only what needs no parsing: the
 * leaf hash, the index at the text's end and the eventID in it; the tree and the checkpoints then
 * prove the bytes, but columns other than the eventID go unchecked. About 4x cheaper per entry.
 */
export type CheckDepth = 'full' | 'hashes';

/** The `hashes`-depth check of one stored entry (see `CheckDepth`). */
export function checkStoredEntryHashes(entry: StoredEntry, leafHash: Hash): LedgerProblem | undefined {
  const at = { index: entry.index, eventID: entry.eventId };
  // Canonical JSON puts "index" last ("event" < "index"), so the text ends with it.
  if (!entry.text.endsWith(`,"index":${entry.index}}`)) {
    return {
      kind: 'reordered',
      ...at,
      what: `stored at index ${entry.index} but its bytes do not end with that index`,
    };
  }
  if (!entry.text.includes(`"eventID":${JSON.stringify(entry.eventId)}`)) {
    return {
      kind: 'altered',
      ...at,
      what: 'column eventId does not appear as the eventID in the stored bytes',
    };
  }
  if (!sameHash(leafHash, entry.leafHash)) {
    return { kind: 'altered', ...at, what: 'stored leaf hash does not match the stored bytes' };
  }
  return undefined;
}

/**
 * The check of one stored entry at the given depth. `leafInput` is the entry's leaf input
 * (`entryLeafInput(entry.text)`) when the caller has just hashed it: the scan reads those bytes.
 */
export function checkEntryAt(
  depth: CheckDepth,
  entry: StoredEntry,
  leafHash: Hash,
  leafInput?: Uint8Array,
): LedgerProblem | undefined {
  if (depth === 'hashes') return checkStoredEntryHashes(entry, leafHash);
  // The one-pass scan accepts the usual entry; anything it is not sure of gets the full check,
  // which decides and names the problem. It reads the bytes just hashed, when given.
  if (sameHash(leafHash, entry.leafHash) && scanAccepts(entry, leafInput)) return undefined;
  return checkStoredEntry(entry, leafHash);
}
