import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { Executor } from '../../store/database.ts';
import { plantRepository } from '../../store/repositories/plant.ts';
import { actorRef, requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { withTransaction } from '../transaction.ts';

/**
 * Line presence: whether a line is on line, from its MQTT birth and death messages and from
 * its silence. A birth names an epoch that grows with every (re)connection of the line; a death
 * ends only the birth it names, so a stale last will (delivered after the line was already
 * back) changes nothing.
 */

interface LinePresenceTable {
  line_id: string;
  online: number;
  birth: number;
  seq_base: number | null;
  metadata: string;
  born_at: string | null;
  silent_at: string | null;
  silent_reason: string | null;
  changed_at: string;
  actor: string;
}

export type SilentReason = 'death' | 'timeout';

export interface LinePresence {
  readonly lineId: string;
  readonly online: boolean;
  /** Epoch of the line's current (or last) birth. */
  readonly birth: number;
  /** Sequence number the birth started from (null when only its death arrived). */
  readonly seqBase: number | null;
  readonly metadata: Readonly<Record<string, string | number | boolean>>;
  readonly bornAt: string | null;
  readonly silentAt: string | null;
  readonly silentReason: SilentReason | null;
}

export interface BirthInput {
  readonly lineId: string;
  readonly birth: number;
  readonly seq: number;
  /** When the line says it was born. */
  readonly at: string;
  readonly metadata?: Readonly<Record<string, string | number | boolean>>;
}

/** What a presence message did: `recorded`, `stale` (an older birth's), or `unknown-line`. */
export type PresenceOutcome = 'recorded' | 'stale' | 'unknown-line';

function presenceTable(ex: Executor): Kysely<Database & { line_presence: LinePresenceTable }> {
  return ex.db.withTables<{ line_presence: LinePresenceTable }>();
}

/** Writes a line's whole presence row, whether the line has one yet or not. */
async function putPresence(
  ex: Executor,
  lineId: string,
  row: Omit<LinePresenceTable, 'line_id'>,
): Promise<void> {
  await presenceTable(ex)
    .insertInto('line_presence')
    .values({ line_id: lineId, ...row })
    .onConflict((oc) => oc.column('line_id').doUpdateSet(row))
    .execute();
}

const LINE_ROLES = ['line', 'operator', 'admin'] as const;

/**
 * Records a line's birth: it is on line from now, with the epoch, sequence base and metadata
 * it announced. A birth older than the one recorded is stale, and so is one whose death has
 * already arrived (the broker may hand over a will before the birth it ends).
 *
 * @example
 * await recordLineBirth(app, lineDevice('L1'), { lineId: 'L1', birth: 7, seq: 0, at: '2027-01-04T03:00:00Z' });
 */
export async function recordLineBirth(
  app: AppContext,
  actor: Actor,
  input: BirthInput,
): Promise<PresenceOutcome> {
  requireRole(actor, LINE_ROLES, 'announce a line');
  const now = app.clock.now().toISOString();
  return withTransaction(app.store, async (tx) => {
    if (!(await lineExists(tx, input.lineId))) return 'unknown-line';
    const db = presenceTable(tx);
    const current = await db
      .selectFrom('line_presence')
      .select(['birth', 'silent_reason'])
      .where('line_id', '=', input.lineId)
      .executeTakeFirst();
    if (current !== undefined) {
      const birth = Number(current.birth);
      if (birth > input.birth || (birth === input.birth && current.silent_reason === 'death')) return 'stale';
    }
    const row = {
      online: 1,
      birth: input.birth,
      seq_base: input.seq,
      metadata: JSON.stringify(input.metadata ?? {}),
      born_at: input.at,
      silent_at: null,
      silent_reason: null,
      changed_at: now,
      actor: actorRef(actor),
    };
    await putPresence(tx, input.lineId, row);
    return 'recorded';
  });
}

/**
 * Records a line's death (its last will) for the birth it names: the line is silent from now.
 * A death for an older birth than the one recorded changes nothing; one for a birth not yet
 * seen is kept, so that birth, arriving late, does not bring the line back.
 *
 * @example
 * await recordLineDeath(app, lineDevice('L1'), { lineId: 'L1', birth: 7 });
 */
export async function recordLineDeath(
  app: AppContext,
  actor: Actor,
  input: { readonly lineId: string; readonly birth: number },
): Promise<PresenceOutcome> {
  requireRole(actor, LINE_ROLES, 'record a line death');
  const now = app.clock.now().toISOString();
  return withTransaction(app.store, async (tx) => {
    if (!(await lineExists(tx, input.lineId))) return 'unknown-line';
    const db = presenceTable(tx);
    const current = await db
      .selectFrom('line_presence')
      .select(['birth', 'online'])
      .where('line_id', '=', input.lineId)
      .executeTakeFirst();
    const silent = {
      online: 0,
      silent_at: now,
      silent_reason: 'death',
      changed_at: now,
      actor: actorRef(actor),
    };
    if (current === undefined || Number(current.birth) < input.birth) {
      const row = { ...silent, birth: input.birth, seq_base: null, metadata: '{}', born_at: null };
      await putPresence(tx, input.lineId, row);
      return 'recorded';
    }
    if (Number(current.birth) > input.birth || Number(current.online) !== 1) return 'stale';
    await db.updateTable('line_presence').set(silent).where('line_id', '=', input.lineId).execute();
    return 'recorded';
  });
}

/**
 * Marks a line silent that said nothing for too long, if it is still on line in `birth` (a
 * newer birth in the meantime means it spoke).
 *
 * @example
 * await markLineSilent(app, lineDevice('L1'), { lineId: 'L1', birth: 7 });
 */
export async function markLineSilent(
  app: AppContext,
  actor: Actor,
  input: { readonly lineId: string; readonly birth: number },
): Promise<PresenceOutcome> {
  requireRole(actor, LINE_ROLES, 'mark a line silent');
  const now = app.clock.now().toISOString();
  return withTransaction(app.store, async (tx) => {
    const result = await presenceTable(tx)
      .updateTable('line_presence')
      .set({ online: 0, silent_at: now, silent_reason: 'timeout', changed_at: now, actor: actorRef(actor) })
      .where('line_id', '=', input.lineId)
      .where('birth', '=', input.birth)
      .where('online', '=', 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? 'recorded' : 'stale';
  });
}

/**
 * A line marked silent by timeout spoke again (data of its current birth): it is on line once
 * more. A line whose death arrived stays silent until its next birth.
 *
 * @example
 * await markLineOnline(app, lineDevice('L1'), 'L1');
 */
export async function markLineOnline(
  app: AppContext,
  actor: Actor,
  lineId: string,
): Promise<PresenceOutcome> {
  requireRole(actor, LINE_ROLES, 'mark a line on line');
  const now = app.clock.now().toISOString();
  return withTransaction(app.store, async (tx) => {
    const result = await presenceTable(tx)
      .updateTable('line_presence')
      .set({ online: 1, silent_at: null, silent_reason: null, changed_at: now, actor: actorRef(actor) })
      .where('line_id', '=', lineId)
      .where('online', '=', 0)
      .where('silent_reason', '=', 'timeout')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? 'recorded' : 'stale';
  });
}

/**
 * Every line that has announced itself, on line or not, by line id.
 *
 * @example
 * const lines = await linePresence(app);
 * lines.filter((l) => !l.online).map((l) => l.lineId); // ['L2']
 */
export async function linePresence(app: AppContext): Promise<LinePresence[]> {
  const rows = await presenceTable(app.store)
    .selectFrom('line_presence')
    .selectAll()
    .orderBy('line_id')
    .execute();
  return rows.map((r) => ({
    lineId: r.line_id,
    online: Number(r.online) === 1,
    birth: Number(r.birth),
    seqBase: r.seq_base === null ? null : Number(r.seq_base),
    metadata: JSON.parse(r.metadata) as Record<string, string | number | boolean>,
    bornAt: r.born_at,
    silentAt: r.silent_at,
    silentReason: r.silent_reason === 'death' || r.silent_reason === 'timeout' ? r.silent_reason : null,
  }));
}

async function lineExists(ex: Executor, lineId: string): Promise<boolean> {
  const row = await ex.db.selectFrom('lines').select('id').where('id', '=', lineId).executeTakeFirst();
  return row !== undefined;
}

/**
 * The plant's id in the records (its level in the MQTT topics), or undefined before
 * `headstamp init`.
 *
 * @example
 * await recordedPlantId(app); // 'minsk-1'
 */
export async function recordedPlantId(app: AppContext): Promise<string | undefined> {
  return (await plantRepository(app.store).get())?.id;
}
