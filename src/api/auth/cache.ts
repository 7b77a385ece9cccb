import type { Principal } from '../../app/auth/principal.ts';
import type { Clock } from '../../domain/clock.ts';

/**
 * Who a token or session belongs to, remembered for a few seconds so that a busy client does not cost a
 * hash and a query per request. A credential revoked through this server is forgotten at once; one
 * revoked elsewhere (the command line) stops working within `ttlMs`.
 *
 * @example
 * const cache = new CredentialCache(systemClock);
 * cache.remember('hst_...', user);
 * cache.recall('hst_...'); // user, for 5 s
 */
export class CredentialCache {
  private readonly entries = new Map<string, { readonly user: Principal; readonly until: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 5_000,
    private readonly max = 10_000,
  ) {}

  recall(secret: string): Principal | undefined {
    const entry = this.entries.get(secret);
    if (entry === undefined) return undefined;
    if (entry.until <= this.clock.now().getTime()) {
      this.entries.delete(secret);
      return undefined;
    }
    return entry.user;
  }

  remember(secret: string, user: Principal): void {
    // Oldest first out: a Map keeps insertion order.
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(secret, { user, until: this.clock.now().getTime() + this.ttlMs });
  }

  forget(secret: string): void {
    this.entries.delete(secret);
  }

  /** Forgets everything (a token was revoked or a password changed: whose, does not matter). */
  clear(): void {
    this.entries.clear();
  }
}
