import { Type } from 'typebox';
import { Page, PageQuery } from '../../pagination.ts';
import { closed, Instant, Rounds } from '../../schemas.ts';

export const ComponentLot = Type.Object(
  {
    id: Type.String(),
    componentId: Type.String(),
    lotNumber: Type.String({ description: 'Our own number (CASE-27A-0001)' }),
    supplier: Type.String(),
    supplierLot: Type.String(),
    received: Rounds,
    remaining: Rounds,
    receivedAt: Instant,
    actor: Type.String(),
  },
  closed,
);

export const ComponentLotPage = Page(ComponentLot);

export const ComponentLotQuery = Type.Object(PageQuery, closed);

export const ReceiveComponentsBody = Type.Object(
  {
    componentId: Type.String({ minLength: 1, maxLength: 128 }),
    supplier: Type.String({ minLength: 1, maxLength: 200 }),
    supplierLot: Type.String({ minLength: 1, maxLength: 128, description: 'As on the delivery papers' }),
    quantity: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Units received' }),
  },
  closed,
);
