import type { EChartsOption } from 'echarts';
import type { ForwardTrace } from './types.ts';

interface Flow {
  readonly source: string;
  readonly target: string;
  value: number;
}

/**
 * Lots to consignees as a Sankey diagram: each lot's crates flow to their shipment and on to the
 * consignee, or to where they stand in the plant; widths are rounds.
 *
 * @example
 * <Chart option={traceOption(traces)} height={420} label="Where the lot went" />
 */
export function traceFlows(traces: readonly ForwardTrace[]): Flow[] {
  const flows = new Map<string, Flow>();
  const add = (source: string, target: string, value: number) => {
    if (value <= 0) return;
    const key = `${source}→${target}`;
    const found = flows.get(key);
    if (found) found.value += value;
    else flows.set(key, { source, target, value });
  };
  for (const t of traces) {
    const lot = `lot ${t.lotNumber}`;
    for (const c of t.crates) {
      if (c.shipmentNumber === null) add(lot, `in plant: ${c.locationId}`, c.rounds);
      else {
        add(lot, c.shipmentNumber, c.rounds);
        add(c.shipmentNumber, `consignee ${c.consigneeId ?? '?'}`, c.rounds);
      }
    }
  }
  return [...flows.values()];
}

export function traceOption(traces: readonly ForwardTrace[]): EChartsOption {
  const flows = traceFlows(traces);
  const names = [...new Set(flows.flatMap((f) => [f.source, f.target]))];
  const colour = (name: string) =>
    name.startsWith('lot ')
      ? '#0b5cad'
      : name.startsWith('consignee ')
        ? '#1d6b34'
        : name.startsWith('in plant')
          ? '#8a5a00'
          : '#6a3d9a';
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'sankey',
        left: 10,
        right: 160,
        top: 10,
        bottom: 10,
        nodeGap: 10,
        emphasis: { focus: 'adjacency' },
        label: { color: '#1b2430', formatter: '{b}' },
        lineStyle: { color: 'source', opacity: 0.35 },
        data: names.map((name) => ({ name, itemStyle: { color: colour(name) } })),
        links: flows.map((f) => ({ ...f })),
      },
    ],
  };
}
