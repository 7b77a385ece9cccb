import type { EChartsOption } from '../../app/Chart.tsx';
import { formatNumber } from '../../app/ui/format.ts';
import type { KpiRow, RecordedLineEvent } from '../overview/types.ts';

/** Colours of PackML states on the timeline: running green, waiting amber, stopped red, the rest grey. */
const stateColour: Readonly<Record<string, string>> = {
  Execute: '#2e8b57',
  Idle: '#e0b84c',
  Starting: '#e0b84c',
  Suspended: '#e0904c',
  Held: '#c0392b',
  Stopped: '#7f8c99',
  Aborted: '#8e1f1f',
};

const reasonColours = [
  '#c0392b',
  '#8e44ad',
  '#d35400',
  '#2c3e50',
  '#16a085',
  '#7f8c8d',
  '#b7950b',
  '#1f618d',
];

/** One bar of the timeline: row (0 states, 1 stops), start and end (ms), label. */
interface Segment {
  readonly row: number;
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly colour: string;
}

/**
 * The line's states as consecutive segments, and its stops by reason, from its recorded events. The
 * first segment is the state the window opened in (`opening`, the last state before `fromMs`, drawn
 * from `fromMs`), so the row has no gap before the first change inside the window.
 *
 * @example
 * timelineSegments(events, Date.parse(plant.now), opening, Date.parse(plant.now) - 24 * 3600_000);
 */
export function timelineSegments(
  events: readonly RecordedLineEvent[],
  nowMs: number,
  opening: RecordedLineEvent | null = null,
  fromMs?: number,
): Segment[] {
  const segments: Segment[] = [];
  const inside = events.filter((e) => e.kind === 'state' && e.state !== null);
  const states =
    opening !== null && opening.state !== null && fromMs !== undefined
      ? [{ ...opening, at: new Date(fromMs).toISOString() }, ...inside]
      : inside;
  states.forEach((e, i) => {
    const start = Date.parse(e.at);
    const end = i + 1 < states.length ? Date.parse(states[i + 1]?.at ?? e.at) : nowMs;
    const label = e.reason === null ? (e.state ?? '') : `${e.state ?? ''} (${e.reason})`;
    if (end > start)
      segments.push({ row: 0, start, end, label, colour: stateColour[e.state ?? ''] ?? '#95a5a6' });
  });
  const reasons = [
    ...new Set(events.filter((e) => e.kind === 'stop').map((e) => e.reason ?? 'unknown')),
  ].sort();
  for (const e of events) {
    if (e.kind !== 'stop') continue;
    const start = Date.parse(e.at);
    const end = e.endedAt === null ? nowMs : Date.parse(e.endedAt);
    const reason = e.reason ?? 'unknown';
    segments.push({
      row: 1,
      start,
      end: Math.max(end, start + 60_000),
      label: `Stop: ${reason}`,
      colour: reasonColours[reasons.indexOf(reason) % reasonColours.length] ?? '#c0392b',
    });
  }
  return segments;
}

interface RenderApi {
  value(dimension: number): number;
  coord(point: readonly number[]): number[];
  size(point: readonly number[]): number[];
  style(): Record<string, unknown>;
}

/** The state timeline: a row of PackML states and a row of stops, coloured by state and by reason. */
export function timelineOption(segments: readonly Segment[], fromMs: number, toMs: number): EChartsOption {
  return {
    tooltip: {
      formatter: (p: unknown) => {
        const d = (p as { data: { name: string; value: number[] } }).data;
        const minutes = Math.round(((d.value[2] ?? 0) - (d.value[1] ?? 0)) / 60_000);
        return `${d.name}: ${new Date(d.value[1] ?? 0).toISOString().slice(11, 16)} UTC, ${minutes} min`;
      },
    },
    grid: { left: 70, right: 20, top: 10, bottom: 30 },
    xAxis: { type: 'time', min: fromMs, max: toMs },
    yAxis: { type: 'category', data: ['State', 'Stops'], inverse: true },
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        renderItem: ((_params: unknown, api: RenderApi) => {
          const row = api.value(0);
          const start = api.coord([api.value(1), row]);
          const end = api.coord([api.value(2), row]);
          const height = (api.size([0, 1])[1] ?? 20) * 0.6;
          return {
            type: 'rect',
            shape: {
              x: start[0] ?? 0,
              y: (start[1] ?? 0) - height / 2,
              width: Math.max((end[0] ?? 0) - (start[0] ?? 0), 1),
              height,
            },
            style: api.style(),
          };
        }) as never,
        data: segments.map((s) => ({
          name: s.label,
          value: [s.row, s.start, s.end],
          itemStyle: { color: s.colour },
        })),
      },
    ],
  };
}

/** Minutes of each loss, summed over the days: ISO 22400 time elements, planned busy time down to good time. */
export function lossSteps(rows: readonly KpiRow[]): { readonly name: string; readonly minutes: number }[] {
  let planned = 0;
  let setup = 0;
  let delay = 0;
  let run = 0;
  let ideal = 0;
  let goodTime = 0;
  const downs = new Map<string, number>();
  for (const r of rows) {
    planned += r.record.plannedBusyTime;
    setup += r.record.setupTime ?? 0;
    delay += r.record.delayTime ?? 0;
    run += r.record.actualProductionTime;
    ideal += r.record.producedQuantity * r.record.plannedRunTimePerItem;
    goodTime += r.record.goodQuantity * r.record.plannedRunTimePerItem;
    for (const [reason, minutes] of Object.entries(r.record.downTimes ?? {}))
      downs.set(reason, (downs.get(reason) ?? 0) + minutes);
  }
  const downTotal = [...downs.values()].reduce((s, m) => s + m, 0);
  const steps = [{ name: 'Planned busy time', minutes: planned }];
  for (const [reason, minutes] of [...downs].sort((a, b) => b[1] - a[1]))
    steps.push({ name: `Down: ${reason}`, minutes: -minutes });
  steps.push({ name: 'Set-up', minutes: -setup });
  steps.push({ name: 'Delay', minutes: -delay });
  const unaccounted = planned - downTotal - setup - delay - run;
  if (Math.abs(unaccounted) >= 1) steps.push({ name: 'Unaccounted', minutes: -unaccounted });
  steps.push({ name: 'Speed loss', minutes: -(run - ideal) });
  steps.push({ name: 'Quality loss', minutes: -(ideal - goodTime) });
  steps.push({ name: 'Good output time', minutes: goodTime });
  return steps.filter((s, i) => i === 0 || i === steps.length - 1 || Math.abs(s.minutes) >= 0.5);
}

/** The OEE loss waterfall: each loss hangs from what was left before it. */
export function waterfallOption(
  steps: readonly { readonly name: string; readonly minutes: number }[],
): EChartsOption {
  const base: number[] = [];
  const value: number[] = [];
  let level = 0;
  steps.forEach((s, i) => {
    if (i === 0 || i === steps.length - 1) {
      base.push(0);
      value.push(Math.round(s.minutes));
      level = s.minutes;
    } else {
      level += s.minutes;
      base.push(Math.round(Math.max(level, 0)));
      value.push(Math.round(-s.minutes));
    }
  });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 60, right: 20, top: 36, bottom: 90 },
    xAxis: { type: 'category', data: steps.map((s) => s.name), axisLabel: { rotate: 35, interval: 0 } },
    yAxis: { type: 'value', name: 'minutes' },
    series: [
      {
        type: 'bar',
        stack: 'loss',
        data: base,
        itemStyle: { color: 'transparent' },
        tooltip: { show: false },
      },
      {
        type: 'bar',
        stack: 'loss',
        data: value.map((v, i) => ({
          value: v,
          itemStyle: { color: i === 0 ? '#5d7fa3' : i === steps.length - 1 ? '#2e8b57' : '#c0392b' },
        })),
        label: { show: true, position: 'top', formatter: (p) => formatNumber(Number(p.value)) },
      },
    ],
  };
}

/** Stop minutes by reason, largest first, with the cumulative share (Pareto). */
export function paretoOption(minutesByReason: ReadonlyMap<string, number>): EChartsOption {
  const sorted = [...minutesByReason].filter(([, m]) => m > 0).sort((a, b) => b[1] - a[1]);
  const total = sorted.reduce((s, [, m]) => s + m, 0);
  let running = 0;
  const cumulative = sorted.map(([, m]) => {
    running += m;
    return total === 0 ? 0 : Math.round((running / total) * 1000) / 10;
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['Minutes stopped', 'Cumulative share'], bottom: 0 },
    grid: { left: 60, right: 50, top: 36, bottom: 70 },
    xAxis: { type: 'category', data: sorted.map(([r]) => r), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: [
      { type: 'value', name: 'minutes' },
      { type: 'value', name: '%', max: 100, min: 0 },
    ],
    series: [
      {
        name: 'Minutes stopped',
        type: 'bar',
        data: sorted.map(([, m]) => Math.round(m)),
        itemStyle: { color: '#c0392b' },
      },
      {
        name: 'Cumulative share',
        type: 'line',
        yAxisIndex: 1,
        data: cumulative,
        itemStyle: { color: '#1b2430' },
      },
    ],
  };
}

/** Stop minutes by reason: from the KPI records' down times, else from the stops' own durations. */
export function stopMinutes(
  rows: readonly KpiRow[],
  events: readonly RecordedLineEvent[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows)
    for (const [reason, minutes] of Object.entries(r.record.downTimes ?? {}))
      out.set(reason, (out.get(reason) ?? 0) + minutes);
  if (out.size > 0) return out;
  for (const e of events)
    if (e.kind === 'stop' && e.endedAt !== null) {
      const reason = e.reason ?? 'unknown';
      out.set(reason, (out.get(reason) ?? 0) + (Date.parse(e.endedAt) - Date.parse(e.at)) / 60_000);
    }
  return out;
}
