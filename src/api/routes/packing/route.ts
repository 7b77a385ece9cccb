import { buildPallet, packLot } from '../../../app/packing/pack.ts';
import { defineRoute } from '../../route.ts';
import { LotParams, PackBody, PackedLot, Pallet, PalletBody } from './schema.ts';

/** Packing released lots into boxes and crates, and crates onto pallets, each with an SSCC. */
export const packingRoutes = [
  defineRoute({
    method: 'POST',
    url: '/lots/:lotNumber/packing',
    operationId: 'packLot',
    summary: 'Pack a released lot’s loose rounds into boxes and crates',
    tags: ['packing'],
    access: { roles: ['logistics', 'admin'] },
    writes: true,
    status: 201,
    schema: { params: LotParams, body: PackBody, response: PackedLot },
    handle: async ({ services, user, params, body }) =>
      packLot(await services.app(), user, { lotNumber: params.lotNumber, ...body }),
  }),
  defineRoute({
    method: 'POST',
    url: '/pallets',
    operationId: 'buildPallet',
    summary: 'Build a pallet from crates at one location',
    tags: ['packing'],
    access: { roles: ['logistics', 'admin'] },
    writes: true,
    status: 201,
    schema: { body: PalletBody, response: Pallet },
    handle: async ({ services, user, body }) => buildPallet(await services.app(), user, body),
  }),
];
