import type { Executor } from '../database.ts';

export interface SamplingInspectionRecord {
  readonly id: string;
  readonly lotId: string;
  readonly productId: string;
  readonly severity: string;
  readonly inspectionLevel: string;
  readonly codeLetter: string;
  readonly lotSize: number;
  readonly classes: readonly Readonly<Record<string, unknown>>[];
  readonly accepted: boolean;
  readonly inGap: boolean;
  readonly scoreStep: string;
  readonly roundsConsumed: number;
  readonly switched: Readonly<Record<string, unknown>> | null;
  readonly inspectedAt: string;
  readonly actor: string;
}

export interface LotDecisionRecord {
  readonly id: string;
  readonly lotId: string;
  readonly seq: number;
  readonly status: 'released' | 'held' | 'rejected';
  readonly reason: string | null;
  readonly inspectionId: string | null;
  readonly approver: string | null;
  readonly decidedAt: string;
  readonly actor: string;
}

export interface SamplingStateRecord {
  readonly productId: string;
  readonly severity: string;
  readonly score: number;
  /** `A` accepted, `N` not accepted; oldest first. */
  readonly recent: string;
  readonly acceptedInRow: number;
  readonly notAcceptedOnTightened: number;
  readonly steadyProduction: boolean;
  readonly reducedApproved: boolean;
  readonly updatedAt: string;
  readonly actor: string;
}

type InspectionRow = {
  id: string;
  lot_id: string;
  product_id: string;
  severity: string;
  inspection_level: string;
  code_letter: string;
  lot_size: number;
  classes: string;
  accepted: number;
  in_gap: number;
  score_step: string;
  rounds_consumed: number;
  switched: string | null;
  inspected_at: string;
  actor: string;
};

const toInspection = (r: InspectionRow): SamplingInspectionRecord => ({
  id: r.id,
  lotId: r.lot_id,
  productId: r.product_id,
  severity: r.severity,
  inspectionLevel: r.inspection_level,
  codeLetter: r.code_letter,
  lotSize: Number(r.lot_size),
  classes: JSON.parse(r.classes) as Record<string, unknown>[],
  accepted: Number(r.accepted) === 1,
  inGap: Number(r.in_gap) === 1,
  scoreStep: r.score_step,
  roundsConsumed: Number(r.rounds_consumed),
  switched: r.switched === null ? null : (JSON.parse(r.switched) as Record<string, unknown>),
  inspectedAt: r.inspected_at,
  actor: r.actor,
});

/**
 * Sampling inspections, quality decisions and switching states.
 *
 * @example
 * const status = await qualityRepository(store).currentDecision(lot.id);
 */
export function qualityRepository(ex: Executor) {
  const { db } = ex;
  return {
    async insertInspection(r: SamplingInspectionRecord): Promise<void> {
      await db
        .insertInto('sampling_inspections')
        .values({
          id: r.id,
          lot_id: r.lotId,
          product_id: r.productId,
          severity: r.severity,
          inspection_level: r.inspectionLevel,
          code_letter: r.codeLetter,
          lot_size: r.lotSize,
          classes: JSON.stringify(r.classes),
          accepted: r.accepted ? 1 : 0,
          in_gap: r.inGap ? 1 : 0,
          score_step: r.scoreStep,
          rounds_consumed: r.roundsConsumed,
          switched: r.switched === null ? null : JSON.stringify(r.switched),
          inspected_at: r.inspectedAt,
          actor: r.actor,
        })
        .execute();
    },
    async inspectionOfLot(lotId: string): Promise<SamplingInspectionRecord | undefined> {
      const r = await db
        .selectFrom('sampling_inspections')
        .selectAll()
        .where('lot_id', '=', lotId)
        .executeTakeFirst();
      return r === undefined ? undefined : toInspection(r);
    },

    async insertDecision(r: Omit<LotDecisionRecord, 'seq'>): Promise<LotDecisionRecord> {
      const last = await db
        .selectFrom('lot_decisions')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('lot_id', '=', r.lotId)
        .executeTakeFirst();
      const seq = Number(last?.seq ?? 0) + 1;
      await db
        .insertInto('lot_decisions')
        .values({
          id: r.id,
          lot_id: r.lotId,
          seq,
          status: r.status,
          reason: r.reason,
          inspection_id: r.inspectionId,
          approver: r.approver,
          decided_at: r.decidedAt,
          actor: r.actor,
        })
        .execute();
      return { ...r, seq };
    },
    async decisions(lotId: string): Promise<LotDecisionRecord[]> {
      const rows = await db
        .selectFrom('lot_decisions')
        .selectAll()
        .where('lot_id', '=', lotId)
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        lotId: r.lot_id,
        seq: Number(r.seq),
        status: r.status as LotDecisionRecord['status'],
        reason: r.reason,
        inspectionId: r.inspection_id,
        approver: r.approver,
        decidedAt: r.decided_at,
        actor: r.actor,
      }));
    },
    /** The latest decision of each lot that has one, by lot id. */
    async currentStatuses(): Promise<Map<string, LotDecisionRecord['status']>> {
      const rows = await db
        .selectFrom('lot_decisions as d')
        .select(['d.lot_id', 'd.status'])
        .where((eb) =>
          eb(
            'd.seq',
            '=',
            eb
              .selectFrom('lot_decisions as x')
              .select((x) => x.fn.max('x.seq').as('m'))
              .whereRef('x.lot_id', '=', 'd.lot_id'),
          ),
        )
        .execute();
      return new Map(rows.map((r) => [r.lot_id, r.status as LotDecisionRecord['status']]));
    },

    /** The current decision's status of each of these lots (absent: none yet). */
    async statusesOf(lotIds: readonly string[]): Promise<Map<string, LotDecisionRecord['status']>> {
      if (lotIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('lot_decisions as d')
        .select(['d.lot_id', 'd.status'])
        .where('d.lot_id', 'in', [...new Set(lotIds)])
        .where((eb) =>
          eb(
            'd.seq',
            '=',
            eb
              .selectFrom('lot_decisions as x')
              .select((x) => x.fn.max('x.seq').as('m'))
              .whereRef('x.lot_id', '=', 'd.lot_id'),
          ),
        )
        .execute();
      return new Map(rows.map((r) => [r.lot_id, r.status as LotDecisionRecord['status']]));
    },

    async state(productId: string): Promise<SamplingStateRecord | undefined> {
      const r = await db
        .selectFrom('sampling_states')
        .selectAll()
        .where('product_id', '=', productId)
        .executeTakeFirst();
      if (r === undefined) return undefined;
      return {
        productId: r.product_id,
        severity: r.severity,
        score: Number(r.score),
        recent: r.recent,
        acceptedInRow: Number(r.accepted_in_row),
        notAcceptedOnTightened: Number(r.not_accepted_on_tightened),
        steadyProduction: Number(r.steady_production) === 1,
        reducedApproved: Number(r.reduced_approved) === 1,
        updatedAt: r.updated_at,
        actor: r.actor,
      };
    },
    async saveState(s: SamplingStateRecord): Promise<void> {
      const values = {
        severity: s.severity,
        score: s.score,
        recent: s.recent,
        accepted_in_row: s.acceptedInRow,
        not_accepted_on_tightened: s.notAcceptedOnTightened,
        steady_production: s.steadyProduction ? 1 : 0,
        reduced_approved: s.reducedApproved ? 1 : 0,
        updated_at: s.updatedAt,
        actor: s.actor,
      };
      await db
        .insertInto('sampling_states')
        .values({ product_id: s.productId, ...values })
        .onConflict((oc) => oc.column('product_id').doUpdateSet(values))
        .execute();
    },
  };
}

export type QualityRepository = ReturnType<typeof qualityRepository>;
