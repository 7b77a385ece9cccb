import { staff } from '../../../app/auth/roles.ts';
import { countStock } from '../../../app/packing/count.ts';
import { moveStock, pageStock, type MoveInput } from '../../../app/packing/stock.ts';
import { ValidationError, type FieldProblem } from '../../../domain/errors.ts';
import { keysetOf, pageOf } from '../../pagination.ts';
import { defineRoute } from '../../route.ts';
import { CountBody, CountOutcome, MoveBody, MoveResult, StockPage, StockQuery } from './schema.ts';

type MoveBodyValue = {
  to: string;
  sscc?: string | undefined;
  lotNumber?: string | undefined;
  form?: string | undefined;
  quantity?: number | undefined;
  from?: string | undefined;
};

/** A move names a unit by SSCC, or loose stock by lot, form, quantity and source: never both. */
function moveInput(body: MoveBodyValue): MoveInput {
  const loose = ['lotNumber', 'form', 'quantity', 'from'] as const;
  if (body.sscc !== undefined) {
    const extra = loose.filter((k) => body[k] !== undefined);
    if (extra.length > 0)
      throw new ValidationError(
        'move.invalid',
        `${extra[0]}: not with sscc (a unit moves whole)`,
        extra.map((k) => ({ path: k, problem: 'not with sscc: a crate or pallet moves whole' })),
      );
    return { sscc: body.sscc, to: body.to };
  }
  const problems: FieldProblem[] = loose
    .filter((k) => body[k] === undefined)
    .map((k) => ({ path: k, problem: 'is required to move loose stock (or give sscc)' }));
  const { lotNumber, form, quantity, from } = body;
  if (problems.length > 0 || lotNumber === undefined || quantity === undefined || from === undefined)
    throw new ValidationError('move.invalid', `${problems[0]?.path ?? 'sscc'}: is required`, problems);
  return { lotNumber, form: form === 'box' ? 'box' : 'round', quantity, from, to: body.to };
}

/** Stock by location, lot and form; moves and physical counts, each a custody event. */
export const stockRoutes = [
  defineRoute({
    method: 'GET',
    url: '/stock',
    operationId: 'listStock',
    summary: 'Stock by location, lot and form, with each location’s use of its limit',
    tags: ['stock'],
    access: { roles: staff },
    writes: false,
    cacheable: true,
    schema: { querystring: StockQuery, response: StockPage },
    handle: async ({ services, user, query }) => {
      const { locations, ...page } = await pageStock(await services.app(), user, keysetOf(query));
      return { ...pageOf(page), locations };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/stock/moves',
    operationId: 'moveStock',
    summary: 'Move a crate or pallet (by SSCC), or a lot’s loose rounds or boxes, to another location',
    tags: ['stock'],
    access: { roles: ['logistics', 'admin'] },
    writes: true,
    status: 201,
    schema: { body: MoveBody, response: MoveResult },
    handle: async ({ services, user, body }) => moveStock(await services.app(), user, moveInput(body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/stock/counts',
    operationId: 'countStock',
    summary: 'Record a physical count; a difference adjusts the records, with a reason',
    description:
      'Where the plant asks four eyes for adjustments, a count that differs from the records answers `{"status": "awaiting_approval", "request"}` and a second person approves it at POST /approvals/{number}/approve; otherwise `{"status": "done", "result"}`.',
    tags: ['stock'],
    access: { roles: ['logistics', 'admin'] },
    writes: true,
    status: 201,
    schema: { body: CountBody, response: CountOutcome },
    handle: async ({ services, user, body }) => {
      const { form, ...rest } = body;
      return countStock(await services.app(), user, { ...rest, form: form === 'box' ? 'box' : 'round' });
    },
  }),
];
