/**
 * What the command line prints. stdout carries the result (one JSON value with `--json`);
 * everything else (logs, progress, warnings) goes to stderr so that pipes stay clean.
 */
export interface Output {
  /** The command's result as one JSON value on stdout. */
  json(value: unknown): void;
  /** A line of human-readable result on stdout. */
  line(text?: string): void;
  /** A warning or log line on stderr. */
  note(text: string): void;
  /** Rows as an aligned table on stdout. */
  table(
    rows: readonly Record<string, string | number | boolean | null | undefined>[],
    columns?: readonly string[],
  ): void;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  readonly interactive: boolean;
  /** A progress bar on stderr; a no-op when not interactive. */
  progress(label: string, total: number): Progress;
}

export interface Progress {
  tick(done: number): void;
  finish(): void;
}

export interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export function createOutput(streams: Streams = { stdout: process.stdout, stderr: process.stderr }): Output {
  const interactive = streams.stderr.isTTY === true;
  return {
    interactive,
    json: (value) => streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    line: (text = '') => streams.stdout.write(`${text}\n`),
    note: (text) => streams.stderr.write(`${text}\n`),
    table: (rows, columns) => streams.stdout.write(formatTable(rows, columns)),
    progress: (label, total) =>
      interactive ? terminalProgress(streams.stderr, label, total) : silentProgress,
  };
}

const silentProgress: Progress = { tick: () => undefined, finish: () => undefined };

function terminalProgress(stderr: NodeJS.WritableStream, label: string, total: number): Progress {
  const width = 30;
  let last = -1;
  const draw = (done: number): void => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(share * width);
    const percent = Math.floor(share * 100);
    if (percent === last) return;
    last = percent;
    stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% (${done}/${total})`,
    );
  };
  return {
    tick: draw,
    finish: () => {
      draw(total);
      stderr.write('\n');
    },
  };
}

/** Rows as an aligned plain-text table, header first. */
export function formatTable(
  rows: readonly Record<string, string | number | boolean | null | undefined>[],
  columns?: readonly string[],
): string {
  const first = rows[0];
  if (first === undefined) return '(none)\n';
  const cols = columns ?? Object.keys(first);
  const cell = (v: string | number | boolean | null | undefined): string =>
    v === null || v === undefined ? '' : typeof v === 'number' ? v.toLocaleString('en-US') : String(v);
  const body = rows.map((r) => cols.map((c) => cell(r[c])));
  const widths = cols.map((c, i) => Math.max(c.length, ...body.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: readonly string[]): string =>
    cells
      .map((s, i) => s.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [fmt(cols), fmt(widths.map((w) => '-'.repeat(w))), ...body.map(fmt)].join('\n') + '\n';
}
