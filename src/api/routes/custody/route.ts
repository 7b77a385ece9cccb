import { everyone, staff, writers } from '../../../app/auth/roles.ts';
import { pageApprovals } from '../../../app/custody/approvals.ts';
import { approveRequest, withdrawRequest } from '../../../app/custody/approve.ts';
import {
  addAuthorisation,
  pageAuthorisations,
  setAuthorisationStatus,
} from '../../../app/custody/authorisations.ts';
import { dispatchShipment } from '../../../app/custody/dispatch.ts';
import { receiveShipment } from '../../../app/custody/receive.ts';
import { createShipment, pageShipments } from '../../../app/custody/shipments.ts';
import { keysetOf, PageOnly, pageOf } from '../../pagination.ts';
import { defineRoute } from '../../route.ts';
import {
  AddAuthorisationBody,
  Approval,
  ApprovalPage,
  ApprovalQuery,
  Approved,
  Authorisation,
  AuthorisationPage,
  AuthorisationQuery,
  AuthorisationStatusBody,
  CreateShipmentBody,
  FourEyes,
  NumberParams,
  Receipt,
  ReceiptBody,
  Shipment,
  ShipmentPage,
} from './schema.ts';

const fourEyes =
  'Where the plant asks four eyes for this act, the answer is `{"status": "awaiting_approval", "request"}` ' +
  'and a second person approves it at POST /approvals/{number}/approve; otherwise `{"status": "done", "result"}`.';

/** Authorisations (end-user certificates), shipments against them, and four-eyes approvals. */
export const custodyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/authorisations',
    operationId: 'listAuthorisations',
    summary: 'Authorisations with what shipments have used of each ceiling (a consignee sees its own)',
    tags: ['custody'],
    access: { roles: everyone },
    writes: false,
    schema: { querystring: AuthorisationQuery, response: AuthorisationPage },
    handle: async ({ services, user, query }) => {
      const { limit, cursor, consigneeId } = query;
      const filter = consigneeId === undefined ? {} : { consigneeId };
      return pageOf(
        await pageAuthorisations(await services.app(), user, filter, keysetOf({ limit, cursor })),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/authorisations',
    operationId: 'addAuthorisation',
    summary: 'Record an authorisation (end-user certificate): consignee, products, ceiling, validity',
    description: fourEyes,
    tags: ['custody'],
    access: { roles: ['logistics', 'admin'] },
    writes: true,
    status: 201,
    schema: { body: AddAuthorisationBody, response: FourEyes(Authorisation) },
    handle: async ({ services, user, body }) => addAuthorisation(await services.app(), user, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/authorisations/:number/status',
    operationId: 'setAuthorisationStatus',
    summary: 'Suspend, revoke or reinstate an authorisation, with a reason',
    tags: ['custody'],
    access: { roles: ['logistics', 'admin'] },
    writes: true,
    schema: { params: NumberParams, body: AuthorisationStatusBody, response: Authorisation },
    handle: async ({ services, user, params, body }) =>
      setAuthorisationStatus(await services.app(), user, params.number, body.status, body.reason),
  }),
  defineRoute({
    method: 'GET',
    url: '/shipments',
    operationId: 'listShipments',
    summary: 'Shipments (a consignee sees only its own deliveries)',
    tags: ['custody'],
    access: { roles: everyone },
    writes: false,
    cacheable: true,
    schema: { querystring: PageOnly, response: ShipmentPage },
    handle: async ({ services, user, query }) =>
      pageOf(await pageShipments(await services.app(), user, keysetOf(query))),
  }),
  defineRoute({
    method: 'POST',
    url: '/shipments',
    operationId: 'createShipment',
    summary: 'Plan a shipment of crates and pallets to a consignee under an authorisation',
    tags: ['custody'],
    access: { roles: ['logistics', 'admin'] },
    writes: true,
    status: 201,
    schema: { body: CreateShipmentBody, response: Shipment },
    handle: async ({ services, user, body }) => createShipment(await services.app(), user, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/shipments/:number/dispatch',
    operationId: 'dispatchShipment',
    summary: 'Dispatch a shipment: checked again against its authorisation',
    description: fourEyes,
    tags: ['custody'],
    access: { roles: ['logistics', 'admin'] },
    writes: true,
    schema: { params: NumberParams, response: FourEyes(Shipment) },
    handle: async ({ services, user, params }) => dispatchShipment(await services.app(), user, params.number),
  }),
  defineRoute({
    method: 'POST',
    url: '/shipments/:number/receipt',
    operationId: 'receiveShipment',
    summary: 'Confirm receipt of a shipment (the consignee it is for)',
    tags: ['custody'],
    access: { roles: ['consignee'] },
    writes: true,
    schema: { params: NumberParams, body: ReceiptBody, response: Receipt },
    handle: async ({ services, user, params, body }) =>
      receiveShipment(await services.app(), user, params.number, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/approvals',
    operationId: 'listApprovals',
    summary: 'Four-eyes requests waiting for a second person (`all=true`: every one)',
    tags: ['custody'],
    access: { roles: staff },
    writes: false,
    schema: { querystring: ApprovalQuery, response: ApprovalPage },
    handle: async ({ services, user, query }) => {
      const { limit, cursor, all } = query;
      return pageOf(await pageApprovals(await services.app(), user, { all }, keysetOf({ limit, cursor })));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/approvals/:number/approve',
    operationId: 'approveRequest',
    summary: 'Approve a waiting request as the second person: the act is done then',
    tags: ['custody'],
    access: { roles: writers },
    writes: true,
    schema: { params: NumberParams, response: Approved },
    handle: async ({ services, user, params }) => approveRequest(await services.app(), user, params.number),
  }),
  defineRoute({
    method: 'POST',
    url: '/approvals/:number/withdraw',
    operationId: 'withdrawRequest',
    summary: 'Withdraw one’s own waiting request',
    tags: ['custody'],
    access: { roles: writers },
    writes: true,
    schema: { params: NumberParams, response: Approval },
    handle: async ({ services, user, params }) => withdrawRequest(await services.app(), user, params.number),
  }),
];
