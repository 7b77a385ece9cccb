import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { ManualClock, SequentialIds } from '../../domain/clock.ts';
import { entryLeafHash, toStoredEntry } from '../../ledger/entry.ts';
import { plantEvents } from '../../ledger/fixtures/plant-events.ts';
import { fromBase64, toBase64 } from '../../ledger/merkle/hash.ts';
import { MemoryTree } from '../../ledger/merkle/memory-tree.ts';
import { verifyConsistency, verifyInclusion } from '../../ledger/merkle/verify.ts';
import type { Actor } from '../actor.ts';
import { withTransaction } from '../transaction.ts';
import { errorDeclared } from '../../ledger/builders.ts';
import { validateEpcisDocument } from '../../ledger/epcis/validate.ts';
import { appendCustodyEvents } from './append.ts';
import { exportEpcis } from './epcis.ts';
import { openWitnessCheckpoint, signLedgerCheckpoint } from './checkpoint.ts';
import { ledgerConsistencyProof, ledgerInclusionProof } from './proofs.ts';
import { ledgerRecords } from './records.ts';
import { verifyLedger } from './verify.ts';

const admin: Actor = { kind: 'user', id: 'olga', role: 'admin', userId: 'user-1', consigneeId: null };
const at = new Date('2026-11-22T08:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'headstamp-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test has fresh records: the ledger's rows cannot be deleted between tests, by design.
let t: TestDatabase;
let ids: SequentialIds;
beforeEach(async () => {
  t = await openTestDatabase();
  ids = new SequentialIds();
});
afterEach(async () => {
  await t.close();
});
const app = () => ({ store: t.store, clock: new ManualClock(at), ids });
const events = plantEvents(45, 5);

async function appendAll(): Promise<void> {
  await withTransaction(t.store, (tx) => appendCustodyEvents(tx, events.slice(0, 20), { recordTime: at }));
  await withTransaction(t.store, (tx) => appendCustodyEvents(tx, events.slice(20), { recordTime: at }));
}

/** What an intruder with the database's own rights does: switch the guard off, change a row. */
async function tamper(statement: string): Promise<void> {
  const { db } = t.store;
  if (t.dialect === 'postgres') {
    await sql.raw('alter table ledger_events disable trigger ledger_events_append_only').execute(db);
    await sql.raw(statement).execute(db);
    return;
  }
  await sql.raw('drop trigger ledger_events_no_update').execute(db);
  await sql.raw(statement).execute(db);
}

describe('ledger storage', () => {
  it('appends in order and keeps the tree head the Merkle root of the stored events', async () => {
    await appendAll();
    const tree = new MemoryTree();
    events.forEach((event, i) =>
      tree.append(toStoredEntry(i, { ...event, recordTime: at.toISOString() }).leafHash),
    );
    const head = await ledgerRecords(t.store).treeHead();
    expect(head.size).toBe(45);
    expect(toBase64(head.rootHash)).toBe(toBase64(tree.root()));
    const result = await verifyLedger(app(), admin);
    expect(result).toMatchObject({ ok: true, size: 45, checkpointFaults: [] });
  });

  it('refuses UPDATE and DELETE of events, tree nodes and checkpoints', async () => {
    await appendAll();
    await signLedgerCheckpoint(app(), admin, { keyFile: join(dir, `k-${t.dialect}-1.key`) });
    const { db } = t.store;
    await expect(sql`update ledger_events set body = 'x' where idx = 3`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from ledger_events where idx = 3`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`update ledger_nodes set hash = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from ledger_nodes`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from ledger_checkpoints`.execute(db)).rejects.toThrow(/append-only/);
    expect(await ledgerRecords(t.store).count()).toBe(46);
  });

  it('refuses a repeated eventID and an ill-formed event, appending nothing', async () => {
    await appendAll();
    await expect(
      withTransaction(t.store, (tx) => appendCustodyEvents(tx, [events[3]!], { recordTime: at })),
    ).rejects.toMatchObject({ code: 'ledger.duplicate_event' });
    const bad = {
      ...events[0]!,
      eventID: 'event-x' as const,
      eventTime: 'yesterday',
    } as unknown as (typeof events)[0];
    await expect(withTransaction(t.store, (tx) => appendCustodyEvents(tx, [bad]))).rejects.toMatchObject({
      code: 'ledger.invalid_event',
      problems: expect.arrayContaining([expect.objectContaining({ path: 'events[0].eventID' })]),
    });
    expect((await ledgerRecords(t.store).treeHead()).size).toBe(45);
  });

  it('signs checkpoints with a key kept at mode 0600 and records the key in the log', async () => {
    await appendAll();
    const keyFile = join(dir, `k-${t.dialect}-2.key`);
    const first = await signLedgerCheckpoint(app(), admin, { keyFile });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    // The key's commissioning is event 45, inside the checkpoint.
    expect(first.size).toBe(46);
    const [keyEvent] = await ledgerRecords(t.store).entries(45, 46);
    expect(keyEvent?.bizStep).toBe('https://headstamp.example/voc/bizstep/key_rotating');
    const witness = await openWitnessCheckpoint(t.store, first.note);
    expect(witness.size).toBe(46);
    // A new key file is a rotation: the old key retired, the new one commissioned, both logged.
    const rotated = await signLedgerCheckpoint(app(), admin, { keyFile: join(dir, `k-${t.dialect}-3.key`) });
    expect(rotated.size).toBe(48);
    const result = await verifyLedger(app(), admin, { against: first.note });
    expect(result).toMatchObject({ ok: true, checkpointsChecked: 3 });
  });

  it('names the first altered event, even when its leaf hash was rewritten too', async () => {
    await appendAll();
    const cp = await signLedgerCheckpoint(app(), admin, { keyFile: join(dir, `k-${t.dialect}-4.key`) });
    await tamper(`update ledger_events set body = replace(body, '"ivanov"', '"ivanof"') where idx = 12`);
    const careless = await verifyLedger(app(), admin);
    expect(careless.ok).toBe(false);
    expect(careless.problem).toMatchObject({ kind: 'altered', index: 12, eventID: events[12]!.eventID });

    const [row] = await ledgerRecords(t.store).entries(12, 13);
    const original = toStoredEntry(12, { ...events[12]!, recordTime: at.toISOString() });
    const hash = Buffer.from(entryLeafHash(row!.text)).toString('hex');
    await sql.raw(`update ledger_events set leaf_hash = '${hash}' where idx = 12`).execute(t.store.db);
    const careful = await verifyLedger(app(), admin, { against: cp.note });
    expect(careful.ok).toBe(false);
    expect(careful.problem?.kind).toBe('root_mismatch');
    expect(original.text).not.toBe(row!.text);
  });

  it('gives inclusion and consistency proofs that check against the tree head', async () => {
    await appendAll();
    const head = await ledgerRecords(t.store).treeHead();
    for (const index of [0, 7, 44]) {
      const p = await ledgerInclusionProof(app(), admin, { index });
      expect(p.eventID).toBe(events[index]!.eventID);
      const verdict = verifyInclusion({
        index,
        size: p.size,
        leafHash: fromBase64(p.leafHash),
        proof: p.proof.map(fromBase64),
        root: head.rootHash,
      });
      expect(verdict).toEqual({ ok: true });
    }
    const c = await ledgerConsistencyProof(app(), admin, { from: 13 });
    expect(
      verifyConsistency({
        size1: 13,
        size2: 45,
        root1: fromBase64(c.root1),
        root2: head.rootHash,
        proof: c.proof.map(fromBase64),
      }),
    ).toEqual({ ok: true });
    await expect(ledgerInclusionProof(app(), admin, { index: 45 })).rejects.toThrow(/index: must be 0..44/);
  });

  it('records a correction as an error declaration plus a corrective event, never an edit', async () => {
    await appendAll();
    const original = events[14]!;
    const corrective = { ...original, eventID: 'https://headstamp.example/id/event/fix-1' as const };
    const declaration = errorDeclared(original, {
      origin: { eventTime: at, actor: admin, reason: 'crate scanned twice' },
      reason: 'incorrect_data',
      correctiveEventIDs: [corrective.eventID],
    });
    await withTransaction(t.store, (tx) =>
      appendCustodyEvents(tx, [declaration, corrective], { recordTime: at }),
    );
    await expect(
      withTransaction(t.store, (tx) => appendCustodyEvents(tx, [declaration], { recordTime: at })),
    ).rejects.toMatchObject({ code: 'ledger.duplicate_event' });
    const rows = await t.store.db
      .selectFrom('ledger_events')
      .select(['idx', 'declares_error'])
      .where('event_id', '=', original.eventID)
      .orderBy('idx')
      .execute();
    expect(rows.map((r) => [Number(r.idx), r.declares_error])).toEqual([
      [14, 0],
      [45, 1],
    ]);
    expect((await verifyLedger(app(), admin)).ok).toBe(true);
  });

  it('exports the events of a lot as a valid EPCIS document with their ledger indexes', async () => {
    await appendAll();
    const doc = await exportEpcis(app(), admin, { lot: '0002-26' });
    expect(validateEpcisDocument(doc)).toEqual([]);
    const indexes = doc.epcisBody.eventList.map((e) => e['hs:ledgerIndex']);
    expect(indexes.length).toBeGreaterThanOrEqual(4);
    for (const index of indexes) expect(JSON.stringify(events[index as number])).toContain('/lot/0002-26');
    const window = await exportEpcis(app(), admin, {
      from: new Date(events[10]!.eventTime),
      to: new Date(events[20]!.eventTime),
    });
    expect(window.epcisBody.eventList.map((e) => e['hs:ledgerIndex'])).toEqual(
      Array.from({ length: 10 }, (_, i) => 10 + i),
    );
  });
});
