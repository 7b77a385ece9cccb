import type BetterSqlite3 from 'better-sqlite3';
import { keptStatement } from './statement-cache.ts';

// The read hot path of the list routes on SQLite: one statement prepared per query shape (which
// filters are given, first page or not) and per connection, run with the values bound, instead
// of building, compiling and preparing the same query through Kysely on every request. The SQL is
// the query the repository builds with Kysely for the other backend; the rows come back with the
// same columns, so the repository maps them the same way.

/**
 * One page of lots by lot number (limit + 1 rows, so the caller can tell whether more follow).
 *
 * @example
 * const rows = sqliteLotPage(sqlite, { limit: 21 });
 */
export function sqliteLotPage<Row>(
  sqlite: BetterSqlite3.Database,
  q: {
    productId?: string | undefined;
    lineId?: string | undefined;
    after?: string | undefined;
    limit: number;
  },
): Row[] {
  const where: string[] = [];
  const values: unknown[] = [];
  if (q.productId !== undefined) {
    where.push('product_id = ?');
    values.push(q.productId);
  }
  if (q.lineId !== undefined) {
    where.push('line_id = ?');
    values.push(q.lineId);
  }
  if (q.after !== undefined) {
    where.push('lot_number > ?');
    values.push(q.after);
  }
  const text = `select * from lots${where.length > 0 ? ` where ${where.join(' and ')}` : ''} order by lot_number limit ?`;
  return keptStatement(sqlite, text).all(...values, q.limit) as Row[];
}

/**
 * One page of customer orders by order number, each with its production order and the good
 * rounds its runs made (limit + 1 rows).
 *
 * @example
 * const rows = sqliteCustomerOrderPage(sqlite, { consigneeId: 'army', limit: 21 });
 */
export function sqliteCustomerOrderPage<Row>(
  sqlite: BetterSqlite3.Database,
  q: { consigneeId?: string | undefined; after?: string | undefined; limit: number },
): Row[] {
  const where: string[] = [];
  const values: unknown[] = [];
  if (q.consigneeId !== undefined) {
    where.push('customer_orders.consignee_id = ?');
    values.push(q.consigneeId);
  }
  if (q.after !== undefined) {
    where.push('customer_orders.order_number > ?');
    values.push(q.after);
  }
  const text = `select customer_orders.*, po.id as po_id, po.order_number as po_number, po.status as po_status,
      (select sum(r.good) from production_runs as r where r.production_order_id = po.id) as made
    from customer_orders left join production_orders as po on po.customer_order_id = customer_orders.id
    ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
    order by customer_orders.order_number limit ?`;
  return keptStatement(sqlite, text).all(...values, q.limit) as Row[];
}
