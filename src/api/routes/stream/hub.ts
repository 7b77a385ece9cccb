import type { Writable } from 'node:stream';
import type { Role } from '../../../app/auth/roles.ts';
import type { LiveEvent } from '../../../app/live/events.ts';
import { ledgerNewsSince } from '../../../app/live/ledger-news.ts';
import { plantNews } from '../../../app/live/notifier.ts';
import type { Clock } from '../../../domain/clock.ts';
import type { Store } from '../../../store/database.ts';

export interface StreamHubOptions {
  readonly store: Store;
  /** The plant's clock, for the heartbeat's `now` (read per beat). */
  readonly plantClock: () => Promise<Clock>;
  /** How often the ledger is looked at while anyone listens (default 1 s). */
  readonly ledgerEveryMs?: number;
  /** How often a heartbeat goes out (default 15 s). */
  readonly heartbeatEveryMs?: number;
  readonly onError?: (error: unknown) => void;
}

interface Client {
  readonly role: Role;
  readonly out: Writable;
}

/**
 * Whether a client of this role hears the event. The plant's staff and the auditor hear everything
 * they could read through the API anyway (line data, lots, ledger). A consignee reads none of those
 * through the API, so it hears only the lines' PackML states (plant-wide, nothing about any other
 * consignee's goods) and the heartbeat.
 *
 * @example
 * hears('consignee', { type: 'lot', … }); // false
 */
export function hears(role: Role, event: LiveEvent): boolean {
  if (role !== 'consignee') return true;
  return event.type === 'line-state' || event.type === 'heartbeat';
}

/** One event in the SSE wire format: `event:` name, one JSON `data:` line, blank line. */
export function sseFrame(event: LiveEvent): string {
  const { type, ...data } = event;
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The server's live stream: fans the plant's news out to every connected screen. Line states and
 * counts come from the in-process notifier (published by the ingest after commit); lots and the
 * ledger head from the ledger itself, looked at once a second while anyone listens, so acts by any
 * process (the twin's people, the command line) are heard too. With nobody listening it does nothing.
 */
export class StreamHub {
  readonly #options: StreamHubOptions;
  readonly #clients = new Set<Client>();
  #unsubscribe: (() => void) | undefined;
  #ledgerTimer: NodeJS.Timeout | undefined;
  #heartbeatTimer: NodeJS.Timeout | undefined;
  #seenSize: number | undefined;
  #looking = false;
  #closed = false;

  constructor(options: StreamHubOptions) {
    this.#options = options;
  }

  get clients(): number {
    return this.#clients.size;
  }

  /** Adds a screen: it gets a heartbeat and the ledger head at once, then the news. */
  add(role: Role, out: Writable): () => void {
    if (this.#closed) {
      out.end();
      return () => undefined;
    }
    const client: Client = { role, out };
    this.#clients.add(client);
    out.write(': headstamp live stream\nretry: 3000\n\n');
    if (this.#clients.size === 1) this.#start();
    void this.#heartbeat([client]);
    if (this.#seenSize !== undefined) void this.#sendHead([client]);
    const remove = () => {
      if (!this.#clients.delete(client)) return;
      if (this.#clients.size === 0) this.#stop();
    };
    out.on('close', remove);
    out.on('error', remove);
    return remove;
  }

  /** Ends every stream (the server is shutting down) and refuses new ones. */
  close(): void {
    this.#closed = true;
    for (const client of this.#clients) client.out.end();
    this.#clients.clear();
    this.#stop();
  }

  #send(event: LiveEvent, to: Iterable<Client> = this.#clients): void {
    const frame = sseFrame(event);
    for (const client of to) if (hears(client.role, event)) client.out.write(frame);
  }

  #start(): void {
    this.#unsubscribe = plantNews(this.#options.store).subscribe((event) => this.#send(event));
    this.#ledgerTimer = setInterval(() => void this.#lookAtLedger(), this.#options.ledgerEveryMs ?? 1000);
    this.#heartbeatTimer = setInterval(
      () => void this.#heartbeat(),
      this.#options.heartbeatEveryMs ?? 15_000,
    );
    this.#ledgerTimer.unref();
    this.#heartbeatTimer.unref();
    void this.#lookAtLedger();
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearInterval(this.#ledgerTimer);
    clearInterval(this.#heartbeatTimer);
    this.#seenSize = undefined;
  }

  async #heartbeat(to?: Iterable<Client>): Promise<void> {
    try {
      const clock = await this.#options.plantClock();
      this.#send({ type: 'heartbeat', now: clock.now().toISOString() }, to);
    } catch (error) {
      this.#options.onError?.(error);
    }
  }

  async #sendHead(to: Iterable<Client>): Promise<void> {
    try {
      const { head } = await ledgerNewsSince(this.#options.store, undefined);
      this.#send(head, to);
    } catch (error) {
      this.#options.onError?.(error);
    }
  }

  async #lookAtLedger(): Promise<void> {
    if (this.#looking || this.#clients.size === 0) return;
    this.#looking = true;
    try {
      const first = this.#seenSize === undefined;
      const news = await ledgerNewsSince(this.#options.store, this.#seenSize);
      if (this.#clients.size === 0) return;
      for (const lot of news.lots) this.#send(lot);
      if (first || news.head.size !== this.#seenSize) this.#send(news.head);
      this.#seenSize = news.head.size;
    } catch (error) {
      this.#options.onError?.(error);
    } finally {
      this.#looking = false;
    }
  }
}
