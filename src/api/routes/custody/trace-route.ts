import { staff } from '../../../app/auth/roles.ts';
import { recallLots, type RecallOrigin } from '../../../app/custody/recall.ts';
import { reconcileLots } from '../../../app/custody/reconcile.ts';
import { traceRecovered } from '../../../app/custody/recovered.ts';
import { transferReport } from '../../../app/custody/report.ts';
import { traceCrateBackward, traceLotForward, traceShipmentBackward } from '../../../app/custody/trace.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { paginate } from '../../pagination.ts';
import { defineRoute } from '../../route.ts';
import {
  LotParams,
  NumberParams,
  RecallBody,
  RecoveredBody,
  RecoveredPage,
  SpanPageQuery,
  SpanQuery,
  SsccParams,
  TransferPage,
} from './schema.ts';
import { CrateTrace, ForwardTrace, RecallResult, Reconciliation, ShipmentTrace } from './trace-schema.ts';

type RecallBodyValue = {
  lotNumber?: string | undefined;
  viaComponents?: boolean | undefined;
  componentLot?: string | undefined;
  report?: { headstamp: string; lot?: string | undefined; label?: string | undefined } | undefined;
};

/** A recall starts from exactly one thing: a lot, a component lot, or a recovered cartridge. */
function recallOrigin(body: RecallBodyValue): RecallOrigin {
  const given = (['lotNumber', 'componentLot', 'report'] as const).filter((k) => body[k] !== undefined);
  if (given.length !== 1)
    throw new ValidationError(
      'recall.origin',
      'lotNumber, componentLot or report: give exactly one',
      (given.length === 0 ? ['lotNumber'] : given).map((path) => ({
        path,
        problem: 'give exactly one of lotNumber, componentLot or report',
      })),
    );
  if (body.lotNumber !== undefined)
    return { kind: 'lot', lotNumber: body.lotNumber, viaComponents: body.viaComponents === true };
  if (body.componentLot !== undefined) return { kind: 'component-lot', componentLot: body.componentLot };
  const report = body.report ?? { headstamp: '' };
  return {
    kind: 'field-report',
    report: {
      headstamp: report.headstamp,
      ...(report.lot !== undefined ? { lot: report.lot } : {}),
      ...(report.label !== undefined ? { label: report.label } : {}),
    },
  };
}

/** Trace forward and backward, reconcile, recall and destroy: what the auditor and quality ask of custody. */
export const traceRoutes = [
  defineRoute({
    method: 'GET',
    url: '/trace/lots/:lotNumber',
    operationId: 'traceLotForward',
    summary: 'Where a lot’s rounds went: stock, crates, shipments, consignees, consumption, destruction',
    tags: ['trace'],
    access: { roles: staff },
    writes: false,
    schema: { params: LotParams, response: ForwardTrace },
    handle: async ({ services, user, params }) =>
      traceLotForward(await services.app(), user, params.lotNumber),
  }),
  defineRoute({
    method: 'GET',
    url: '/trace/crates/:sscc',
    operationId: 'traceCrateBackward',
    summary: 'Where a crate came from: its lot, run, line, order and component lots',
    tags: ['trace'],
    access: { roles: staff },
    writes: false,
    schema: { params: SsccParams, response: CrateTrace },
    handle: async ({ services, user, params }) => traceCrateBackward(await services.app(), user, params.sscc),
  }),
  defineRoute({
    method: 'GET',
    url: '/trace/shipments/:number',
    operationId: 'traceShipmentBackward',
    summary: 'What a shipment carried, back to lots and lines',
    tags: ['trace'],
    access: { roles: staff },
    writes: false,
    schema: { params: NumberParams, response: ShipmentTrace },
    handle: async ({ services, user, params }) =>
      traceShipmentBackward(await services.app(), user, params.number),
  }),
  defineRoute({
    method: 'POST',
    url: '/trace/recovered',
    operationId: 'traceRecovered',
    summary: 'Candidate lots for a recovered cartridge, from its headstamp and what else could be read',
    description: 'A query with a body; it reads only.',
    tags: ['trace'],
    access: { roles: staff },
    writes: false,
    schema: { body: RecoveredBody, response: RecoveredPage },
    handle: async ({ services, user, body }) => ({
      items: await traceRecovered(await services.app(), user, body),
      nextCursor: null,
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/reconciliation',
    operationId: 'reconcileLots',
    summary:
      'Every lot reconciled: commissioned = in stock + in transit + delivered + consumed + destroyed + lost + adjusted',
    tags: ['trace'],
    access: { roles: staff },
    writes: false,
    schema: { querystring: SpanQuery, response: Reconciliation },
    handle: async ({ services, user, query }) => reconcileLots(await services.app(), user, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/reports/transfers',
    operationId: 'transferReport',
    summary: 'Transfers to consignees in a period (for the national authority)',
    tags: ['trace'],
    access: { roles: staff },
    writes: false,
    schema: { querystring: SpanPageQuery, response: TransferPage },
    handle: async ({ services, user, query }) => {
      const { limit, cursor, ...span } = query;
      const lines = await transferReport(await services.app(), user, span);
      const keyed = lines.map((line, i) => ({ line, key: String(i).padStart(10, '0') }));
      const page = paginate(keyed, (x) => x.key, { limit, cursor });
      return { items: page.items.map((x) => x.line), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/recalls',
    operationId: 'recallLots',
    summary: 'Recall by lot, component lot or recovered cartridge: holds what is here, notices to consignees',
    tags: ['trace'],
    access: { roles: ['quality', 'admin'] },
    writes: true,
    status: 201,
    schema: { body: RecallBody, response: RecallResult },
    handle: async ({ services, user, body }) =>
      recallLots(await services.app(), user, recallOrigin(body), body.reason),
  }),
];
