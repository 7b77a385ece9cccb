import { useEffect } from 'react';
import { Chart } from '../../app/Chart.tsx';
import { ErrorBox, formatNumber, formatPercent, Stat, Table, useApi } from '../../app/ui/index.ts';
import { StatusBadge } from '../lots/StatusBadge.tsx';
import { linesOption, lossesOption } from './charts.ts';
import type { StudyResult } from './types.ts';

const millions = (v: number) => `${(v / 1e6).toFixed(2)} M`;

/**
 * One study: its progress while it runs (read again each second), then the verdict, P10/P50/P90 of
 * good rounds by line, OEE by line and the losses.
 *
 * @example
 * <StudyView id="sim-…" onSettled={list.reload} />
 */
export function StudyView({ id, onSettled }: { readonly id: string; readonly onSettled: () => void }) {
  const study = useApi<StudyResult>(`/simulations/${encodeURIComponent(id)}`);
  const s = study.data;
  const running = s !== undefined && (s.status === 'queued' || s.status === 'running');
  const { reload } = study;

  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(reload, 1000);
    return () => clearTimeout(timer);
  }, [running, reload, s]);

  useEffect(() => {
    if (s !== undefined && !running) onSettled();
  }, [s, running, onSettled]);

  if (s === undefined) return <ErrorBox error={study.error} />;
  const summary = s.result?.summary;
  const verdict = s.result?.verdict;
  return (
    <div className="card stack" aria-live="polite">
      <div className="page-head">
        <h2>
          Study of {s.replications} replications over {s.horizonDays} days <StatusBadge status={s.status} />
        </h2>
        <span className="muted">
          seed {s.seed}, asked by {s.requestedBy.replace(/^user:/, '')}
        </span>
      </div>
      {running && (
        <label className="actions">
          Progress
          <progress max={s.progress.total} value={s.progress.done} />
          {s.progress.done} of {s.progress.total} replications
        </label>
      )}
      {s.error !== null && <p className="problem">{s.error}</p>}
      {summary && verdict && (
        <>
          <p className={verdict.answer === 'yes' ? 'ok-box' : 'error-box'} role="status">
            {verdict.headline}
          </p>
          <div className="row">
            <Stat label="Good rounds P10" value={millions(summary.plant.good.p10)} />
            <Stat label="Good rounds P50" value={millions(summary.plant.good.p50)} />
            <Stat label="Good rounds P90" value={millions(summary.plant.good.p90)} />
            <Stat label="Rated for the horizon" value={millions(summary.ratedOutput)} />
            <Stat label="Runs reaching rated" value={formatPercent(summary.plant.shareReachingRated)} />
          </div>
          <div className="grid grid-2">
            <Chart
              option={linesOption(summary)}
              height={300}
              label={`Good rounds by line, P10/P50/P90: ${summary.lines
                .map((l) => `${l.id} ${millions(l.good.p10)}/${millions(l.good.p50)}/${millions(l.good.p90)}`)
                .join('; ')}`}
            />
            <Chart
              option={lossesOption(summary)}
              height={300}
              label={`Losses: ${summary.losses.map((l) => `${l.cause} ${millions(l.rounds)}`).join('; ')}`}
            />
          </div>
          <Table
            caption="ISO 22400 KPIs by line (P50)"
            rows={summary.lines}
            rowKey={(l) => l.id}
            columns={[
              { header: 'Line', cell: (l) => l.id },
              { header: 'Good (P50)', cell: (l) => formatNumber(l.good.p50), align: 'right' },
              { header: 'Availability', cell: (l) => formatPercent(l.availability.p50), align: 'right' },
              { header: 'Effectiveness', cell: (l) => formatPercent(l.effectiveness.p50), align: 'right' },
              { header: 'Quality', cell: (l) => formatPercent(l.qualityRatio.p50), align: 'right' },
              { header: 'OEE', cell: (l) => formatPercent(l.oee.p50), align: 'right' },
            ]}
          />
          <div className="grid grid-2">
            <div>
              <h3>Assumptions</h3>
              <ul>
                {verdict.assumptions.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </div>
            <div>
              <h3>What limits it</h3>
              <ul>
                {verdict.limits.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
