import { useMemo } from 'react';
import { Chart } from '../../app/Chart.tsx';
import type { PageProps } from '../../app/routes.ts';
import { Link } from '../../app/router.tsx';
import { ErrorBox, formatNumber, formatPercent, Stat, Table, useApi } from '../../app/ui/index.ts';
import type { KpiRow, Page, PlantGlance, RecordedLineEvent } from '../overview/types.ts';
import {
  lossSteps,
  paretoOption,
  stopMinutes,
  timelineOption,
  timelineSegments,
  waterfallOption,
} from './charts.ts';

/** Days of KPIs the waterfall and the Pareto sum over. */
const kpiDays = 7;
/** Hours of line events on the timeline. */
const timelineHours = 24;

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One line: its PackML states and stops over the last day (timeline), where its planned time went over
 * the last week (OEE loss waterfall), and which stop reasons cost most (Pareto), with the KPIs by day.
 */
export default function LinePage({ params }: PageProps) {
  const lineId = params['id'] ?? '';
  const glance = useApi<PlantGlance>('/lines');
  const plant = glance.data;
  const line = plant?.lines.find((l) => l.id === lineId);
  const nowMs = plant === undefined ? undefined : Date.parse(plant.now);
  const fromMs = nowMs === undefined ? undefined : nowMs - timelineHours * 3600_000;
  const events = useApi<{ opening: RecordedLineEvent | null; items: RecordedLineEvent[] }>(
    nowMs === undefined ? undefined : `/lines/${encodeURIComponent(lineId)}/events`,
    fromMs === undefined || nowMs === undefined
      ? undefined
      : { from: new Date(fromMs).toISOString(), to: new Date(nowMs).toISOString() },
  );
  const kpi = useApi<Page<KpiRow>>(plant === undefined ? undefined : '/kpi', {
    lineId,
    by: 'day',
    from: plant === undefined ? undefined : daysBefore(plant.today, kpiDays - 1),
    to: plant?.today,
    limit: 50,
  });

  const rows = useMemo(() => kpi.data?.items ?? [], [kpi.data]);
  const items = useMemo(() => events.data?.items ?? [], [events.data]);
  const opening = events.data?.opening ?? null;
  const timeline = useMemo(
    () =>
      nowMs === undefined || fromMs === undefined
        ? undefined
        : timelineOption(timelineSegments(items, nowMs, opening, fromMs), fromMs, nowMs),
    [items, opening, nowMs, fromMs],
  );
  const steps = useMemo(() => lossSteps(rows), [rows]);
  const waterfall = useMemo(() => waterfallOption(steps), [steps]);
  const stops = useMemo(() => stopMinutes(rows, items), [rows, items]);
  const pareto = useMemo(() => paretoOption(stops), [stops]);

  if (plant === undefined)
    return glance.error !== undefined ? (
      <ErrorBox error={glance.error} />
    ) : (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  if (line === undefined)
    return <ErrorBox error={new Error(`There is no line ${lineId} in the plant.`)} title="Not found" />;

  const made = rows.reduce((s, r) => s + r.record.goodQuantity, 0);
  const planned = rows.reduce((s, r) => s + r.record.plannedBusyTime, 0);
  const good = steps[steps.length - 1]?.minutes ?? 0;
  const topReason = [...stops].sort((a, b) => b[1] - a[1])[0];

  return (
    <section aria-labelledby="page-title">
      <p className="muted" style={{ margin: 0 }}>
        <Link to="/">Plant</Link> / {line.id}
      </p>
      <h1 id="page-title">{line.name}</h1>
      <ErrorBox error={events.error ?? kpi.error} />
      <div className="card row" style={{ marginBottom: '1rem' }}>
        <Stat
          label="State"
          value={<span className={`badge state-${line.state ?? ''}`}>{line.state ?? 'no data'}</span>}
        />
        <Stat label="Product" value={line.productId ?? '–'} />
        <Stat
          label="Rate now"
          value={formatNumber(line.currentRate)}
          unit={`of ${formatNumber(line.ratedRate)} /min`}
        />
        <Stat label={`Good, last ${kpiDays} days`} value={formatNumber(made)} />
        <Stat label={`OEE, last ${kpiDays} days`} value={planned > 0 ? formatPercent(good / planned) : '–'} />
      </div>
      <div className="card">
        <h2>States and stops, last {timelineHours} hours</h2>
        {timeline !== undefined && (
          <Chart
            height={170}
            label={`Timeline of ${line.name}: ${items.filter((e) => e.kind === 'state').length} state changes and ${items.filter((e) => e.kind === 'stop').length} stops in the last ${timelineHours} hours`}
            option={timeline}
          />
        )}
      </div>
      <div className="grid grid-2" style={{ marginTop: '1rem' }}>
        <div className="card">
          <h2>Where the planned time went, last {kpiDays} days</h2>
          <Chart
            height={340}
            label={`OEE loss waterfall: ${steps.map((s) => `${s.name} ${Math.round(Math.abs(s.minutes))} min`).join(', ')}`}
            option={waterfall}
          />
        </div>
        <div className="card">
          <h2>Stop reasons, last {kpiDays} days</h2>
          <Chart
            height={340}
            label={
              topReason === undefined
                ? 'Pareto of stop reasons: no stops recorded'
                : `Pareto of stop reasons: ${[...stops]
                    .sort((a, b) => b[1] - a[1])
                    .map(([r, m]) => `${r} ${Math.round(m)} min`)
                    .join(', ')}`
            }
            option={pareto}
          />
        </div>
      </div>
      <Table
        caption={`KPIs by day (ISO 22400), ${line.id}`}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: 'Date', cell: (r) => r.date },
          { header: 'Availability', cell: (r) => formatPercent(r.availability), align: 'right' },
          { header: 'Effectiveness', cell: (r) => formatPercent(r.effectiveness), align: 'right' },
          { header: 'Quality', cell: (r) => formatPercent(r.qualityRatio), align: 'right' },
          { header: 'OEE', cell: (r) => formatPercent(r.oee), align: 'right' },
          { header: 'Good', cell: (r) => formatNumber(r.record.goodQuantity), align: 'right' },
          { header: 'Scrap', cell: (r) => formatNumber(r.scrapQuantity), align: 'right' },
          { header: 'Down (min)', cell: (r) => formatNumber(r.downTime), align: 'right' },
        ]}
        empty="No line data in these days."
      />
    </section>
  );
}
