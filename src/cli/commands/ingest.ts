import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { NotFoundError } from '../../domain/errors.ts';
import { withApp } from '../../app/open.ts';
import { ingestLineEvents, type EventOutcome } from '../../app/production/ingest.ts';
import { actorFor } from '../../app/users.ts';
import type { LotRecord } from '../../store/repositories/lots.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

interface Problem {
  readonly line: number;
  readonly eventId: string | null;
  readonly status: 'duplicate' | 'refused';
  readonly problems: readonly { path: string; problem: string }[];
}

/**
 * `headstamp ingest FILE.jsonl`: line events, one JSON object a line (format in README.md),
 * recorded in batches; each event is accepted, a duplicate, or refused with its reasons.
 */
export const registerIngest: RegisterCommand = (program, context) => {
  program
    .command('ingest')
    .description('Record line events from a JSON Lines file (one event per line)')
    .argument('<file>', 'JSON Lines file of line events')
    .option('--batch <n>', 'events per transaction', (v) => Number(v), 5000)
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { batch: number; as?: string; json?: boolean }) => {
      const path = resolve(context.cwd, file);
      await access(path).catch(() => {
        throw new NotFoundError('file.not_found', `no file at ${file}`, { file });
      });
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const totals = { accepted: 0, duplicates: 0, refused: 0 };
        const problems: Problem[] = [];
        const lots: LotRecord[] = [];
        let batch: unknown[] = [];
        let lineNumbers: number[] = [];
        const flush = async (): Promise<void> => {
          if (batch.length === 0) return;
          const result = await ingestLineEvents(app, actor, batch);
          totals.accepted += result.accepted;
          totals.duplicates += result.duplicates;
          totals.refused += result.refused;
          lots.push(...result.lotsCommissioned);
          for (const r of result.results) {
            if (r.status !== 'accepted') problems.push(problemOf(r, lineNumbers[r.index] ?? 0));
          }
          batch = [];
          lineNumbers = [];
        };
        const size = Number.isSafeInteger(options.batch) && options.batch > 0 ? options.batch : 5000;
        let n = 0;
        const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
        for await (const text of lines) {
          n += 1;
          if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
          try {
            batch.push(JSON.parse(text));
            lineNumbers.push(n);
          } catch (error) {
            totals.refused += 1;
            const message = error instanceof Error ? error.message : String(error);
            problems.push({
              line: n,
              eventId: null,
              status: 'refused',
              problems: [{ path: '', problem: `not JSON: ${message}` }],
            });
          }
          if (batch.length >= size) await flush();
        }
        await flush();
        problems.sort((a, b) => a.line - b.line);
        if (totals.refused > 0) process.exitCode = 1;
        if (options.json === true) {
          context.out.json({
            ...totals,
            problems,
            lotsCommissioned: lots.map((l) => ({
              id: l.id,
              lotNumber: l.lotNumber,
              productId: l.productId,
              lineId: l.lineId,
              quantity: l.quantity,
            })),
          });
          return;
        }
        context.out.line(
          `${totals.accepted} accepted, ${totals.duplicates} duplicates, ${totals.refused} refused`,
        );
        for (const l of lots)
          context.out.line(
            `lot ${l.lotNumber}: ${l.quantity.toLocaleString('en-US')} ${l.productId} from ${l.lineId}`,
          );
        for (const p of problems) {
          if (p.status === 'refused') {
            context.out.note(
              `line ${p.line}${p.eventId === null ? '' : ` (${p.eventId})`}: ${p.problems.map((x) => `${x.path}: ${x.problem}`).join('; ')}`,
            );
          }
        }
      });
    });
};

function problemOf(r: EventOutcome, line: number): Problem {
  return {
    line,
    eventId: r.eventId,
    status: r.status === 'duplicate' ? 'duplicate' : 'refused',
    problems: r.problems ?? [],
  };
}
