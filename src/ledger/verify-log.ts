/**
 * Verification of a whole stored log: every entry checked on its own (canonical bytes, index,
 * columns, leaf hash), the sequence checked for gaps and moves, the tree rebuilt from the
 * recomputed leaf hashes and compared with every signed checkpoint and with the stored tree head.
 * The answer names the FIRST place where the log is wrong: index, eventID, and what is wrong.
 *
 * What each anchor can prove: a stored leaf hash or a column can be rewritten along with the
 * bytes, so the rows alone catch only careless changes; the signed checkpoints (kept by
 * witnesses) catch any change, and localise it to the events after the last checkpoint that
 * still matches.
 *
 * @example
 * const result = await verifyLog(store.entries(), { checkpoints, treeHead });
 * if (!result.ok) console.error(result.problem); // { kind: 'altered', index: 41, eventID, what }
 */
import type { Checkpoint } from './checkpoint/checkpoint.ts';
import {
  checkEntryAt,
  entryLeafInput,
  hashLeafInput,
  type CheckDepth,
  type LedgerProblem,
  type StoredEntry,
} from './entry.ts';
import { Frontier } from './merkle/frontier.ts';
import { sameHash, toBase64, type Hash } from './merkle/hash.ts';

/** What the log is compared against. */
export interface LogAnchors {
  /** Checkpoints whose signatures were already checked (`openCheckpoint`), any order. */
  readonly checkpoints?: readonly Checkpoint[];
  /** The stored tree head: the size and root the store says it has. */
  readonly treeHead?: { readonly size: number; readonly rootHash: Hash };
  /** How deep each entry is checked (default `full`; see `CheckDepth`). */
  readonly depth?: CheckDepth;
  /**
   * Where the entries start: the tree of the entries before them, already proved (for a
   * verification from the last checkpoint). Default: the empty tree, entries from index 0.
   */
  readonly start?: Frontier;
}

export interface LogVerification {
  readonly ok: boolean;
  /** Entries read. */
  readonly size: number;
  /** Root of the entries read (base64). */
  readonly rootHash: string;
  /** Checkpoints the log was compared with and matched. */
  readonly checkpointsMatched: number;
  readonly problem?: LedgerProblem;
}

/**
 * The running state of a verification: the rebuilt tree and the checkpoints still to meet.
 * Shared by the single-threaded and the parallel verifier.
 */
export class LogChecker {
  readonly frontier: Frontier;
  private readonly checkpoints: Checkpoint[];
  private next = 0;
  private matched = 0;
  private lastGood: number; // size of the largest checkpoint matched so far

  constructor(private readonly anchors: LogAnchors) {
    this.frontier = anchors.start?.clone() ?? Frontier.empty();
    this.lastGood = this.frontier.size;
    // Checkpoints inside the proved start were settled by whoever proved it.
    this.checkpoints = [...(anchors.checkpoints ?? [])]
      .filter((cp) => cp.size >= this.frontier.size)
      .sort((a, b) => a.size - b.size);
  }

  result(problem?: LedgerProblem): LogVerification {
    return {
      ok: problem === undefined,
      size: this.frontier.size,
      rootHash: toBase64(this.frontier.root()),
      checkpointsMatched: this.matched,
      ...(problem === undefined ? {} : { problem }),
    };
  }

  /** The size of the next checkpoint still to compare, if any. */
  nextCheckpointSize(): number | undefined {
    return this.checkpoints[this.next]?.size;
  }

  /** Compares the tree with every checkpoint of its current size. */
  compareCheckpoints(): LedgerProblem | undefined {
    for (
      let cp = this.checkpoints[this.next];
      cp?.size === this.frontier.size;
      cp = this.checkpoints[this.next]
    ) {
      this.next += 1;
      if (!sameHash(this.frontier.root(), cp.rootHash)) {
        return {
          kind: 'root_mismatch',
          index: this.lastGood,
          what:
            `the first ${cp.size} events do not hash to the root signed in the checkpoint of size ${cp.size}: ` +
            `an event at index ${this.lastGood}..${cp.size - 1} was altered, removed, inserted or moved`,
        };
      }
      this.matched += 1;
      this.lastGood = cp.size;
    }
    return undefined;
  }

  /** Adds one checked leaf. */
  addLeaf(leaf: Hash): LedgerProblem | undefined {
    this.frontier.append(leaf);
    return this.compareCheckpoints();
  }

  /** Adds a whole perfect subtree of checked leaves (no checkpoint may fall inside it). */
  addSubtree(level: number, hash: Hash): LedgerProblem | undefined {
    this.frontier.appendSubtree(level, hash);
    return this.compareCheckpoints();
  }

  /** After the last entry: checkpoints beyond the log, and the stored tree head. */
  finish(): LedgerProblem | undefined {
    const size = this.frontier.size;
    const beyond = this.checkpoints[this.next];
    if (beyond !== undefined) {
      return {
        kind: 'truncated',
        index: size,
        what: `a checkpoint signs ${beyond.size} events but only ${size} are stored: events from index ${size} are missing`,
      };
    }
    const head = this.anchors.treeHead;
    if (head === undefined) return undefined;
    if (head.size > size) {
      return {
        kind: 'truncated',
        index: size,
        what: `the tree head records ${head.size} events but only ${size} are stored`,
      };
    }
    if (head.size < size) {
      return {
        kind: 'extra',
        index: head.size,
        what: `${size - head.size} events are stored beyond the tree head of size ${head.size}`,
      };
    }
    if (!sameHash(head.rootHash, this.frontier.root())) {
      return {
        kind: 'root_mismatch',
        index: this.lastGood,
        what: `the events do not hash to the stored tree head: an event from index ${this.lastGood} on was changed`,
      };
    }
    return undefined;
  }
}

/**
 * Checks that `entry` sits where it should (`position`): undefined at once when it does (no
 * promise, so a loop over a source that answers synchronously pays no microtask per entry);
 * when not, looks ahead a while to tell a missing event from a moved one, so that the report
 * says what happened.
 */
export function checkSequence(
  entry: StoredEntry,
  position: number,
  iterator: AsyncIterator<StoredEntry> | Iterator<StoredEntry>,
): Promise<LedgerProblem> | undefined {
  return entry.index === position ? undefined : outOfSequence(entry, position, iterator);
}

async function outOfSequence(
  entry: StoredEntry,
  position: number,
  iterator: AsyncIterator<StoredEntry> | Iterator<StoredEntry>,
): Promise<LedgerProblem> {
  const movedLater = entry.index > position && (await seenAhead(iterator, position));
  const kind = entry.index < position || movedLater ? 'reordered' : 'missing';
  return {
    kind,
    index: position,
    eventID: entry.eventId,
    what:
      kind === 'missing'
        ? `event at index ${position} is missing: the next stored event has index ${entry.index}`
        : `event with index ${entry.index} found where index ${position} belongs: events out of order`,
  };
}

/** Verifies the stored entries, read in index order, against the anchors (one thread). */
export async function verifyLog(
  entries: AsyncIterable<StoredEntry> | Iterable<StoredEntry>,
  anchors: LogAnchors = {},
): Promise<LogVerification> {
  const checker = new LogChecker(anchors);
  const early = checker.compareCheckpoints();
  if (early !== undefined) return checker.result(early);
  const iterator = iteratorOf(entries);
  for (;;) {
    // Awaiting only a promise: a source that answers at once costs no microtask per entry.
    const next = iterator.next();
    const item = next instanceof Promise ? await next : next;
    if (item.done === true) break;
    const entry = item.value;
    const input = entryLeafInput(entry.text);
    const leaf = hashLeafInput(input);
    const outOfPlace = checkSequence(entry, checker.frontier.size, iterator);
    const problem =
      (outOfPlace === undefined ? undefined : await outOfPlace) ??
      checkEntryAt(anchors.depth ?? 'full', entry, leaf, input) ??
      checker.addLeaf(leaf);
    if (problem !== undefined) return checker.result(problem);
  }
  return checker.result(checker.finish());
}

const LOOK_AHEAD = 4096;

export function iteratorOf<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}

async function seenAhead(
  iterator: AsyncIterator<StoredEntry> | Iterator<StoredEntry>,
  index: number,
): Promise<boolean> {
  for (let i = 0; i < LOOK_AHEAD; i += 1) {
    const item = await iterator.next();
    if (item.done === true) return false;
    if (item.value.index === index) return true;
  }
  return false;
}
