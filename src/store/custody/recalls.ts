import type { Executor } from '../database.ts';

export interface RecallRecord {
  readonly id: string;
  readonly recallNumber: string;
  readonly originKind: 'lot' | 'component-lot' | 'field-report';
  readonly originRef: string;
  readonly reason: string;
  readonly createdAt: string;
  readonly actor: string;
}

/**
 * Recalls: what started them, the lots held, and the notice to each consignee.
 *
 * @example
 * await recallRepository(tx).insert(recall, [{ lotId: 'lot-1', roundsHeld: 800 }], []);
 */
export function recallRepository(ex: Executor) {
  const { db } = ex;
  return {
    async insert(
      r: RecallRecord,
      lots: readonly { lotId: string; roundsHeld: number }[],
      notices: readonly { consigneeId: string; rounds: number; details: unknown }[],
    ): Promise<void> {
      await db
        .insertInto('recalls')
        .values({
          id: r.id,
          recall_number: r.recallNumber,
          origin_kind: r.originKind,
          origin_ref: r.originRef,
          reason: r.reason,
          created_at: r.createdAt,
          actor: r.actor,
        })
        .execute();
      for (let i = 0; i < lots.length; i += 500) {
        await db
          .insertInto('recall_lots')
          .values(
            lots
              .slice(i, i + 500)
              .map((l) => ({ recall_id: r.id, lot_id: l.lotId, rounds_held: l.roundsHeld })),
          )
          .execute();
      }
      if (notices.length > 0) {
        await db
          .insertInto('recall_notices')
          .values(
            notices.map((n) => ({
              recall_id: r.id,
              consignee_id: n.consigneeId,
              rounds: n.rounds,
              details: JSON.stringify(n.details),
            })),
          )
          .execute();
      }
    },
    async list(): Promise<RecallRecord[]> {
      const rows = await db.selectFrom('recalls').selectAll().orderBy('created_at').execute();
      return rows.map((r) => ({
        id: r.id,
        recallNumber: r.recall_number,
        originKind: r.origin_kind as RecallRecord['originKind'],
        originRef: r.origin_ref,
        reason: r.reason,
        createdAt: r.created_at,
        actor: r.actor,
      }));
    },
  };
}

export type RecallRepository = ReturnType<typeof recallRepository>;
