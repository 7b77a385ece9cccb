/**
 * The capacity study as one self-contained HTML file: the verdict, the tables, and charts drawn by
 * Apache ECharts, whose script is inlined so the file opens anywhere, offline, on its own.
 * Charts: the distribution of annual output, losses per line, OEE per line, and (when both were
 * run) the effect of a supply disruption, or the variants of a sensitivity study.
 *
 * @example
 * writeFileSync('study.html', renderReport({ scenario, file: 'seed-plant.yaml', main: summary }));
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Scenario } from '../../domain/scenario/index.ts';
import type { StudySummary } from './summary.ts';
import { judge } from './verdict.ts';

export interface ReportInput {
  readonly scenario: Scenario;
  readonly file: string;
  readonly main: StudySummary;
  /** The same study with the supply disruption off and on. */
  readonly disruption?: { readonly off: StudySummary; readonly on: StudySummary };
  /** A sensitivity study: one summary per value. */
  readonly variants?: readonly { readonly label: string; readonly summary: StudySummary }[];
}

let echartsScript: string | undefined;

function echarts(): string {
  echartsScript ??= readFileSync(
    createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'),
    'utf8',
  );
  return echartsScript;
}

/** Text safe inside HTML. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Renders the report. */
export function renderReport(input: ReportInput): string {
  const { main, scenario } = input;
  const verdict = judge(scenario, main, input.disruption?.on);
  const mill = (x: number): string => (x / 1e6).toFixed(2);
  const rows = main.lines
    .map(
      (l) =>
        `<tr><td>${escape(l.id)}</td><td>${mill(l.good.p10)}</td><td>${mill(l.good.p50)}</td><td>${mill(l.good.p90)}</td>` +
        `<td>${(l.availability.p50 * 100).toFixed(1)}</td><td>${(l.effectiveness.p50 * 100).toFixed(1)}</td>` +
        `<td>${(l.qualityRatio.p50 * 100).toFixed(1)}</td><td>${(l.oee.p50 * 100).toFixed(1)}</td></tr>`,
    )
    .join('\n');
  const causes = [...new Set(main.lines.flatMap((l) => Object.keys(l.losses)))];
  const data = {
    rated: main.ratedOutput,
    histogram: histogram([
      {
        name: input.disruption ? 'disruption off' : 'good output',
        values: (input.disruption?.off ?? main).goodByReplication,
      },
      ...(input.disruption ? [{ name: 'disruption on', values: input.disruption.on.goodByReplication }] : []),
    ]),
    lines: main.lines.map((l) => l.id),
    losses: causes.map((cause) => ({
      name: cause,
      values: main.lines.map((l) => (l.losses[cause] ?? 0) / 1e6),
    })),
    oee: {
      availability: main.lines.map((l) => l.availability.p50 * 100),
      effectiveness: main.lines.map((l) => l.effectiveness.p50 * 100),
      quality: main.lines.map((l) => l.qualityRatio.p50 * 100),
      oee: main.lines.map((l) => l.oee.p50 * 100),
    },
    compare: input.disruption
      ? {
          title: 'Effect of the supply disruption (good output, M rounds)',
          labels: ['disruption off', 'disruption on'],
          studies: [input.disruption.off, input.disruption.on].map(compareRow),
        }
      : input.variants
        ? {
            title: 'Sensitivity (good output, M rounds)',
            labels: input.variants.map((v) => v.label),
            studies: input.variants.map((v) => compareRow(v.summary)),
          }
        : undefined,
  };
  const charts = ['output', 'losses', 'oee', ...(data.compare ? ['compare'] : [])];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Capacity study: ${escape(scenario.plant.name)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #1b1f24; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; } td, th { padding: 0.25rem 0.75rem; text-align: right; border-bottom: 1px solid #ddd; }
td:first-child, th:first-child { text-align: left; }
.chart { width: 100%; height: 380px; }
.verdict { font-size: 1.05rem; background: #f3f6fa; border-left: 4px solid #2f6db5; padding: 0.75rem 1rem; }
</style>
</head>
<body>
<h1>Capacity study: ${escape(scenario.plant.name)}</h1>
<p>${escape(input.file)}: ${main.replications} replications of ${main.horizonDays} days, seed ${main.seed}.</p>
<p class="verdict" id="verdict">${escape(verdict.headline)}</p>
<h2>Assumptions</h2>
<ul>${verdict.assumptions.map((a) => `<li>${escape(a)}</li>`).join('')}</ul>
<h2>What limits it</h2>
<ul>${verdict.limits.map((a) => `<li>${escape(a)}</li>`).join('')}</ul>
<h2>Lines (good output in M rounds; ISO 22400 KPIs in %, medians)</h2>
<table>
<tr><th>line</th><th>P10</th><th>P50</th><th>P90</th><th>availability</th><th>effectiveness</th><th>quality</th><th>OEE</th></tr>
${rows}
<tr><td>plant</td><td>${mill(main.plant.good.p10)}</td><td>${mill(main.plant.good.p50)}</td><td>${mill(main.plant.good.p90)}</td><td></td><td></td><td></td><td></td></tr>
</table>
<h2>Distribution of annual output</h2><div class="chart" id="chart-output"></div>
<h2>Losses per line</h2><div class="chart" id="chart-losses"></div>
<h2>OEE per line</h2><div class="chart" id="chart-oee"></div>
${data.compare ? `<h2>${escape(data.compare.title)}</h2><div class="chart" id="chart-compare"></div>` : ''}
<script id="echarts-library">${echarts().replace(/<\/script/gi, '<\\/script')}</script>
<script id="study-data" type="application/json">${scriptJson(data)}</script>
<script>
const data = JSON.parse(document.getElementById('study-data').textContent);
const charts = ${JSON.stringify(charts)};
const draw = (id, option) => echarts.init(document.getElementById('chart-' + id), null, { renderer: 'canvas' }).setOption(option);
draw('output', {
  tooltip: { trigger: 'axis' }, legend: {},
  xAxis: { type: 'category', name: 'M rounds', data: data.histogram.bins },
  yAxis: { type: 'value', name: 'replications' },
  title: { subtext: 'rated output over the horizon: ' + (data.rated / 1e6).toFixed(2) + ' M rounds', left: 'right' },
  series: data.histogram.series.map((s) => ({ name: s.name, type: 'bar', data: s.counts, barGap: '0%' })),
});
draw('losses', {
  tooltip: { trigger: 'axis' }, legend: { type: 'scroll' },
  xAxis: { type: 'category', data: data.lines }, yAxis: { type: 'value', name: 'M rounds' },
  series: data.losses.map((l) => ({ name: l.name, type: 'bar', stack: 'losses', data: l.values.map((v) => +v.toFixed(3)) })),
});
draw('oee', {
  tooltip: { trigger: 'axis' }, legend: {},
  xAxis: { type: 'category', data: data.lines }, yAxis: { type: 'value', name: '%', min: 0, max: 100 },
  series: ['availability', 'effectiveness', 'quality', 'oee'].map((k) => ({ name: k === 'oee' ? 'OEE' : k, type: 'bar', data: data.oee[k].map((v) => +v.toFixed(1)) })),
});
if (data.compare) draw('compare', {
  tooltip: { trigger: 'axis' }, legend: {},
  xAxis: { type: 'category', data: data.compare.labels }, yAxis: { type: 'value', name: 'M rounds', scale: true },
  series: ['p10', 'p50', 'p90'].map((k) => ({ name: k.toUpperCase(), type: 'bar', data: data.compare.studies.map((s) => s[k]) })),
});
document.body.dataset.charts = String(charts.length);
</script>
</body>
</html>
`;
}

function compareRow(s: StudySummary): { p10: number; p50: number; p90: number } {
  const r = (x: number): number => Math.round(x / 1e4) / 100;
  return { p10: r(s.plant.good.p10), p50: r(s.plant.good.p50), p90: r(s.plant.good.p90) };
}

/** Common bins (in M rounds) for several samples, so they can be drawn side by side. */
function histogram(samples: readonly { name: string; values: readonly number[] }[]): {
  bins: string[];
  series: { name: string; counts: number[] }[];
} {
  const all = samples.flatMap((s) => s.values);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const count = Math.max(1, Math.min(30, Math.ceil(Math.sqrt(all.length))));
  const width = (hi - lo) / count || 1;
  const bins = Array.from({ length: count }, (_, i) => ((lo + (i + 0.5) * width) / 1e6).toFixed(2));
  return {
    bins,
    series: samples.map((s) => {
      const counts = new Array<number>(count).fill(0);
      for (const v of s.values) counts[Math.min(count - 1, Math.floor((v - lo) / width))]! += 1;
      return { name: s.name, counts };
    }),
  };
}
