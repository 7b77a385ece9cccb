import type { Executor } from '../database.ts';

export type ClockMode = 'real' | 'simulated';

export interface PlantRecord {
  readonly id: string;
  readonly name: string;
  readonly clockMode: ClockMode;
  readonly simulatedNow: string | null;
  readonly configVersion: number;
}

export interface PlantConfigVersion {
  readonly version: number;
  readonly contentHash: string;
  readonly appliedAt: string;
  readonly actor: string;
}

/** One row of a catalogue table (lines, products, storage locations, consignees, components). */
export interface CatalogueEntry<C = unknown> {
  readonly id: string;
  readonly name: string;
  readonly config: C;
  readonly configVersion: number;
}

export type CatalogueTable = 'lines' | 'products' | 'storage_locations' | 'consignees' | 'components';

/**
 * The plant, its configuration versions and its catalogue.
 *
 * @example
 * const plant = await plantRepository(store).get();
 */
export function plantRepository(ex: Executor) {
  const { db } = ex;
  return {
    /** The plant, or undefined before `headstamp init`. */
    async get(): Promise<PlantRecord | undefined> {
      const row = await db.selectFrom('plant').selectAll().executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        id: row.id,
        name: row.name,
        clockMode: row.clock_mode as ClockMode,
        simulatedNow: row.simulated_now,
        configVersion: row.config_version,
      };
    },

    async insert(plant: PlantRecord, createdAt: string, actor: string): Promise<void> {
      await db
        .insertInto('plant')
        .values({
          id: plant.id,
          name: plant.name,
          clock_mode: plant.clockMode,
          simulated_now: plant.simulatedNow,
          config_version: plant.configVersion,
          created_at: createdAt,
          actor,
        })
        .execute();
    },

    async update(
      id: string,
      change: Partial<Pick<PlantRecord, 'name' | 'clockMode' | 'simulatedNow' | 'configVersion'>>,
    ): Promise<void> {
      await db
        .updateTable('plant')
        .set({
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.clockMode !== undefined ? { clock_mode: change.clockMode } : {}),
          ...(change.simulatedNow !== undefined ? { simulated_now: change.simulatedNow } : {}),
          ...(change.configVersion !== undefined ? { config_version: change.configVersion } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    async latestConfig(plantId: string): Promise<(PlantConfigVersion & { source: string }) | undefined> {
      const row = await db
        .selectFrom('plant_config_versions')
        .selectAll()
        .where('plant_id', '=', plantId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : {
            version: row.version,
            contentHash: row.content_hash,
            appliedAt: row.applied_at,
            actor: row.actor,
            source: row.source,
          };
    },

    /** The latest configuration version's number and hash, without its text. */
    async latestConfigHead(plantId: string): Promise<{ version: number; contentHash: string } | undefined> {
      const row = await db
        .selectFrom('plant_config_versions')
        .select(['version', 'content_hash'])
        .where('plant_id', '=', plantId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : { version: row.version, contentHash: row.content_hash };
    },

    async configVersions(plantId: string): Promise<PlantConfigVersion[]> {
      const rows = await db
        .selectFrom('plant_config_versions')
        .select(['version', 'content_hash', 'applied_at', 'actor'])
        .where('plant_id', '=', plantId)
        .orderBy('version')
        .execute();
      return rows.map((r) => ({
        version: r.version,
        contentHash: r.content_hash,
        appliedAt: r.applied_at,
        actor: r.actor,
      }));
    },

    async insertConfig(plantId: string, version: PlantConfigVersion & { source: string }): Promise<void> {
      await db
        .insertInto('plant_config_versions')
        .values({
          plant_id: plantId,
          version: version.version,
          content_hash: version.contentHash,
          source: version.source,
          applied_at: version.appliedAt,
          actor: version.actor,
        })
        .execute();
    },

    /** Inserts or replaces catalogue rows (by id); rows not named stay, as history refers to them. */
    async upsertCatalogue(
      table: CatalogueTable,
      plantId: string,
      entries: readonly (CatalogueEntry & { extra?: Record<string, number> })[],
      actor: string,
    ): Promise<void> {
      for (const e of entries) {
        const values = {
          id: e.id,
          plant_id: plantId,
          name: e.name,
          config: JSON.stringify(e.config),
          config_version: e.configVersion,
          actor,
          ...e.extra,
        };
        const { id: _id, plant_id: _plant, ...changes } = values;
        await db
          .insertInto(table)
          .values(values)
          .onConflict((oc) => oc.column('id').doUpdateSet(changes))
          .execute();
      }
    },

    async catalogue<C>(table: CatalogueTable): Promise<CatalogueEntry<C>[]> {
      const rows = await db
        .selectFrom(table)
        .select(['id', 'name', 'config', 'config_version'])
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        config: JSON.parse(r.config) as C,
        configVersion: r.config_version,
      }));
    },

    async catalogueEntry<C>(table: CatalogueTable, id: string): Promise<CatalogueEntry<C> | undefined> {
      const r = await db
        .selectFrom(table)
        .select(['id', 'name', 'config', 'config_version'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r === undefined
        ? undefined
        : { id: r.id, name: r.name, config: JSON.parse(r.config) as C, configVersion: r.config_version };
    },

    /** Line ids with their commissioned flag. */
    async lineStates(): Promise<{ id: string; commissioned: boolean }[]> {
      const rows = await db.selectFrom('lines').select(['id', 'commissioned']).orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, commissioned: r.commissioned === 1 }));
    },

    async setCommissioned(lineId: string, commissioned: boolean): Promise<void> {
      await db
        .updateTable('lines')
        .set({ commissioned: commissioned ? 1 : 0 })
        .where('id', '=', lineId)
        .execute();
    },
  };
}

export type PlantRepository = ReturnType<typeof plantRepository>;
