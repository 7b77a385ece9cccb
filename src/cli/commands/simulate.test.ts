import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { oneLinePlant } from '../../sim/plant/test-scenario.ts';
import { main } from '../main.ts';
import { parseHorizon } from './simulate.ts';

function capture(): {
  streams: { stdout: PassThrough; stderr: PassThrough };
  out: () => string;
  err: () => string;
} {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => (o += d.toString()));
  stderr.on('data', (d: Buffer) => (e += d.toString()));
  return { streams: { stdout, stderr }, out: () => o, err: () => e };
}

/** A small plant: one line, round the clock, with a primer-like supply disruption described. */
function smallScenarioFile(): string {
  const scenario = oneLinePlant((s) => {
    s.lines[0]!.ratedRate = 100;
    s.plant.ratedOutputPerYear = 40_000_000;
    s.components[0]!.initialStock = 2_000_000;
    s.components[0]!.delivery = { everyDays: 14, quantity: 2_100_000, leadTimeDays: 30 };
    s.components[0]!.disruption = { enabled: false, from: '2026-03-02', durationDays: 30 };
    s.simulation = { horizonDays: 91, replications: 12, seed: 7 };
  });
  const dir = mkdtempSync(join(tmpdir(), 'headstamp-simulate-'));
  const file = join(dir, 'small.yaml');
  writeFileSync(file, stringify(scenario));
  return file;
}

/** Runs the report's last inline script against a stub DOM and ECharts; returns each chart's option. */
function runPageScript(html: string): Record<string, { series: unknown[] }> {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const page = scripts.at(-1)!;
  const data = /<script id="study-data" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!;
  const drawn: Record<string, { series: unknown[] }> = {};
  const elements = new Map<string, { id: string; textContent?: string }>([
    ['study-data', { id: 'study-data', textContent: data }],
  ]);
  const document = {
    body: { dataset: {} as Record<string, string> },
    getElementById: (id: string) => elements.get(id) ?? { id },
  };
  const echarts = {
    init: (element: { id: string }) => ({
      setOption: (option: { series: unknown[] }) => (drawn[element.id] = option),
    }),
  };
  runInNewContext(page, { document, echarts, JSON });
  expect(document.body.dataset['charts']).toBe('4');
  return drawn;
}

describe('headstamp simulate', () => {
  const file = smallScenarioFile();

  it('prints one JSON object with replications, plant P10/P50/P90 and lines', async () => {
    const io = capture();
    const code = await main(['node', 'headstamp', 'simulate', file, '--json', '--threads', '1'], io.streams);
    expect(code).toBe(0);
    const study = JSON.parse(io.out());
    expect(study.replications).toBe(12);
    expect(study.plant.good.p10).toBeLessThanOrEqual(study.plant.good.p50);
    expect(study.plant.good.p50).toBeLessThanOrEqual(study.plant.good.p90);
    expect(Number.isInteger(study.plant.good.p50)).toBe(true);
    expect(study.lines).toHaveLength(1);
    expect(study.lines[0].id).toBe('L1');
    expect(study.lines[0].good.p50).toBe(study.plant.good.p50);
    expect(study.lines[0].oee.p50).toBeGreaterThan(0);
    expect(study.lines[0].oee.p50).toBeLessThanOrEqual(1);
    expect(['yes', 'likely', 'unlikely', 'no']).toContain(study.verdict.answer);
    expect(io.err()).toBe('');
  });

  it('prints the tables and a verdict, and writes a self-contained report with its charts', async () => {
    const io = capture();
    const report = join(mkdtempSync(join(tmpdir(), 'headstamp-report-')), 'study.html');
    const code = await main(
      ['node', 'headstamp', 'simulate', file, '--report', report, '--replications', '8'],
      io.streams,
    );
    expect(code).toBe(0);
    expect(io.out()).toMatch(/P10\s+P50\s+P90/);
    expect(io.out()).toMatch(/Verdict: /);
    const html = readFileSync(report, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Self-contained: the library is inlined, and nothing else loads scripts, styles or images.
    const library = /<script id="echarts-library">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(library.length).toBeGreaterThan(100_000);
    expect(library).toContain('echarts');
    const page = html.replace(library, '');
    expect(/<script[^>]+src=|<link[^>]+href=|<img/.test(page)).toBe(false);
    for (const id of ['output', 'losses', 'oee', 'compare']) {
      expect(html).toContain(`id="chart-${id}"`);
      expect(html).toContain(`draw('${id}'`);
    }
    const data = JSON.parse(
      /<script id="study-data" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!,
    );
    expect(data.lines).toEqual(['L1']);
    expect(data.histogram.series).toHaveLength(2); // disruption off and on
    expect(data.compare.studies[1].p50).toBeLessThan(data.compare.studies[0].p50);
    // The page's own script runs and hands every chart an option with data (ECharts stubbed).
    const drawn = runPageScript(html);
    expect(Object.keys(drawn).sort()).toEqual(['chart-compare', 'chart-losses', 'chart-oee', 'chart-output']);
    for (const option of Object.values(drawn)) expect(option.series.length).toBeGreaterThan(0);
  });

  it('runs a sensitivity study side by side', async () => {
    const io = capture();
    const code = await main(
      [
        'node',
        'headstamp',
        'simulate',
        file,
        '--vary',
        'lines.L1.ratedRate=80,100',
        '--replications',
        '4',
        '--json',
        '--threads',
        '1',
      ],
      io.streams,
    );
    expect(code).toBe(0);
    const study = JSON.parse(io.out());
    expect(study.variants.map((v: { value: string }) => v.value)).toEqual(['80', '100']);
    expect(study.variants[0].plant.good.p50).toBeLessThan(study.variants[1].plant.good.p50);
  });

  it('refuses bad options with exit code 2, naming the option', async () => {
    const io = capture();
    expect(await main(['node', 'headstamp', 'simulate', file, '--replications', '0'], io.streams)).toBe(2);
    expect(io.err()).toMatch(/--replications: must be an integer >= 1, got 0/);
    const vary = capture();
    expect(
      await main(['node', 'headstamp', 'simulate', file, '--vary', 'lines.L9.ratedRate=1'], vary.streams),
    ).toBe(2);
    expect(vary.err()).toMatch(/L9/);
    expect(() => parseHorizon('tomorrow')).toThrow(/--horizon/);
    expect(parseHorizon('52w')).toBe(52 * 7 * 1440);
  });
});
