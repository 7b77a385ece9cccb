import type { Executor } from '../database.ts';
import { keysetPage, type Keyset, type KeysetPage } from '../keyset.ts';
import type { AuthorisationTable } from './tables.ts';

export interface AuthorisationRecord {
  readonly id: string;
  readonly number: string;
  readonly authority: string;
  readonly consigneeId: string;
  readonly country: string;
  readonly products: readonly string[];
  readonly quantityCeiling: number;
  readonly validFrom: string;
  readonly validTo: string;
  readonly status: 'valid' | 'suspended' | 'revoked';
  readonly statusReason: string | null;
  readonly documents: readonly string[];
  readonly createdAt: string;
  readonly actor: string;
  readonly approver: string | null;
  readonly updatedAt: string;
}

const toRecord = (r: AuthorisationTable): AuthorisationRecord => ({
  id: r.id,
  number: r.number,
  authority: r.authority,
  consigneeId: r.consignee_id,
  country: r.country,
  products: JSON.parse(r.products) as string[],
  quantityCeiling: Number(r.quantity_ceiling),
  validFrom: r.valid_from,
  validTo: r.valid_to,
  status: r.status as AuthorisationRecord['status'],
  statusReason: r.status_reason,
  documents: JSON.parse(r.documents) as string[],
  createdAt: r.created_at,
  actor: r.actor,
  approver: r.approver,
  updatedAt: r.updated_at,
});

/**
 * End-user certificates, and how much of each one's ceiling shipments have taken.
 *
 * @example
 * const eu = await authorisationRepository(store).byNumber('EUC-2027-001');
 */
export function authorisationRepository(ex: Executor) {
  const { db } = ex;
  return {
    async insert(a: AuthorisationRecord): Promise<void> {
      await db
        .insertInto('authorisations')
        .values({
          id: a.id,
          number: a.number,
          authority: a.authority,
          consignee_id: a.consigneeId,
          country: a.country,
          products: JSON.stringify(a.products),
          quantity_ceiling: a.quantityCeiling,
          valid_from: a.validFrom,
          valid_to: a.validTo,
          status: a.status,
          status_reason: a.statusReason,
          documents: JSON.stringify(a.documents),
          created_at: a.createdAt,
          actor: a.actor,
          approver: a.approver,
          updated_at: a.updatedAt,
        })
        .execute();
    },
    async byNumber(number: string): Promise<AuthorisationRecord | undefined> {
      const r = await db
        .selectFrom('authorisations')
        .selectAll()
        .where('number', '=', number)
        .executeTakeFirst();
      return r === undefined ? undefined : toRecord(r);
    },
    async byId(id: string): Promise<AuthorisationRecord | undefined> {
      const r = await db.selectFrom('authorisations').selectAll().where('id', '=', id).executeTakeFirst();
      return r === undefined ? undefined : toRecord(r);
    },
    async list(filter: { consigneeId?: string } = {}): Promise<AuthorisationRecord[]> {
      let q = db.selectFrom('authorisations').selectAll();
      if (filter.consigneeId !== undefined) q = q.where('consignee_id', '=', filter.consigneeId);
      return (await q.orderBy('number').execute()).map(toRecord);
    },
    /** One page of authorisations by number, optionally of one consignee. */
    async page(
      page: Keyset,
      filter: { consigneeId?: string } = {},
    ): Promise<KeysetPage<AuthorisationRecord>> {
      let q = db.selectFrom('authorisations').selectAll();
      if (filter.consigneeId !== undefined) q = q.where('consignee_id', '=', filter.consigneeId);
      if (page.after !== undefined) q = q.where('number', '>', page.after);
      const rows = await q
        .orderBy('number')
        .limit(page.limit + 1)
        .execute();
      return keysetPage(rows.map(toRecord), page, (a) => a.number);
    },
    /** The numbers of these authorisations, by id. */
    async numbers(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('authorisations')
        .select(['id', 'number'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((r) => [r.id, r.number]));
    },
    /** Rounds on shipments under each of these authorisations, by id (absent: none). */
    async usedBy(ids: readonly string[]): Promise<Map<string, number>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('shipments')
        .select((eb) => ['authorisation_id', eb.fn.sum<number>('quantity').as('used')])
        .where('authorisation_id', 'in', [...ids])
        .groupBy('authorisation_id')
        .execute();
      return new Map(rows.map((r) => [r.authorisation_id, Number(r.used)]));
    },
    async setStatus(
      id: string,
      status: AuthorisationRecord['status'],
      reason: string,
      at: string,
    ): Promise<void> {
      await db
        .updateTable('authorisations')
        .set({ status, status_reason: reason, updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    /** Rounds of the shipments made (or planned) under the authorisation, but `exceptShipment`. */
    async used(id: string, exceptShipment?: string): Promise<number> {
      let q = db
        .selectFrom('shipments')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('used'))
        .where('authorisation_id', '=', id);
      if (exceptShipment !== undefined) q = q.where('id', '!=', exceptShipment);
      const row = await q.executeTakeFirst();
      return Number(row?.used ?? 0);
    },
  };
}

export type AuthorisationRepository = ReturnType<typeof authorisationRepository>;
