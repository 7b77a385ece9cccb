import { approverFor } from '../../../app/auth/approver.ts';
import { staff } from '../../../app/auth/roles.ts';
import { decideLot } from '../../../app/quality/decide.ts';
import { lotQualityHistory, lotStatuses } from '../../../app/quality/lot-statuses.ts';
import { samplingPlanFor } from '../../../app/quality/plan.ts';
import { recordSampleResults } from '../../../app/quality/record.ts';
import { recordSwitchingAct } from '../../../app/quality/switching.ts';
import { paginate } from '../../pagination.ts';
import { defineRoute } from '../../route.ts';
import {
  DecisionBody,
  InspectionBody,
  LotDecision,
  LotParams,
  LotQualityHistory,
  LotStatusPage,
  LotStatusQuery,
  ProductParams,
  RecordedInspection,
  SamplingPlan,
  SwitchingBody,
  SwitchingResult,
} from './schema.ts';

/** Acceptance sampling per lot (MIL-STD-105E, Z1.4 switching), and release, hold or rejection. */
export const qualityRoutes = [
  defineRoute({
    method: 'GET',
    url: '/lot-statuses',
    operationId: 'lotStatuses',
    summary: 'Every lot’s quality status (pending, released, held, rejected), by lot number',
    tags: ['quality'],
    access: { roles: staff },
    writes: false,
    cacheable: true,
    schema: { querystring: LotStatusQuery, response: LotStatusPage },
    handle: async ({ services, user, query }) =>
      paginate(await lotStatuses(await services.app(), user), (r) => r.lotNumber, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/lots/:lotNumber/sampling-plan',
    operationId: 'samplingPlan',
    summary: 'The lot’s sampling plan: code letter, n, Ac, Re per defect class, and the switching state',
    tags: ['quality'],
    access: { roles: staff },
    writes: false,
    cacheable: true,
    schema: { params: LotParams, response: SamplingPlan },
    handle: async ({ services, user, params }) =>
      samplingPlanFor(await services.app(), user, params.lotNumber),
  }),
  defineRoute({
    method: 'GET',
    url: '/lots/:lotNumber/quality',
    operationId: 'lotQualityHistory',
    summary: 'The lot’s recorded sample results and every decision on it (release, hold, reject)',
    tags: ['quality'],
    access: { roles: staff },
    writes: false,
    cacheable: true,
    schema: { params: LotParams, response: LotQualityHistory },
    handle: async ({ services, user, params }) =>
      lotQualityHistory(await services.app(), user, params.lotNumber),
  }),
  defineRoute({
    method: 'POST',
    url: '/lots/:lotNumber/inspection',
    operationId: 'recordSampleResults',
    summary: 'Record the lot’s sample results; judges it and moves the switching state',
    tags: ['quality'],
    access: { roles: ['quality', 'admin'] },
    writes: true,
    status: 201,
    schema: { params: LotParams, body: InspectionBody, response: RecordedInspection },
    handle: async ({ services, user, params, body }) =>
      recordSampleResults(await services.app(), user, { lotNumber: params.lotNumber, results: body.results }),
  }),
  defineRoute({
    method: 'POST',
    url: '/lots/:lotNumber/decision',
    operationId: 'decideLot',
    summary: 'Release, hold or reject the lot',
    description:
      'Where the plant asks four eyes for a release, `approval` carries the second person’s own password.',
    tags: ['quality'],
    access: { roles: ['quality', 'admin'] },
    writes: true,
    status: 201,
    schema: { params: LotParams, body: DecisionBody, response: LotDecision },
    handle: async ({ services, user, params, body }) => {
      const approver =
        body.approval === undefined ? undefined : await approverFor(services.store, body.approval);
      return decideLot(await services.app(), user, {
        lotNumber: params.lotNumber,
        decision: body.decision,
        ...(body.reason !== undefined ? { reason: body.reason } : {}),
        ...(approver !== undefined ? { approver } : {}),
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/products/:productId/switching',
    operationId: 'recordSwitchingAct',
    summary: 'Record a switching act for a product (approve reduced inspection, corrective action, ...)',
    tags: ['quality'],
    access: { roles: ['quality', 'admin'] },
    writes: true,
    schema: { params: ProductParams, body: SwitchingBody, response: SwitchingResult },
    handle: async ({ services, user, params, body }) =>
      recordSwitchingAct(await services.app(), user, {
        productId: params.productId,
        act: body.act,
      }),
  }),
];
