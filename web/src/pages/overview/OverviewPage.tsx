import { useCallback, useEffect, useMemo, useState } from 'react';
import { Chart, type EChartsOption } from '../../app/Chart.tsx';
import { useLive, type LiveEvent, type LotEvent } from '../../app/live.ts';
import type { PageProps } from '../../app/routes.ts';
import { Link } from '../../app/router.tsx';
import { ErrorBox, formatDateTime, formatNumber, formatPercent, Stat, useApi } from '../../app/ui/index.ts';
import { oeeGauge } from './gauge.ts';
import type { KpiRow, LineGlance, Page, PlantGlance } from './types.ts';

/** Today's counts per line, grown by the live stream between reads. */
interface Tally {
  readonly good: number;
  readonly defective: number;
}

/** How often the page reads the records again (KPIs and rates need more than the stream carries). */
const rereadMs = 30_000;

/**
 * The plant at a glance: each line's PackML state, product, current rate against rated, today's good and
 * defective rounds and OEE (availability × effectiveness × quality), the year's output against the
 * plan; kept live by the plant's stream.
 */
export default function OverviewPage(_props: PageProps) {
  const glance = useApi<PlantGlance>('/lines');
  const today = glance.data?.today;
  const kpi = useApi<Page<KpiRow>>(today === undefined ? undefined : '/kpi', {
    from: today,
    to: today,
    by: 'day',
    limit: 50,
  });
  const [states, setStates] = useState<Record<string, { state: string; reason: string | null }>>({});
  const [extra, setExtra] = useState<Record<string, Tally>>({});
  const [lots, setLots] = useState<readonly LotEvent[]>([]);
  const [ledgerSize, setLedgerSize] = useState<number | undefined>(undefined);

  // A fresh read replaces what the stream added since the last one.
  useEffect(() => setExtra({}), [kpi.data]);
  useEffect(() => setStates({}), [glance.data]);
  const { reload: reloadGlance } = glance;
  const { reload: reloadKpi } = kpi;
  useEffect(() => {
    const timer = setInterval(() => {
      reloadGlance();
      reloadKpi();
    }, rereadMs);
    return () => clearInterval(timer);
  }, [reloadGlance, reloadKpi]);

  const onLive = useCallback((event: LiveEvent) => {
    switch (event.type) {
      case 'line-state':
        setStates((s) => ({ ...s, [event.lineId]: { state: event.state, reason: event.reason } }));
        break;
      case 'line-count':
        setExtra((t) => {
          const was = t[event.lineId] ?? { good: 0, defective: 0 };
          return {
            ...t,
            [event.lineId]: { good: was.good + event.good, defective: was.defective + event.defective },
          };
        });
        break;
      case 'lot':
        setLots((l) => [event, ...l].slice(0, 8));
        break;
      case 'ledger':
        setLedgerSize(event.size);
        break;
      case 'heartbeat':
        break;
    }
  }, []);
  useLive(onLive);

  const byLine = useMemo(() => new Map((kpi.data?.items ?? []).map((r) => [r.lineId, r])), [kpi.data]);
  const tally = (lineId: string): Tally => {
    const row = byLine.get(lineId);
    const more = extra[lineId] ?? { good: 0, defective: 0 };
    const good = (row?.record.goodQuantity ?? 0) + more.good;
    const produced = (row?.record.producedQuantity ?? 0) + more.good + more.defective;
    return { good, defective: produced - good };
  };

  if (glance.data === undefined)
    return glance.error !== undefined ? (
      <ErrorBox error={glance.error} />
    ) : (
      <p className="loading" role="status">
        Loading the plant…
      </p>
    );
  const plant = glance.data;
  const totals = plant.lines.map((l) => tally(l.id));
  const goodToday = totals.reduce((s, t) => s + t.good, 0);
  const defectiveToday = totals.reduce((s, t) => s + t.defective, 0);
  const liveGood = Object.values(extra).reduce((s, t) => s + t.good, 0);
  // What the stream told since the page opened, then the last lots the records hold.
  const shownLots: readonly LotEvent[] = [
    ...lots,
    ...plant.recentLots
      .filter((r) => !lots.some((l) => l.lotNumber === r.lotNumber && l.status === 'made'))
      .map((r): LotEvent => ({
        type: 'lot',
        lotNumber: r.lotNumber,
        status: 'made',
        lineId: r.lineId,
        productId: r.productId,
        quantity: r.quantity,
        at: r.commissionedAt,
      })),
  ].slice(0, 8);

  return (
    <section aria-labelledby="page-title">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1 id="page-title">{plant.plantName}</h1>
        <span className="muted">Plant time {formatDateTime(plant.now)} UTC</span>
      </div>
      <ErrorBox error={kpi.error} />
      <div className="card row" style={{ marginBottom: '1rem' }}>
        <Stat
          label="Good today"
          value={<span data-live="good-today">{formatNumber(goodToday)}</span>}
          tone="good"
        />
        <Stat label="Defective today" value={formatNumber(defectiveToday)} />
        <Stat label={`Good in ${plant.year}`} value={formatNumber(plant.goodThisYear + liveGood)} />
        <Stat label="Plan for the year" value={formatNumber(plant.ratedOutputPerYear)} />
        <Stat label="Ledger events" value={ledgerSize === undefined ? '…' : formatNumber(ledgerSize)} />
      </div>
      <div className="grid grid-4">
        {plant.lines.map((line) => (
          <LineCard
            key={line.id}
            line={line}
            live={states[line.id]}
            kpi={byLine.get(line.id)}
            tally={tally(line.id)}
          />
        ))}
      </div>
      <div className="grid grid-2" style={{ marginTop: '1rem' }}>
        <div className="card">
          <h2>Output this year against the plan</h2>
          <Chart height={180} label={yearLabel(plant, liveGood)} option={yearOption(plant, liveGood)} />
        </div>
        <div className="card">
          <h2>Latest lots</h2>
          {shownLots.length === 0 ? (
            <p className="muted">No lot made yet.</p>
          ) : (
            <ul className="plain-list" aria-live="polite">
              {shownLots.map((lot) => (
                <li key={`${lot.lotNumber}-${lot.status}`}>
                  <Link to={`/lots/${encodeURIComponent(lot.lotNumber)}`}>{lot.lotNumber}</Link> {lot.status}
                  {lot.status === 'made'
                    ? ` on ${lot.lineId ?? '?'}, ${formatNumber(lot.quantity)} rounds`
                    : ''}{' '}
                  <span className="muted">{formatDateTime(lot.at)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

function LineCard({
  line,
  live,
  kpi,
  tally,
}: {
  readonly line: LineGlance;
  readonly live: { state: string; reason: string | null } | undefined;
  readonly kpi: KpiRow | undefined;
  readonly tally: Tally;
}) {
  const state = live?.state ?? line.state ?? 'no data';
  const reason = live === undefined ? line.reason : live.reason;
  const gauge = useMemo(() => oeeGauge(kpi?.oee), [kpi?.oee]);
  const share = line.ratedRate > 0 ? line.currentRate / line.ratedRate : 0;
  return (
    <article className="card" aria-labelledby={`line-${line.id}`}>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h2 id={`line-${line.id}`} style={{ margin: 0 }}>
          <Link to={`/lines/${encodeURIComponent(line.id)}`}>{line.name}</Link>
        </h2>
        <span className={`badge state-${state}`} data-line-state={line.id}>
          {state}
          {reason !== null && reason !== undefined ? ` (${reason})` : ''}
        </span>
      </div>
      <p className="muted" style={{ margin: '0.25rem 0 0.5rem' }}>
        {line.productId ?? 'no product'} · rate {formatNumber(line.currentRate)}/
        {formatNumber(line.ratedRate)} per min ({formatPercent(share)})
      </p>
      <Chart
        height={140}
        label={`${line.name}: OEE today ${kpi === undefined ? 'not yet measured' : formatPercent(kpi.oee)}`}
        option={gauge}
      />
      <div className="stats">
        <Stat label="Good today" value={formatNumber(tally.good)} />
        <Stat label="Defective" value={formatNumber(tally.defective)} />
        <Stat label="Rate" value={formatPercent(share)} hint="of rated" />
      </div>
      <div className="stats">
        <Stat label="Availability" value={kpi === undefined ? '–' : formatPercent(kpi.availability)} />
        <Stat label="Effectiveness" value={kpi === undefined ? '–' : formatPercent(kpi.effectiveness)} />
        <Stat label="Quality" value={kpi === undefined ? '–' : formatPercent(kpi.qualityRatio)} />
      </div>
    </article>
  );
}

/** The share of the year gone by on the plant's date: the plan to date, pro rata. */
function planToDate(plant: PlantGlance): number {
  const start = Date.UTC(plant.year, 0, 1);
  const end = Date.UTC(plant.year + 1, 0, 1);
  const now = Date.parse(`${plant.today}T12:00:00Z`);
  return Math.round((plant.ratedOutputPerYear * (now - start)) / (end - start));
}

function yearLabel(plant: PlantGlance, liveGood: number): string {
  return (
    `${formatNumber(plant.goodThisYear + liveGood)} good rounds made in ${plant.year}, against ` +
    `${formatNumber(planToDate(plant))} planned to date and ${formatNumber(plant.ratedOutputPerYear)} for the year`
  );
}

function yearOption(plant: PlantGlance, liveGood: number): EChartsOption {
  return {
    grid: { left: 110, right: 30, top: 10, bottom: 30 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'value',
      max: plant.ratedOutputPerYear,
      axisLabel: { formatter: (v: number) => `${v / 1e6} M` },
    },
    yAxis: { type: 'category', data: ['Plan to date', 'Made'], inverse: true },
    series: [
      {
        type: 'bar',
        barWidth: 22,
        data: [
          { value: planToDate(plant), itemStyle: { color: '#b9c6d6' } },
          { value: plant.goodThisYear + liveGood, itemStyle: { color: '#0b5cad' } },
        ],
        label: { show: true, position: 'right', formatter: (p) => formatNumber(Number(p.value)) },
      },
    ],
  };
}
