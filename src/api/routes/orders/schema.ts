import { Type } from 'typebox';
import { Page, PageQuery } from '../../pagination.ts';
import { closed, DateOnly, Instant, Nullable, Rounds } from '../../schemas.ts';

const CustomerOrderFields = {
  id: Type.String(),
  orderNumber: Type.String({ description: 'CO-YYYY-NNNN' }),
  consigneeId: Type.String(),
  productId: Type.String(),
  quantity: Rounds,
  dueDate: DateOnly,
  priority: Type.Integer({ minimum: 1 }),
  createdAt: Instant,
  actor: Type.String(),
};

export const CustomerOrder = Type.Object(CustomerOrderFields, closed);

export const ProductionOrder = Type.Object(
  {
    id: Type.String(),
    orderNumber: Type.String({ description: 'PO-YYYY-NNNN' }),
    customerOrderId: Nullable(Type.String()),
    productId: Type.String(),
    quantity: Rounds,
    dueDate: DateOnly,
    priority: Type.Integer(),
    status: Type.Enum(['open', 'running', 'done']),
    createdAt: Instant,
    actor: Type.String(),
  },
  closed,
);

export const OrderView = Type.Object(
  {
    ...CustomerOrderFields,
    productionOrderId: Nullable(Type.String()),
    productionOrderNumber: Nullable(Type.String()),
    status: Type.String(),
    made: Rounds,
  },
  closed,
);

export const OrderPage = Page(OrderView);

export const OrderQuery = Type.Object(PageQuery, closed);

export const AddOrderBody = Type.Object(
  {
    consigneeId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 128,
        description: 'Left out by a consignee user: always its own',
      }),
    ),
    productId: Type.String({ minLength: 1, maxLength: 128 }),
    quantity: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Rounds' }),
    dueDate: DateOnly,
    priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  closed,
);

export const AddedOrder = Type.Object(
  { customerOrder: CustomerOrder, productionOrder: ProductionOrder },
  closed,
);
