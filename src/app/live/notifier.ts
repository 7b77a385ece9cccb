import type { Store } from '../../store/database.ts';
import type { LiveEvent } from './events.ts';

type Listener = (event: LiveEvent) => void;

/**
 * News of the plant inside one process: use cases publish what they committed, the server's stream
 * subscribes. Nothing is kept: a listener hears only what is published while it listens (the records
 * remain the truth; a screen reads them first, then follows the news).
 */
export class LiveNotifier {
  readonly #listeners = new Set<Listener>();

  /** Tells every listener; a listener that throws does not stop the others or the publisher. */
  publish(event: LiveEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A broken screen must never fail the use case that published.
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listening(): number {
    return this.#listeners.size;
  }
}

const byStore = new WeakMap<Store, LiveNotifier>();

/**
 * The notifier of one set of records: the server and the twin (or MQTT ingest) in the same process
 * share the store object, so they share its news; two stores in one process (tests) never mix.
 *
 * @example
 * const stop = plantNews(store).subscribe((e) => console.log(e.type));
 */
export function plantNews(store: Store): LiveNotifier {
  let notifier = byStore.get(store);
  if (notifier === undefined) {
    notifier = new LiveNotifier();
    byStore.set(store, notifier);
  }
  return notifier;
}
