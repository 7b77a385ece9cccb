import { staff } from '../../../app/auth/roles.ts';
import { signLedgerCheckpoint } from '../../../app/ledger/checkpoint.ts';
import { ledgerHead } from '../../../app/ledger/head.ts';
import { exportEpcis } from '../../../app/ledger/epcis.ts';
import { ledgerConsistencyProof, ledgerInclusionProof } from '../../../app/ledger/proofs.ts';
import { verifyLedger } from '../../../app/ledger/verify.ts';
import { defineRoute } from '../../route.ts';
import {
  ConsistencyProof,
  ConsistencyQuery,
  EpcisDocument,
  EpcisQuery,
  InclusionProof,
  InclusionQuery,
  LedgerHead,
  SignedCheckpoint,
  Verification,
  VerifyBody,
} from './schema.ts';

/** The tamper-evident ledger: verification, signed checkpoints, RFC 9162 proofs, EPCIS export. */
export const ledgerRoutes = [
  defineRoute({
    method: 'GET',
    url: '/ledger',
    operationId: 'ledgerHead',
    summary: 'The ledger’s tree head (size, root hash) and its signed checkpoints',
    description: 'Reads the stored head only; POST /ledger/verify checks every event.',
    tags: ['ledger'],
    access: { roles: staff },
    writes: false,
    schema: { response: LedgerHead },
    handle: async ({ services, user }) => ledgerHead(await services.app(), user),
  }),
  defineRoute({
    method: 'POST',
    url: '/ledger/verify',
    operationId: 'verifyLedger',
    summary: 'Verify the whole ledger, optionally against a witness’s checkpoint',
    description: 'Names the first altered, missing or reordered event. Reads only.',
    tags: ['ledger'],
    access: { roles: staff },
    writes: false,
    schema: { body: VerifyBody, response: Verification },
    handle: async ({ services, user, body }) =>
      verifyLedger(await services.app(), user, body.against !== undefined ? { against: body.against } : {}),
  }),
  defineRoute({
    method: 'POST',
    url: '/ledger/checkpoints',
    operationId: 'signCheckpoint',
    summary: 'Sign a checkpoint of the ledger as it stands, for witnesses',
    tags: ['ledger'],
    access: { roles: ['admin'] },
    writes: true,
    status: 201,
    schema: { response: SignedCheckpoint },
    handle: async ({ services, user }) =>
      signLedgerCheckpoint(await services.app(), user, { keyFile: services.ledgerKeyFile }),
  }),
  defineRoute({
    method: 'GET',
    url: '/ledger/proofs/inclusion',
    operationId: 'inclusionProof',
    summary: 'RFC 9162 inclusion proof of one event',
    tags: ['ledger'],
    access: { roles: staff },
    writes: false,
    schema: { querystring: InclusionQuery, response: InclusionProof },
    handle: async ({ services, user, query }) =>
      ledgerInclusionProof(await services.app(), user, {
        index: query.index,
        ...(query.size !== undefined ? { size: query.size } : {}),
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/ledger/proofs/consistency',
    operationId: 'consistencyProof',
    summary: 'RFC 9162 consistency proof between two sizes of the ledger',
    tags: ['ledger'],
    access: { roles: staff },
    writes: false,
    schema: { querystring: ConsistencyQuery, response: ConsistencyProof },
    handle: async ({ services, user, query }) =>
      ledgerConsistencyProof(await services.app(), user, {
        from: query.from,
        ...(query.to !== undefined ? { to: query.to } : {}),
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/ledger/epcis',
    operationId: 'exportEpcis',
    summary: 'The ledger’s events as an EPCIS 2.0 JSON-LD document, by time or by lot',
    tags: ['ledger'],
    access: { roles: staff },
    writes: false,
    schema: { querystring: EpcisQuery, response: EpcisDocument },
    handle: async ({ services, user, query }) => {
      const doc = await exportEpcis(await services.app(), user, {
        ...(query.from !== undefined ? { from: new Date(query.from) } : {}),
        ...(query.to !== undefined ? { to: new Date(query.to) } : {}),
        ...(query.lot !== undefined ? { lot: query.lot } : {}),
        ...(query.product !== undefined ? { product: query.product } : {}),
      });
      return doc;
    },
  }),
];
