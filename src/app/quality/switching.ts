import { nextSwitchingState, type SwitchingStep } from '../../domain/sampling/index.ts';
import { qualityRepository } from '../../store/repositories/quality.ts';
import type { Actor } from '../actor.ts';
import { actorRef, requireRole } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { withTransaction } from '../transaction.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { productSwitching, switchingRecord } from './lot-quality.ts';

/**
 * What the quality inspector (or the responsible authority through them) may say about a
 * product's sampling, beyond lot results:
 * - `approve-reduced` / `withdraw-reduced`: reduced inspection is (no longer) approved;
 * - `steady` / `irregular`: production is steady, or became irregular or delayed (irregular also
 *   ends reduced inspection);
 * - `normal`: return from reduced to normal inspection (other conditions warrant it);
 * - `corrective-action`: corrective action taken after discontinuation: inspection resumes on tightened.
 */
export const SWITCHING_ACTS = [
  'approve-reduced',
  'withdraw-reduced',
  'steady',
  'irregular',
  'normal',
  'corrective-action',
] as const;
export type SwitchingAct = (typeof SWITCHING_ACTS)[number];

/**
 * Records one switching act for a product and returns its new switching state.
 *
 * @example
 * await recordSwitchingAct(app, inspector, { productId: 'ball-ps', act: 'approve-reduced' });
 */
export async function recordSwitchingAct(
  app: AppContext,
  actor: Actor,
  input: { productId: string; act: SwitchingAct },
): Promise<SwitchingStep & { productId: string; steadyProduction: boolean; reducedApproved: boolean }> {
  requireRole(actor, ['quality', 'admin'], 'change the sampling switching state');
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    if (!scenario.products.some((p) => p.id === input.productId)) {
      throw new NotFoundError('product.not_found', `no product ${input.productId}`, {
        productId: input.productId,
      });
    }
    const current = await productSwitching(tx, input.productId);
    let { steadyProduction, reducedApproved } = current;
    let step: SwitchingStep = { state: current.state };
    const conditions = () => ({ steadyProduction, reducedApproved });
    switch (input.act) {
      case 'approve-reduced':
        reducedApproved = true;
        break;
      case 'withdraw-reduced':
        reducedApproved = false;
        step = nextSwitchingState(current.state, { kind: 'return-to-normal' }, conditions());
        break;
      case 'steady':
        steadyProduction = true;
        break;
      case 'irregular':
        steadyProduction = false;
        step = nextSwitchingState(current.state, { kind: 'irregular-production' }, conditions());
        break;
      case 'normal':
        step = nextSwitchingState(current.state, { kind: 'return-to-normal' }, conditions());
        break;
      case 'corrective-action':
        step = nextSwitchingState(current.state, { kind: 'corrective-action' }, conditions());
        break;
    }
    await qualityRepository(tx).saveState(
      switchingRecord(
        input.productId,
        { state: step.state, steadyProduction, reducedApproved },
        app.clock.now().toISOString(),
        actorRef(actor),
      ),
    );
    return { ...step, productId: input.productId, steadyProduction, reducedApproved };
  });
}
