// The MQTT ingest crash benchmark: the crash trial of test/crash with 100 kills (SIGKILL at
// seeded random moments) while a line publishes counts at QoS 1 to Mosquitto on 127.0.0.1:1883.
// Usage: node --import tsx bench/crash/run.ts [--kills 100] [--seed 20261122] [--interval-ms 50]
import { parseArgs } from 'node:util';
import { runCrashTrial } from '../../test/crash/harness.ts';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '100' },
    seed: { type: 'string', default: '20261122' },
    'interval-ms': { type: 'string', default: '50' },
    url: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
  },
});
const kills = Number(values.kills);
const result = await runCrashTrial({
  kills,
  seed: Number(values.seed),
  intervalMs: Number(values['interval-ms']),
  brokerUrl: values.url,
  log: (message) => {
    if (message.startsWith('kill ') && Number(message.slice(5)) % 10 === 0)
      process.stderr.write(`${message}\n`);
  },
});
const exactlyOnce =
  result.unacked === 0 &&
  result.missing.length === 0 &&
  result.duplicated.length === 0 &&
  result.unexpected.length === 0 &&
  result.runProcessed === result.lastProcessed;
const rows: [string, string][] = [
  ['kills (SIGKILL)', String(result.kills)],
  ['messages acknowledged by the broker', String(result.acked)],
  ['messages without acknowledgement', String(result.unacked)],
  ['count events recorded', String(result.recorded)],
  [
    'missing / recorded twice / unexpected',
    `${result.missing.length} / ${result.duplicated.length} / ${result.unexpected.length}`,
  ],
  ['redelivered after a kill, changed nothing', String(result.redelivered)],
  ["run's processed total vs line's last counter", `${result.runProcessed} vs ${result.lastProcessed}`],
  [
    'ledger verify',
    result.ledger.ok ? `ok (${result.ledger.size} events)` : `FAILED: ${result.ledger.problem ?? ''}`,
  ],
  ['wall time', `${result.seconds.toFixed(1)} s`],
  ['drain after the last restart', `${result.drainSeconds.toFixed(1)} s`],
  ['exactly once', exactlyOnce ? 'yes' : 'NO'],
];
process.stdout.write('| figure | value |\n|---|---|\n');
for (const [name, value] of rows) process.stdout.write(`| ${name} | ${value} |\n`);
if (!exactlyOnce || !result.ledger.ok) process.exitCode = 1;
