import type { Executor } from '../database.ts';
import type { CommissioningTables } from '../tables/commissioning.ts';

/** A signatory: a person who signs acceptance acts, with the public half of their key. */
export interface SignatoryRecord {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  /** Raw Ed25519 public key, base64. */
  readonly publicKey: string;
  readonly keyId: string;
  readonly createdAt: string;
  readonly actor: string;
}

export interface AcceptanceTestRecord {
  readonly id: string;
  readonly lineId: string;
  readonly status: 'running' | 'closed';
  /** The protocol as started (parsed by the caller). */
  readonly protocol: unknown;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly closedAt: string | null;
  readonly early: boolean;
  readonly actor: string;
}

export interface AcceptanceActRecord {
  readonly id: string;
  readonly actNumber: string;
  readonly testId: string;
  readonly lineId: string;
  readonly passed: boolean;
  readonly early: boolean;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly fileName: string;
  readonly sha256: string;
  /** The evaluation as stored (parsed by the caller). */
  readonly result: unknown;
  readonly supersedes: string | null;
  readonly ledgerEventId: string;
  readonly ledgerIndex: number;
  readonly issuedAt: string;
  readonly actor: string;
}

export interface ActSignatureRecord {
  readonly seq: number;
  readonly signerKind: 'plant' | 'signatory';
  readonly signerName: string;
  readonly keyId: string;
  readonly publicKey: string;
  readonly signature: string;
  readonly signedAt: string;
}

type Row<K extends keyof CommissioningTables> = CommissioningTables[K];

const toTest = (r: Row<'acceptance_tests'>): AcceptanceTestRecord => ({
  id: r.id,
  lineId: r.line_id,
  status: r.status === 'closed' ? 'closed' : 'running',
  protocol: JSON.parse(r.protocol) as unknown,
  startedAt: r.started_at,
  dueAt: r.due_at,
  closedAt: r.closed_at,
  early: Number(r.early) === 1,
  actor: r.actor,
});

const toAct = (r: Row<'acceptance_acts'>): AcceptanceActRecord => ({
  id: r.id,
  actNumber: r.act_number,
  testId: r.test_id,
  lineId: r.line_id,
  passed: Number(r.passed) === 1,
  early: Number(r.early) === 1,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  fileName: r.file_name,
  sha256: r.sha256,
  result: JSON.parse(r.result) as unknown,
  supersedes: r.supersedes,
  ledgerEventId: r.ledger_event_id,
  ledgerIndex: Number(r.ledger_index),
  issuedAt: r.issued_at,
  actor: r.actor,
});

const toSignatory = (r: Row<'signatories'>): SignatoryRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  publicKey: r.public_key,
  keyId: r.key_id,
  createdAt: r.created_at,
  actor: r.actor,
});

/**
 * Commissioning records: signatories, acceptance tests, acts and their signatures. Writes
 * belong in a transaction (build it from the `tx`).
 *
 * @example
 * const test = await commissioningRepository(store).runningTest('L2');
 */
export function commissioningRepository(ex: Executor) {
  const db = ex.db.withTables<CommissioningTables>();
  return {
    async insertSignatory(s: SignatoryRecord): Promise<void> {
      await db
        .insertInto('signatories')
        .values({
          id: s.id,
          name: s.name,
          role: s.role,
          public_key: s.publicKey,
          key_id: s.keyId,
          created_at: s.createdAt,
          actor: s.actor,
        })
        .execute();
    },

    async signatory(name: string): Promise<SignatoryRecord | undefined> {
      const r = await db.selectFrom('signatories').selectAll().where('name', '=', name).executeTakeFirst();
      return r === undefined ? undefined : toSignatory(r);
    },

    async signatories(): Promise<SignatoryRecord[]> {
      return (await db.selectFrom('signatories').selectAll().orderBy('name').execute()).map(toSignatory);
    },

    async insertTest(t: AcceptanceTestRecord): Promise<void> {
      await db
        .insertInto('acceptance_tests')
        .values({
          id: t.id,
          line_id: t.lineId,
          status: t.status,
          protocol: JSON.stringify(t.protocol),
          started_at: t.startedAt,
          due_at: t.dueAt,
          closed_at: t.closedAt,
          early: t.early ? 1 : 0,
          actor: t.actor,
        })
        .execute();
    },

    async runningTest(lineId: string): Promise<AcceptanceTestRecord | undefined> {
      const r = await db
        .selectFrom('acceptance_tests')
        .selectAll()
        .where('line_id', '=', lineId)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return r === undefined ? undefined : toTest(r);
    },

    async test(id: string): Promise<AcceptanceTestRecord | undefined> {
      const r = await db.selectFrom('acceptance_tests').selectAll().where('id', '=', id).executeTakeFirst();
      return r === undefined ? undefined : toTest(r);
    },

    async runningTests(): Promise<AcceptanceTestRecord[]> {
      const rows = await db
        .selectFrom('acceptance_tests')
        .selectAll()
        .where('status', '=', 'running')
        .orderBy('line_id')
        .execute();
      return rows.map(toTest);
    },

    async closeTest(testId: string, closedAt: string, early: boolean): Promise<void> {
      await db
        .updateTable('acceptance_tests')
        .set({ status: 'closed', closed_at: closedAt, early: early ? 1 : 0 })
        .where('id', '=', testId)
        .where('status', '=', 'running')
        .execute();
    },

    async insertAct(a: AcceptanceActRecord, signatures: readonly ActSignatureRecord[]): Promise<void> {
      await db
        .insertInto('acceptance_acts')
        .values({
          id: a.id,
          act_number: a.actNumber,
          test_id: a.testId,
          line_id: a.lineId,
          passed: a.passed ? 1 : 0,
          early: a.early ? 1 : 0,
          period_from: a.periodFrom,
          period_to: a.periodTo,
          file_name: a.fileName,
          sha256: a.sha256,
          result: JSON.stringify(a.result),
          supersedes: a.supersedes,
          ledger_event_id: a.ledgerEventId,
          ledger_index: a.ledgerIndex,
          issued_at: a.issuedAt,
          actor: a.actor,
        })
        .execute();
      if (signatures.length === 0) return;
      await db
        .insertInto('act_signatures')
        .values(
          signatures.map((s) => ({
            act_id: a.id,
            seq: s.seq,
            signer_kind: s.signerKind,
            signer_name: s.signerName,
            key_id: s.keyId,
            public_key: s.publicKey,
            signature: s.signature,
            signed_at: s.signedAt,
          })),
        )
        .execute();
    },

    /** The latest act of each line (or of one line), newest first per line. */
    async latestActs(lineId?: string): Promise<Map<string, AcceptanceActRecord>> {
      let query = db.selectFrom('acceptance_acts').selectAll();
      if (lineId !== undefined) query = query.where('line_id', '=', lineId);
      const rows = await query
        .orderBy('line_id')
        .orderBy('issued_at', 'desc')
        .orderBy('act_number', 'desc')
        .execute();
      const out = new Map<string, AcceptanceActRecord>();
      for (const r of rows) if (!out.has(r.line_id)) out.set(r.line_id, toAct(r));
      return out;
    },

    async actByNumber(actNumber: string): Promise<AcceptanceActRecord | undefined> {
      const r = await db
        .selectFrom('acceptance_acts')
        .selectAll()
        .where('act_number', '=', actNumber)
        .executeTakeFirst();
      return r === undefined ? undefined : toAct(r);
    },

    async actByFileName(fileName: string): Promise<AcceptanceActRecord | undefined> {
      const r = await db
        .selectFrom('acceptance_acts')
        .selectAll()
        .where('file_name', '=', fileName)
        .executeTakeFirst();
      return r === undefined ? undefined : toAct(r);
    },

    async actsOfLine(lineId: string): Promise<AcceptanceActRecord[]> {
      const rows = await db
        .selectFrom('acceptance_acts')
        .selectAll()
        .where('line_id', '=', lineId)
        .orderBy('issued_at')
        .orderBy('act_number')
        .execute();
      return rows.map(toAct);
    },

    async signatures(actId: string): Promise<ActSignatureRecord[]> {
      const rows = await db
        .selectFrom('act_signatures')
        .selectAll()
        .where('act_id', '=', actId)
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({
        seq: Number(r.seq),
        signerKind: r.signer_kind === 'plant' ? 'plant' : 'signatory',
        signerName: r.signer_name,
        keyId: r.key_id,
        publicKey: r.public_key,
        signature: r.signature,
        signedAt: r.signed_at,
      }));
    },
  };
}

export type CommissioningRepository = ReturnType<typeof commissioningRepository>;
