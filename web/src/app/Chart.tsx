import { useEffect, useRef, useState } from 'react';
import type { EChartsOption } from 'echarts';
import type * as ChartsModule from './echarts.ts';

export type { EChartsOption };

type Charts = typeof ChartsModule;
let loading: Promise<Charts> | undefined;

/** The charts chunk, fetched once, the first time any page draws a chart. */
function loadCharts(): Promise<Charts> {
  loading ??= import('./echarts.ts');
  return loading;
}

/**
 * An ECharts chart. ECharts itself is loaded when the first chart is drawn, so pages without charts (and
 * the first load) never fetch it. `label` is the chart's accessible description (screen readers get it
 * as an image's name); the element gets `data-chart="ready"` once drawn. Registered chart types are in
 * `echarts.ts`: add one there before using it.
 *
 * @example
 * <Chart label="Good cartridges per day, last 30 days" height={240}
 *   option={{ xAxis: { type: 'category', data: days }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: good }] }} />
 */
export function Chart({
  option,
  height,
  label,
}: {
  readonly option: EChartsOption;
  readonly height: number;
  readonly label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<Charts['init']> | undefined>(undefined);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    let observer: ResizeObserver | undefined;
    let frame = 0;
    loadCharts().then(
      ({ init }) => {
        if (!live || element.current === null || box.current === null) return;
        chart.current = init(element.current, undefined, { renderer: 'canvas' });
        // The chart follows its container (a grid column that settles after the first paint, a window
        // resized): ECharts draws at the size it measured and never looks again by itself. One resize per
        // frame, so a burst of changes draws once and the observer never loops.
        observer = new ResizeObserver(() => {
          cancelAnimationFrame(frame);
          frame = requestAnimationFrame(() => chart.current?.resize());
        });
        observer.observe(box.current);
        setReady(true);
      },
      (e: unknown) => live && setFailed(String(e)),
    );
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (!ready || chart.current === undefined) return;
    // Measure again before drawing: the container may have changed since the chart was made.
    chart.current.resize();
    chart.current.setOption({ animation: false, ...option }, { notMerge: true });
  }, [ready, option]);

  return (
    <div
      ref={box}
      className="chart"
      role="img"
      aria-label={label}
      data-chart={ready ? 'ready' : 'loading'}
      style={{ height }}
    >
      <div ref={element} style={{ width: '100%', height: '100%' }} />
      {failed !== undefined && <p className="problem">The chart could not be loaded: {failed}</p>}
    </div>
  );
}
