import type { CommissioningFiles } from '../app/commissioning/files.ts';
import type { AppContext } from '../app/context.ts';
import type { Clock, IdGenerator } from '../domain/clock.ts';
import type { Store } from '../store/database.ts';
import type { CredentialCache } from './auth/cache.ts';
import type { ApiMetrics } from './metrics.ts';
import type { SimulationJobs } from './simulations/jobs.ts';
import type { StreamHub } from './routes/stream/hub.ts';

/**
 * What route handlers work with: the records, the server's metrics and its background jobs. Handlers
 * pass the use-case context and the signed-in user to a use case in src/app and return its result.
 *
 * @example
 * handle: async ({ services, user, params }) => getLot(await services.app(), user, params.id)
 */
export interface ApiServices {
  readonly store: Store;
  readonly metrics: ApiMetrics;
  /** Wall-clock time for what the server itself keeps (sessions, tokens, jobs). */
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly simulations: SimulationJobs;
  /** Tokens and sessions recently checked: forget one when it is revoked or ended. */
  readonly credentials: CredentialCache;
  /** The live stream's fan-out (server-sent events). */
  readonly stream: StreamHub;
  /** The ledger's signing key file (for checkpoints). */
  readonly ledgerKeyFile: string;
  /** Where acceptance acts and signatories' keys are kept beside the records. */
  readonly commissioning: CommissioningFiles;
  /** The use cases' context: the records, the plant's clock as the records say it is now, and ids. */
  app(): Promise<AppContext>;
}
