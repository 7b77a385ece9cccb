/**
 * Answers of read routes kept while the records stay as they were. A dashboard polls the same few
 * lists many times a second across its users; reading and serialising the same rows each time is
 * what bounds a list route, so the serialised answer is kept and handed out again until any write
 * changes the records.
 *
 * Exactness rests on the records' version (`recordsVersion`): it changes with every row this
 * process writes and every commit of another connection, and is absent while a transaction is
 * open on the connection or where no cheap version exists (PostgreSQL), in which case nothing is
 * kept. An answer is kept only if the version was the same before and after it was read, so a
 * write that landed in between never leaves a stale answer behind. Only routes that declare their
 * answer a function of the records, the user and the URL alone take part (not the clock, not live
 * state).
 *
 * @example
 * const cache = new ReadCache(() => recordsVersion(store));
 * const version = cache.version();
 * const hit = cache.get(version, key);
 * if (hit === undefined) cache.set(version, key, Buffer.from(JSON.stringify(await read())));
 */
export class ReadCache {
  readonly #versionOf: () => string | undefined;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  #version: string | undefined;
  #entries = new Map<string, Buffer>();
  #bytes = 0;
  #hits = 0;
  #misses = 0;

  constructor(
    versionOf: () => string | undefined,
    limits: { readonly maxEntries?: number; readonly maxBytes?: number } = {},
  ) {
    this.#versionOf = versionOf;
    this.#maxEntries = limits.maxEntries ?? 2000;
    this.#maxBytes = limits.maxBytes ?? 64 * 1024 * 1024;
  }

  /** The records' version now; undefined when answers read now must not be kept. */
  version(): string | undefined {
    return this.#versionOf();
  }

  /** The kept answer for `key` if the records are still at `version`. */
  get(version: string | undefined, key: string): Buffer | undefined {
    if (version === undefined) return undefined;
    if (version !== this.#version) {
      this.#forget(version);
      this.#misses++;
      return undefined;
    }
    const hit = this.#entries.get(key);
    if (hit === undefined) this.#misses++;
    else this.#hits++;
    return hit;
  }

  /**
   * Keeps `answer`, read when the records were at `version`, if they still are (a write while it
   * was read could have changed what it should say).
   */
  set(version: string | undefined, key: string, answer: Buffer): void {
    if (version === undefined || answer.length > this.#maxBytes / 8) return;
    if (this.#versionOf() !== version) return;
    if (version !== this.#version) this.#forget(version);
    const old = this.#entries.get(key);
    if (old !== undefined) {
      this.#bytes -= old.length;
      this.#entries.delete(key);
    }
    this.#entries.set(key, answer);
    this.#bytes += answer.length;
    // Oldest first out: a Map iterates in insertion order.
    for (const [k, v] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= v.length;
    }
  }

  /** Answers kept now, and how many lookups found or missed one since the start. */
  stats(): {
    readonly entries: number;
    readonly bytes: number;
    readonly hits: number;
    readonly misses: number;
  } {
    return { entries: this.#entries.size, bytes: this.#bytes, hits: this.#hits, misses: this.#misses };
  }

  #forget(version: string): void {
    this.#version = version;
    this.#entries = new Map();
    this.#bytes = 0;
  }
}
