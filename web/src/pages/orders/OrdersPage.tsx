import { useMemo, useState } from 'react';
import { Chart } from '../../app/Chart.tsx';
import type { PageProps } from '../../app/routes.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorBox, formatDateTime, formatNumber, Table, useApi, type Column } from '../../app/ui/index.ts';
import '../lots/badges.css';
import { StatusBadge } from '../lots/StatusBadge.tsx';
import { useAllPages } from '../lots/useAllPages.ts';
import { ganttOption } from './gantt.ts';
import { NewOrderForm } from './NewOrderForm.tsx';
import { Reschedule } from './Reschedule.tsx';
import { plannedFinish, tardinessDays } from './tardiness.ts';
import type { Order, Schedule } from './types.ts';

const knownProducts = ['ball-ps', 'tracer-t', 'blank'];
const shown = 60;

/** Orders with status and tardiness, the schedule per line as a Gantt chart, placing and rescheduling. */
export default function OrdersPage(_props: PageProps) {
  const { user } = useSession();
  const consignee = user.role === 'consignee';
  const orders = useAllPages<Order>('/orders');
  const schedule = useApi<Schedule>(consignee ? undefined : '/schedule');
  const [filter, setFilter] = useState<'all' | 'open' | 'late'>('all');
  const placements = useMemo(() => schedule.data?.placements ?? [], [schedule.data]);

  const rows = useMemo(() => {
    const withFinish = (orders.items ?? []).map((o) => {
      const finish = o.status === 'done' ? undefined : plannedFinish(o, placements);
      return { ...o, finish, late: tardinessDays(o.dueDate, finish) };
    });
    const kept = withFinish.filter((o) =>
      filter === 'open' ? o.status !== 'done' : filter === 'late' ? o.late > 0 : true,
    );
    return kept.reverse();
  }, [orders.items, placements, filter]);

  const names = useMemo(
    () => new Map((orders.items ?? []).map((o) => [o.productionOrderId ?? '', o.orderNumber])),
    [orders.items],
  );
  const products = useMemo(
    () => [...new Set([...knownProducts, ...(orders.items ?? []).map((o) => o.productId)])].sort(),
    [orders.items],
  );
  const consignees = useMemo(
    () => [...new Set((orders.items ?? []).map((o) => o.consigneeId))].sort(),
    [orders.items],
  );
  const mayPlace = ['planner', 'admin', 'consignee'].includes(user.role);
  const mayReschedule = ['planner', 'admin'].includes(user.role);

  const columns: Column<(typeof rows)[number]>[] = [
    { header: 'Order', cell: (o) => o.orderNumber },
    ...(consignee ? [] : [{ header: 'Consignee', cell: (o: Order) => o.consigneeId }]),
    { header: 'Product', cell: (o) => o.productId },
    { header: 'Quantity', cell: (o) => formatNumber(o.quantity), align: 'right' },
    { header: 'Made', cell: (o) => formatNumber(o.made), align: 'right' },
    { header: 'Due', cell: (o) => o.dueDate },
    { header: 'Status', cell: (o) => <StatusBadge status={o.status} /> },
    ...(consignee
      ? []
      : [
          {
            header: 'Planned finish',
            cell: (o: (typeof rows)[number]) => (o.finish ? formatDateTime(o.finish) : '—'),
          },
          {
            header: 'Tardiness',
            cell: (o: (typeof rows)[number]) =>
              o.late > 0 ? <StatusBadge status={`${o.late} d late`} /> : o.finish ? 'on time' : '—',
            align: 'right' as const,
          },
        ]),
  ];

  return (
    <section aria-labelledby="page-title" className="stack">
      <div className="page-head">
        <h1 id="page-title">{consignee ? 'Our orders' : 'Orders and schedule'}</h1>
        {orders.items && (
          <span className="muted">
            {formatNumber(orders.items.length)} orders,{' '}
            {orders.items.filter((o) => o.status !== 'done').length} not done
          </span>
        )}
      </div>
      {mayPlace && (
        <NewOrderForm
          products={products}
          consignees={consignees}
          askConsignee={!consignee}
          onPlaced={() => {
            orders.reload();
            schedule.reload();
          }}
        />
      )}
      {!consignee && (
        <div className="card stack">
          <div className="page-head">
            <h2>Schedule by line</h2>
            {schedule.data && (
              <span className="muted">
                made {formatDateTime(schedule.data.schedule.createdAt)} by {schedule.data.schedule.actor}:{' '}
                {schedule.data.schedule.reason}
              </span>
            )}
          </div>
          <ErrorBox error={schedule.error} title="The schedule could not be read" />
          {placements.length > 0 ? (
            <Chart
              option={ganttOption(placements, names)}
              height={300}
              label={`Schedule: ${placements.length} production orders on ${new Set(placements.map((p) => p.lineId)).size} lines, with changeovers`}
            />
          ) : (
            schedule.data && <p className="muted">Nothing is scheduled.</p>
          )}
          {mayReschedule && (
            <Reschedule
              onDone={() => {
                schedule.reload();
                orders.reload();
              }}
            />
          )}
        </div>
      )}
      <ErrorBox error={orders.error} title="The orders could not be read" />
      <div className="card stack">
        <div className="actions">
          <label htmlFor="order-filter">Show</label>
          <select
            id="order-filter"
            value={filter}
            onChange={(e) => setFilter(e.target.value as typeof filter)}
          >
            <option value="all">every order</option>
            <option value="open">orders not done</option>
            {!consignee && <option value="late">late orders</option>}
          </select>
        </div>
        {orders.items === undefined ? (
          <p className="loading" role="status">
            Loading orders…
          </p>
        ) : (
          <Table
            caption={`Orders, newest first${rows.length > shown ? ` (${shown} of ${rows.length})` : ''}`}
            rows={rows.slice(0, shown)}
            rowKey={(o) => o.id}
            rowClass={(o) => (o.late > 0 ? 'highlight' : undefined)}
            columns={columns}
          />
        )}
      </div>
    </section>
  );
}
