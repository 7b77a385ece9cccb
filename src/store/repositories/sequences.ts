import type { Executor } from '../database.ts';

/**
 * Numbering sequences per plant and scope (`customer-order:2027`, `lot:TP:27`, ...): the next
 * number is taken inside the writer's transaction, so numbers are gap-free and unique.
 *
 * @example
 * const n = await sequenceRepository(tx).next('test-plant', 'customer-order:2027'); // 1, 2, ...
 */
export function sequenceRepository(ex: Executor) {
  const { db } = ex;
  return {
    async next(plantId: string, scope: string): Promise<number> {
      // An upsert that increments: one statement, and in PostgreSQL a row lock until commit.
      const row = await db
        .insertInto('sequences')
        .values({ plant_id: plantId, scope, last: 1 })
        .onConflict((oc) =>
          oc.columns(['plant_id', 'scope']).doUpdateSet((eb) => ({ last: eb('sequences.last', '+', 1) })),
        )
        .returning('last')
        .executeTakeFirstOrThrow();
      return row.last;
    },
  };
}

export type SequenceRepository = ReturnType<typeof sequenceRepository>;
