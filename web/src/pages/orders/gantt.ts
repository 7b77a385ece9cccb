import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { Placement } from './types.ts';

const productColours = ['#0b5cad', '#1d6b34', '#8a5a00', '#6a3d9a', '#00707a', '#9c2f6b'];
const changeoverColour = '#9aa5b1';

/** Each product keeps one colour across the chart, in the order products first appear. */
export function productColour(products: readonly string[], productId: string): string {
  const i = products.indexOf(productId);
  return productColours[(i < 0 ? 0 : i) % productColours.length] ?? '#0b5cad';
}

type Bar = [
  line: number,
  start: number,
  end: number,
  kind: 'run' | 'changeover' | 'late',
  label: string,
  product: string,
];

/** Percent of the schedule's span that shows its first three days. */
function zoomEnd(placements: readonly Placement[]): number {
  const starts = placements.map((p) => Date.parse(p.startsAt) - p.changeoverMinutes * 60_000);
  const ends = placements.map((p) => Date.parse(p.endsAt));
  const span = Math.max(...ends) - Math.min(...starts);
  return span <= 0 ? 100 : Math.min(100, (3 * 24 * 3600_000 * 100) / span);
}

/**
 * The schedule as a Gantt chart: one row per line, a bar per production order (its product's colour,
 * a red edge when it finishes after its due date), and the changeover before it in grey.
 *
 * @example
 * <Chart option={ganttOption(placements, names)} height={260} label="Schedule by line" />
 */
export function ganttOption(
  placements: readonly Placement[],
  orderNames: ReadonlyMap<string, string>,
): EChartsOption {
  const lines = [...new Set(placements.map((p) => p.lineId))].sort();
  const products = [...new Set(placements.map((p) => p.productId))].sort();
  const bars: Bar[] = [];
  for (const p of placements) {
    const line = lines.indexOf(p.lineId);
    const start = Date.parse(p.startsAt);
    const name = orderNames.get(p.productionOrderId) ?? p.productionOrderId;
    if (p.changeoverMinutes > 0)
      bars.push([
        line,
        start - p.changeoverMinutes * 60_000,
        start,
        'changeover',
        `changeover to ${p.productId} (${p.changeoverMinutes} min)`,
        p.productId,
      ]);
    bars.push([
      line,
      start,
      Date.parse(p.endsAt),
      p.late ? 'late' : 'run',
      `${name}: ${p.productId}, ${p.quantity.toLocaleString('en-GB')} rounds${p.late ? ' (late)' : ''}`,
      p.productId,
    ]);
  }
  return {
    tooltip: {
      formatter: (params) => {
        const value = (params as { value?: Bar }).value;
        if (value === undefined) return '';
        const fmt = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16);
        return `${lines[value[0]] ?? ''}: ${value[4]}<br/>${fmt(value[1])} → ${fmt(value[2])} UTC`;
      },
    },
    grid: { left: 50, right: 20, top: 30, bottom: 60 },
    legend: {
      top: 0,
      data: [...products, 'changeover'],
    },
    // The first days are what a planner acts on; the slider reaches the rest.
    dataZoom: [
      { type: 'slider', xAxisIndex: 0, bottom: 10, height: 18, start: 0, end: zoomEnd(placements) },
      { type: 'inside', xAxisIndex: 0 },
    ],
    xAxis: { type: 'time' },
    yAxis: { type: 'category', data: lines, inverse: true },
    series: [
      ...products.map((product) => ({
        type: 'custom' as const,
        name: product,
        itemStyle: { color: productColour(products, product) },
        encode: { x: [1, 2], y: 0 },
        data: bars.filter((b) => b[3] !== 'changeover' && b[5] === product),
        renderItem: barOf(productColour(products, product)),
      })),
      {
        type: 'custom' as const,
        name: 'changeover',
        itemStyle: { color: changeoverColour },
        encode: { x: [1, 2], y: 0 },
        data: bars.filter((b) => b[3] === 'changeover'),
        renderItem: barOf(changeoverColour),
      },
    ],
  };
}

/** Draws one bar of a row; the colour is the series' own (a product, or changeover grey). */
const barOf =
  (colour: string): CustomSeriesRenderItem =>
  (_params, api) => {
    const line = Number(api.value(0));
    const start = api.coord([Number(api.value(1)), line]);
    const end = api.coord([Number(api.value(2)), line]);
    const size = api.size?.([0, 1]);
    const height = (Array.isArray(size) ? (size[1] ?? 20) : 20) * 0.6;
    const late = String(api.value(3)) === 'late';
    const x = start[0] ?? 0;
    const y = (start[1] ?? 0) - height / 2;
    return {
      type: 'rect',
      shape: { x, y, width: Math.max(1, (end[0] ?? 0) - x), height },
      style: { fill: colour, stroke: late ? '#b01c1c' : '#ffffff', lineWidth: late ? 2 : 1 },
    };
  };
