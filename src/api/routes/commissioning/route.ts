import { basename } from 'node:path';
import { staff } from '../../../app/auth/roles.ts';
import { lineProtocol, readAct, verifyActByNumber } from '../../../app/commissioning/acts.ts';
import { closeAcceptanceTest } from '../../../app/commissioning/close.ts';
import { COMMISSIONING_ROLES, startAcceptanceTest } from '../../../app/commissioning/start.ts';
import { commissioningStatus, listLineService } from '../../../app/commissioning/status.ts';
import { defineRoute } from '../../route.ts';
import {
  ActHtml,
  ActParams,
  ActVerification,
  ClosedTest,
  CloseBody,
  CommissioningStatus,
  LineParams,
  LineServiceList,
  Protocol,
  StartBody,
  StartedTest,
} from './schema.ts';

/**
 * Line acceptance tests and their signed acts, as `headstamp commission` does them: quality and admin
 * start and close tests; the staff (the auditor included) read protocols, progress and acts, and verify
 * an act byte for byte against the records, the ledger and its signatures.
 */
export const commissioningRoutes = [
  defineRoute({
    method: 'GET',
    url: '/commissioning/lines',
    operationId: 'listLineService',
    summary: 'Each line’s standing: commissioned by which act, or not; tests running',
    tags: ['commissioning'],
    access: { roles: staff },
    writes: false,
    schema: { response: LineServiceList },
    handle: async ({ services, user }) => ({ items: await listLineService(await services.app(), user) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/commissioning/lines/:lineId',
    operationId: 'commissioningStatus',
    summary: 'A line’s standing and its running test measured so far against each threshold',
    tags: ['commissioning'],
    access: { roles: staff },
    writes: false,
    schema: { params: LineParams, response: CommissioningStatus },
    handle: async ({ services, user, params }) =>
      commissioningStatus(await services.app(), user, params.lineId),
  }),
  defineRoute({
    method: 'GET',
    url: '/commissioning/lines/:lineId/protocol',
    operationId: 'lineProtocol',
    summary: 'The acceptance test protocol the line would be tested to: duration, thresholds, signatories',
    tags: ['commissioning'],
    access: { roles: staff },
    writes: false,
    schema: { params: LineParams, response: Protocol },
    handle: async ({ services, user, params }) => lineProtocol(await services.app(), user, params.lineId),
  }),
  defineRoute({
    method: 'POST',
    url: '/commissioning/lines/:lineId/tests',
    operationId: 'startAcceptanceTest',
    summary: 'Start the line’s acceptance test now (terms of the protocol overridable)',
    description: 'Refused while a test runs on the line, or while a signatory of the protocol has no key.',
    tags: ['commissioning'],
    access: { roles: COMMISSIONING_ROLES },
    writes: true,
    status: 201,
    schema: { params: LineParams, body: StartBody, response: StartedTest },
    handle: async ({ services, user, params, body }) =>
      startAcceptanceTest(await services.app(), user, {
        lineId: params.lineId,
        durationHours: body.durationHours,
        products: body.products,
        startAt: body.startAt === undefined ? undefined : new Date(body.startAt),
        thresholds: body.thresholds,
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/commissioning/lines/:lineId/close',
    operationId: 'closeAcceptanceTest',
    summary: 'Close the line’s test: measure it from the line data, write and sign the act',
    description:
      'Refused before the duration is reached unless `early`. A failed test gets its act too, and takes ' +
      'the line out of service.',
    tags: ['commissioning'],
    access: { roles: COMMISSIONING_ROLES },
    writes: true,
    status: 201,
    schema: { params: LineParams, body: CloseBody, response: ClosedTest },
    handle: async ({ services, user, params, body }) => {
      const closed = await closeAcceptanceTest(
        await services.app(),
        user,
        { lineId: params.lineId, early: body.early },
        services.commissioning,
      );
      return {
        actNumber: closed.actNumber,
        fileName: basename(closed.act),
        passed: closed.passed,
        early: closed.early,
        sha256: closed.sha256,
        ledgerIndex: closed.ledgerIndex,
        reasons: closed.reasons,
        evaluation: closed.evaluation,
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/commissioning/acts/:actNumber/verify',
    operationId: 'verifyAct',
    summary: 'Check an act’s file byte for byte against the records, the ledger and its signatures',
    description: 'A check; it writes nothing.',
    tags: ['commissioning'],
    access: { roles: staff },
    writes: false,
    schema: { params: ActParams, response: ActVerification },
    handle: async ({ services, user, params }) => {
      const result = await verifyActByNumber(
        await services.app(),
        user,
        params.actNumber,
        services.commissioning,
      );
      return { ...result, file: basename(result.file) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/commissioning/acts/:actNumber',
    operationId: 'downloadAct',
    summary: 'The act’s HTML, byte for byte as signed (its SHA-256 in the `x-act-sha256` header)',
    tags: ['commissioning'],
    access: { roles: staff },
    writes: false,
    produces: 'text/html; charset=utf-8',
    schema: { params: ActParams, response: ActHtml },
    handle: async ({ services, user, params, reply }) => {
      const act = await readAct(await services.app(), user, params.actNumber, services.commissioning);
      void reply.header('content-disposition', `attachment; filename="${act.fileName}"`);
      void reply.header('x-act-sha256', act.sha256);
      return act.html;
    },
  }),
];
