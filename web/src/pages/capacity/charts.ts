import type { EChartsOption } from 'echarts';
import type { StudyResult } from './types.ts';

type Summary = NonNullable<StudyResult['result']>['summary'];
const millions = (v: number) => `${(v / 1e6).toFixed(2)} M`;

/**
 * Good rounds per line over the horizon: P10, P50 and P90 of the replications side by side.
 *
 * @example
 * <Chart option={linesOption(summary)} height={300} label="Good rounds by line" />
 */
export function linesOption(summary: Summary): EChartsOption {
  const lines = summary.lines.map((l) => l.id);
  const series = (['p10', 'p50', 'p90'] as const).map((p, i) => ({
    name: p.toUpperCase(),
    type: 'bar' as const,
    itemStyle: { color: ['#9cc3ea', '#0b5cad', '#06305c'][i] },
    data: summary.lines.map((l) => Math.round(l.good[p])),
  }));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => millions(Number(v)) },
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: lines },
    yAxis: { type: 'value', name: 'good rounds', axisLabel: { formatter: (v: number) => millions(v) } },
    series,
  };
}

/**
 * Where output is lost, the largest loss first (rounds over the horizon, plant total).
 *
 * @example
 * <Chart option={lossesOption(summary)} height={260} label="Losses" />
 */
export function lossesOption(summary: Summary): EChartsOption {
  const losses = [...summary.losses].sort((a, b) => a.rounds - b.rounds);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => millions(Number(v)) },
    grid: { left: 170, right: 60, top: 10, bottom: 30 },
    xAxis: {
      type: 'value',
      splitNumber: 3,
      axisLabel: { formatter: (v: number) => millions(v), hideOverlap: true },
    },
    yAxis: { type: 'category', data: losses.map((l) => l.cause) },
    series: [
      {
        type: 'bar',
        itemStyle: { color: '#b01c1c' },
        label: { show: true, position: 'right', formatter: (p) => millions(Number(p.value)) },
        data: losses.map((l) => Math.round(l.rounds)),
      },
    ],
  };
}
