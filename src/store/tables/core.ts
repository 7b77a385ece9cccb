/**
 * Tables of the plant's set-up and its people: the plant (with its clock), each version of its
 * configuration, users, lines and the catalogue (products, storage locations, consignees,
 * components). Column names are snake_case; times are ISO 8601 UTC strings with milliseconds
 * (`2026-11-22T06:00:00.000Z`) on both dialects; booleans are integers 0/1; JSON is text.
 *
 * Every row that someone writes names them in `actor` (`user:NAME` or `device:LINE`).
 */

export interface PlantTable {
  id: string;
  name: string;
  /** `real` (wall clock) or `simulated` (the twin's clock, kept in `simulated_now`). */
  clock_mode: string;
  simulated_now: string | null;
  /** The configuration version in force (see plant_config_versions). */
  config_version: number;
  created_at: string;
  actor: string;
}

export interface PlantConfigVersionTable {
  plant_id: string;
  version: number;
  /** SHA-256 (hex) of the scenario file's text: the same file applied twice is one version. */
  content_hash: string;
  /** The scenario file's text, as applied. */
  source: string;
  applied_at: string;
  actor: string;
}

export interface UserTable {
  id: string;
  name: string;
  role: string;
  consignee_id: string | null;
  created_at: string;
  actor: string;
}

export interface LineTable {
  id: string;
  plant_id: string;
  name: string;
  /** 0/1: a line runs production only once its acceptance act is signed. */
  commissioned: number;
  /** The line's scenario entry (products, rate, changeovers, shifts) as JSON. */
  config: string;
  config_version: number;
  actor: string;
}

export interface ProductTable {
  id: string;
  plant_id: string;
  name: string;
  /** Rounds per lot (the scenario's lot size). */
  lot_size: number;
  /** The product's scenario entry (packaging, marking) as JSON. */
  config: string;
  config_version: number;
  actor: string;
}

export interface StorageLocationTable {
  id: string;
  plant_id: string;
  name: string;
  config: string;
  config_version: number;
  actor: string;
}

export interface ConsigneeTable {
  id: string;
  plant_id: string;
  name: string;
  config: string;
  config_version: number;
  actor: string;
}

export interface ComponentTable {
  id: string;
  plant_id: string;
  name: string;
  config: string;
  config_version: number;
  actor: string;
}

export interface CoreTables {
  plant: PlantTable;
  plant_config_versions: PlantConfigVersionTable;
  users: UserTable;
  lines: LineTable;
  products: ProductTable;
  storage_locations: StorageLocationTable;
  consignees: ConsigneeTable;
  components: ComponentTable;
}
