import type { EChartsOption } from 'echarts';
import type { LocationUse } from './types.ts';

/**
 * Each location's use against its limit (crates and crate equivalents of loose stock): the limit as a
 * grey bar, the use over it, red when past 90 %.
 *
 * @example
 * <Chart option={occupancyOption(locations)} height={260} label="Stock by location" />
 */
export function occupancyOption(locations: readonly LocationUse[]): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['in stock', 'limit'] },
    grid: { left: 60, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: locations.map((l) => `${l.id} (${l.kind})`) },
    yAxis: { type: 'value', name: 'crates' },
    series: [
      {
        name: 'limit',
        type: 'bar',
        barGap: '-100%',
        itemStyle: { color: '#d5dbe3' },
        data: locations.map((l) => l.limitCrates),
        z: 1,
      },
      {
        name: 'in stock',
        type: 'bar',
        z: 2,
        label: {
          show: true,
          position: 'top',
          formatter: (p) => {
            const l = locations[p.dataIndex];
            return l === undefined ? '' : `${Math.round(l.occupancy)} of ${l.limitCrates}`;
          },
        },
        data: locations.map((l) => ({
          value: Math.round(l.occupancy * 10) / 10,
          itemStyle: { color: l.occupancy > 0.9 * l.limitCrates ? '#b01c1c' : '#0b5cad' },
        })),
      },
    ],
  };
}
