/**
 * The acceptance act of a line as an HTML document that prints on A4: the line, the period,
 * the protocol, each threshold with its measured value and pass or fail, the stops during the
 * test, the signatories and the verdict. The file's exact bytes are what the plant key and
 * every signatory sign (detached signatures, kept in the records and beside the file), so the
 * text is rendered deterministically from the act's content: same content, same bytes.
 *
 * @example
 * const html = renderAct(content);
 * writeFileSync('data/acts/CA-L1-001.html', html);
 */
import type { AcceptanceProtocol } from './protocol.ts';
import { formatThresholdValue, type TestEvaluation } from './evaluate.ts';

export interface ActContent {
  readonly actNumber: string;
  readonly plant: { readonly id: string; readonly name: string };
  readonly line: { readonly id: string; readonly name: string };
  /** When a test begun before it was entered into the records was entered, else null. */
  readonly startEnteredAt: string | null;
  /** Test period actually measured, ISO instants. */
  readonly period: { readonly from: string; readonly to: string };
  /** Closed before the protocol's duration was reached (`--early`). */
  readonly early: boolean;
  readonly protocol: AcceptanceProtocol;
  readonly evaluation: TestEvaluation;
  /** When the act was issued (the plant's clock) and by whom (`user:NAME`). */
  readonly issuedAt: string;
  readonly issuedBy: string;
  /** The ledger key that signs for the plant. */
  readonly plantKeyName: string;
  /** The act this one supersedes, if the line had one. */
  readonly supersedes: string | null;
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const minutes = (m: number): string => `${Math.round(m * 10) / 10}`;
const hours = (m: number): string => `${Math.round((m / 60) * 100) / 100}`;

const STYLE = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "DejaVu Serif", Georgia, serif; font-size: 11pt; color: #000; max-width: 180mm; margin: 0 auto; }
  h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; }
  h2 { font-size: 12pt; border-bottom: 0.4pt solid #000; margin: 6mm 0 2mm; }
  p.sub { text-align: center; margin: 0 0 4mm; }
  table { width: 100%; border-collapse: collapse; margin: 2mm 0; }
  th, td { border: 0.4pt solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  .pass { font-weight: bold; }
  .fail { font-weight: bold; text-decoration: underline; }
  .verdict { font-size: 13pt; border: 1pt solid #000; padding: 3mm; margin: 5mm 0; text-align: center; }
  .sign td { height: 14mm; }
  .sign, .verdict { page-break-inside: avoid; break-inside: avoid; }
  footer { font-size: 8pt; margin-top: 6mm; }
  @media screen { body { margin: 8mm auto; } }
`;

/**
 * The act as HTML (UTF-8, LF line ends). Pure: the same content gives the same bytes.
 *
 * @example
 * renderAct(content).startsWith('<!DOCTYPE html>'); // true
 */
export function renderAct(act: ActContent): string {
  const { protocol: p, evaluation: e } = act;
  const verdict = e.passed ? 'PASSED' : 'FAILED';
  const r = e.record;
  const rows = (cells: readonly string[][]): string =>
    cells.map((c) => `      <tr>${c.join('')}</tr>`).join('\n');
  const td = (text: string, cls = ''): string =>
    `<td${cls === '' ? '' : ` class="${cls}"`}>${escape(text)}</td>`;
  const th = (text: string): string => `<th>${escape(text)}</th>`;

  const thresholdRows = e.thresholds.map((t) => [
    td(t.label),
    td(`${t.bound === 'min' ? '≥' : '≤'} ${formatThresholdValue(t.required, t.unit)}`, 'num'),
    td(formatThresholdValue(t.measured, t.unit), 'num'),
    td(t.passed ? 'pass' : 'FAIL', t.passed ? 'pass' : 'fail'),
  ]);
  const stopRows =
    e.stops.length === 0
      ? [[`<td colspan="5">No stops during the test.</td>`]]
      : e.stops.map((s, i) => [
          td(String(i + 1), 'num'),
          td(when(s.from)),
          td(minutes(s.minutes) + (s.open ? ' (still stopped at close)' : ''), 'num'),
          td(s.reason ?? 'not given'),
          td(s.category),
        ]);
  const downTimes = Object.entries(r.downTimes ?? {})
    .map(([cause, m]) => `${cause} ${minutes(m)}`)
    .join(', ');
  const signRows = [
    [td(`${act.plant.name} (plant key ${act.plantKeyName})`), td('plant'), td('signed electronically')],
    ...p.signatories.map((s) => [td(s.name), td(s.role), td('')]),
  ];

  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Acceptance act ${escape(act.actNumber)}: line ${escape(act.line.id)}</title>
  <style>${STYLE}</style>
</head>
<body>
  <h1>Acceptance act No. ${escape(act.actNumber)}</h1>
  <p class="sub">Acceptance test of line ${escape(act.line.id)} (${escape(act.line.name)}), ${escape(act.plant.name)}</p>

  <h2>1. Line and period</h2>
  <table>
${rows([
  [th('Plant'), td(`${act.plant.name} (${act.plant.id})`)],
  [th('Line'), td(`${act.line.id}: ${act.line.name}`)],
  [
    th('Test period'),
    td(
      `${when(act.period.from)} to ${when(act.period.to)}${act.startEnteredAt === null ? '' : ` (start entered after the fact, ${when(act.startEnteredAt)})`}`,
    ),
  ],
  [
    th('Operating time'),
    td(`${hours(e.periodMinutes)} h of ${p.durationHours} h required${act.early ? ' (closed early)' : ''}`),
  ],
  [th('Supersedes'), td(act.supersedes ?? 'none')],
])}
  </table>

  <h2>2. Protocol</h2>
  <table>
${rows([
  [
    th('Duration'),
    td(`${p.durationHours} h of operating time (the line's shift windows) on the plant's clock`),
  ],
  [th('Products run'), td(p.products.join(', '))],
  [th('Rated rate'), td(`${p.ratedRate} rounds per minute`)],
  [
    th('Thresholds'),
    td(
      `achieved rate ≥ ${formatThresholdValue(p.thresholds.minRateShare, 'share')} of rated; ` +
        `availability ≥ ${formatThresholdValue(p.thresholds.minAvailability, 'share')}; ` +
        `quality ratio ≥ ${formatThresholdValue(p.thresholds.minQualityRatio, 'share')}; ` +
        `longest single stop ≤ ${formatThresholdValue(p.thresholds.maxSingleStopMinutes, 'minutes')}`,
    ),
  ],
])}
  </table>

  <h2>3. Results (ISO 22400-2, from recorded line data)</h2>
  <table>
      <tr>${th('Threshold')}${th('Required')}${th('Measured')}${th('Result')}</tr>
${rows(thresholdRows)}
  </table>
  <table>
${rows([
  [th('Planned busy time (PBT)'), td(`${minutes(r.plannedBusyTime)} min`, 'num')],
  [th('Actual production time (APT)'), td(`${minutes(r.actualProductionTime)} min`, 'num')],
  [th('Set-up time'), td(`${minutes(r.setupTime ?? 0)} min`, 'num')],
  [th('Down time'), td(`${minutes(e.kpis.downTime)} min${downTimes === '' ? '' : ` (${downTimes})`}`, 'num')],
  [th('Delay time'), td(`${minutes(r.delayTime ?? 0)} min`, 'num')],
  [th('Produced quantity (PQ)'), td(`${r.producedQuantity} rounds`, 'num')],
  [th('Good quantity (GQ)'), td(`${r.goodQuantity} rounds`, 'num')],
  [th('OEE'), td(formatThresholdValue(e.kpis.oee, 'share'), 'num')],
])}
  </table>

  <h2>4. Stops during the test</h2>
  <table>
      <tr>${th('No.')}${th('From')}${th('Minutes')}${th('Reason')}${th('Kind')}</tr>
${rows(stopRows)}
  </table>

  <div class="verdict">Verdict: <strong>${verdict}</strong>${
    e.reasons.length === 0 ? '' : `<br>${e.reasons.map(escape).join('<br>')}`
  }${act.early ? '<br>The test was closed before its duration was reached.' : ''}</div>

  <h2>5. Signatories</h2>
  <table class="sign">
      <tr>${th('Name')}${th('Role')}${th('Signature')}</tr>
${rows(signRows)}
  </table>
  <footer>Issued ${escape(when(act.issuedAt))} by ${escape(act.issuedBy)}. Signed with detached Ed25519 signatures over this file's exact bytes; its SHA-256 is recorded in the plant's ledger. Check with: headstamp commission verify ${escape(act.actNumber)}.html</footer>
</body>
</html>
`;
}
