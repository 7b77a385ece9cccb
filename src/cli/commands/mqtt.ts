import { withApp } from '../../app/open.ts';
import { linePresence } from '../../app/ingest/presence.ts';
import { ValidationError } from '../../domain/errors.ts';
import { mqttPort, startLineDataIngest } from '../../ingest/index.ts';
import type { RegisterCommand } from './index.ts';

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new ValidationError(
      'mqtt.silent_after',
      `silent-after: must be seconds ≥ 0, got ${JSON.stringify(value)}`,
      [{ path: 'silent-after', problem: `must be seconds ≥ 0, got ${JSON.stringify(value)}` }],
    );
  return n;
}

/**
 * `headstamp mqtt listen`: line data over MQTT into the records until SIGINT or SIGTERM (the
 * embedded broker, or HEADSTAMP_MQTT_URL / --url); `headstamp mqtt lines`: which lines are on line.
 */
export const registerMqtt: RegisterCommand = (program, context) => {
  const mqtt = program.command('mqtt').description('Line data over MQTT');
  mqtt
    .command('listen')
    .description('Take line data from MQTT (embedded broker on $HEADSTAMP_MQTT_PORT, or $HEADSTAMP_MQTT_URL)')
    .option('--url <url>', 'an external broker (default $HEADSTAMP_MQTT_URL; none: the embedded one)')
    .option('--port <n>', 'port of the embedded broker (default $HEADSTAMP_MQTT_PORT or 1883)')
    .option('--plant <id>', "plant level of the topics (default the plant's id)")
    .option(
      '--silent-after <seconds>',
      'mark a line silent after this long without a message (0: never)',
      '300',
    )
    .action(async (options: { url?: string; port?: string; plant?: string; silentAfter: string }) => {
      const silentAfterMs = seconds(options.silentAfter) * 1000;
      await withApp(context.env, context.cwd, async (app) => {
        const ingest = await startLineDataIngest({
          app,
          env: context.env,
          ...(options.url !== undefined ? { url: options.url } : {}),
          ...(options.port !== undefined ? { embeddedPort: mqttPort(options.port) } : {}),
          ...(options.plant !== undefined ? { plant: options.plant } : {}),
          silentAfterMs,
          log: (message) => context.out.note(message),
        });
        try {
          await new Promise<void>((done) => {
            const stop = (): void => {
              process.off('SIGINT', stop);
              process.off('SIGTERM', stop);
              done();
            };
            process.on('SIGINT', stop);
            process.on('SIGTERM', stop);
          });
        } finally {
          await ingest.stop();
        }
        const s = ingest.subscriber.stats();
        context.out.note(
          `headstamp mqtt: ${s.received} messages: ${s.accepted} events recorded, ${s.duplicates} already recorded, ${s.refused} refused`,
        );
      });
    });
  mqtt
    .command('lines')
    .description('Lines that announced themselves over MQTT: on line or silent, and since when')
    .option('--json', 'print the lines as JSON')
    .action(async (options: { json?: boolean }) => {
      const lines = await withApp(context.env, context.cwd, (app) => linePresence(app));
      if (options.json === true) {
        context.out.json(lines.map((l) => ({ id: l.lineId, ...l })));
        return;
      }
      context.out.table(
        lines.map((l) => ({
          line: l.lineId,
          online: l.online ? 'yes' : 'no',
          birth: String(l.birth),
          'born at': l.bornAt,
          'silent since': l.silentAt,
          why: l.silentReason,
        })),
      );
    });
};
