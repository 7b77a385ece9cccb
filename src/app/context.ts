import type { Clock, IdGenerator } from '../domain/clock.ts';
import type { Store } from '../store/database.ts';

/**
 * What every use case runs with: the records, the plant's clock (read from the records: see
 * `plantClock`) and an id generator. The CLI and the HTTP server build one per command or
 * request; tests build one with a ManualClock and SequentialIds.
 *
 * @example
 * const app: AppContext = { store, clock: await plantClock(store), ids: randomIds };
 */
export interface AppContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}
