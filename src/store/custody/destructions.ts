import type { Executor } from '../database.ts';

/** A crate destroyed whole, with why and who. */
export interface DestroyedCrateRecord {
  readonly crateId: string;
  readonly lotId: string;
  readonly rounds: number;
  readonly reason: string;
  readonly destroyedAt: string;
  readonly actor: string;
  readonly approver: string | null;
}

/**
 * Crates destroyed whole: no longer stock (the stock reads leave them out), their rows in
 * `crates` kept for trace.
 *
 * @example
 * const gone = await destructionRepository(store).destroyedOf(['crate-1']); // Set { 'crate-1' }
 */
export function destructionRepository(ex: Executor) {
  const { db } = ex;
  return {
    async insert(rows: readonly DestroyedCrateRecord[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('destroyed_crates')
          .values(
            rows.slice(i, i + 500).map((r) => ({
              crate_id: r.crateId,
              lot_id: r.lotId,
              rounds: r.rounds,
              reason: r.reason,
              destroyed_at: r.destroyedAt,
              actor: r.actor,
              approver: r.approver,
            })),
          )
          .execute();
      }
    },
    /** Takes crates off their pallet (a crate destroyed alone leaves its pallet). */
    async detachFromPallet(crateIds: readonly string[]): Promise<void> {
      if (crateIds.length === 0) return;
      await db.updateTable('crates').set({ pallet_id: null }).where('id', 'in', crateIds).execute();
    },
    /** Which of these crates were destroyed. */
    async destroyedOf(crateIds: readonly string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (let i = 0; i < crateIds.length; i += 500) {
        const rows = await db
          .selectFrom('destroyed_crates')
          .select('crate_id')
          .where('crate_id', 'in', crateIds.slice(i, i + 500))
          .execute();
        for (const r of rows) out.add(r.crate_id);
      }
      return out;
    },
  };
}
