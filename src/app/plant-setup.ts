import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { ConflictError, RefusedError, ValidationError } from '../domain/errors.ts';
import type { Scenario } from '../domain/scenario/schema.ts';
import { validateScenario } from '../domain/scenario/validate.ts';
import { formatComponentLotNumber } from '../domain/lot/index.ts';
import { componentLotReceived } from '../ledger/builders.ts';
import type { CustodyEvent } from '../ledger/event.ts';
import type { Executor, Tx } from '../store/database.ts';
import { lotRepository } from '../store/repositories/lots.ts';
import { sequenceRepository } from '../store/repositories/sequences.ts';
import { plantRepository, type CatalogueTable } from '../store/repositories/plant.ts';
import { userRepository } from '../store/repositories/users.ts';
import { actorRef, requireRole, type Actor, type UserActor } from './actor.ts';
import type { AppContext } from './context.ts';
import { appendCustody, custodyActor } from './custody.ts';
import { withTransaction } from './transaction.ts';
import { checkNewUser } from './users.ts';

export interface PlantSetupResult {
  readonly plantId: string;
  /** The configuration version in force afterwards. */
  readonly version: number;
  /** False when the same file was applied before: nothing changed. */
  readonly changed: boolean;
  readonly contentHash: string;
  /** The first admin, when this set-up created one. */
  readonly adminCreated: string | null;
  readonly counts: Readonly<Record<CatalogueTable, number>>;
  /** Component lots of opening stock created (first set-up only). */
  readonly openingLots: number;
}

export interface PlantSetupInput {
  /** The scenario file's text (YAML). */
  readonly source: string;
  /** Name of the first admin on empty records (default `admin`). */
  readonly adminName?: string | undefined;
}

/**
 * Loads the plant from a scenario file: site, lines, products, storage locations, consignees,
 * components. On empty records it creates the first admin, who is the actor of the set-up;
 * afterwards the actor must be an admin. The same file again changes nothing; a changed file
 * becomes a new configuration version (kept with its text and hash), never a silent overwrite.
 *
 * @example
 * const result = await setUpPlant(app, undefined, { source: readFileSync('scenarios/seed-plant.yaml', 'utf8') });
 * result.version; // 1
 */
export async function setUpPlant(
  app: AppContext,
  actor: Actor | undefined,
  input: PlantSetupInput,
): Promise<PlantSetupResult> {
  const scenario = parseScenario(input.source);
  const contentHash = createHash('sha256').update(input.source).digest('hex');
  const now = app.clock.now().toISOString();
  return withTransaction(app.store, async (tx) => {
    const users = userRepository(tx);
    const plants = plantRepository(tx);
    let acting: Actor;
    let adminCreated: string | null = null;
    if ((await users.count()) === 0) {
      const name = input.adminName ?? 'admin';
      const problems = await checkNewUser(tx, { name, role: 'admin' });
      if (problems.length > 0) throw new ValidationError('user.invalid', `admin ${name}: invalid`, problems);
      const userId = app.ids.next('user');
      // The first admin is created by the set-up itself: it names itself as the actor.
      await users.insert({
        id: userId,
        name,
        role: 'admin',
        consigneeId: null,
        createdAt: now,
        actor: `user:${name}`,
      });
      acting = { kind: 'user', id: name, role: 'admin', userId, consigneeId: null } satisfies UserActor;
      adminCreated = name;
    } else {
      if (actor === undefined) {
        throw new RefusedError('plant.actor_needed', 'the records already have users: say who is acting', [
          'give --as NAME (an admin) or set HEADSTAMP_USER',
        ]);
      }
      requireRole(actor, ['admin'], 'set up the plant');
      acting = actor;
    }
    const by = actorRef(acting);

    const plant = await plants.get();
    if (plant !== undefined && plant.id !== scenario.plant.id) {
      throw new ConflictError(
        'plant.other',
        `these records belong to plant ${plant.id}; the file describes plant ${scenario.plant.id}`,
        { recorded: plant.id, file: scenario.plant.id },
      );
    }
    const latest = plant === undefined ? undefined : await plants.latestConfig(plant.id);
    if (plant !== undefined && latest?.contentHash === contentHash) {
      return {
        plantId: plant.id,
        version: plant.configVersion,
        changed: false,
        contentHash,
        adminCreated,
        counts: await countCatalogue(tx),
        openingLots: 0,
      };
    }
    const version = (latest?.version ?? 0) + 1;
    if (plant === undefined) {
      const simulated = scenario.plant.clockMode === 'simulated';
      await plants.insert(
        {
          id: scenario.plant.id,
          name: scenario.plant.name,
          clockMode: simulated ? 'simulated' : 'real',
          // Simulated time starts at the scenario's start date, midnight UTC.
          simulatedNow: simulated ? `${scenario.plant.startDate}T00:00:00.000Z` : null,
          configVersion: version,
        },
        now,
        by,
      );
    } else {
      await plants.update(plant.id, { name: scenario.plant.name, configVersion: version });
    }
    await plants.insertConfig(scenario.plant.id, {
      version,
      contentHash,
      source: input.source,
      appliedAt: now,
      actor: by,
    });
    await writeCatalogue(tx, scenario, version, by);
    const openingLots = plant === undefined ? await receiveOpeningStock(tx, app, scenario, acting, now) : 0;
    return {
      plantId: scenario.plant.id,
      version,
      changed: true,
      contentHash,
      adminCreated,
      counts: await countCatalogue(tx),
      openingLots,
    };
  });
}

/**
 * The scenario in force: the text of the latest configuration version, parsed and checked.
 *
 * @example
 * const scenario = await plantScenario(app.store);
 * scenario.lines.length; // 4
 */
export async function plantScenario(ex: Executor): Promise<Scenario> {
  const plants = plantRepository(ex);
  const plant = await plants.get();
  const head = plant === undefined ? undefined : await plants.latestConfigHead(plant.id);
  if (plant === undefined || head === undefined) {
    throw new RefusedError('plant.missing', 'no plant in these records yet', [
      'run headstamp init scenarios/seed-plant.yaml first',
    ]);
  }
  const cached = parsedScenarios.get(head.contentHash);
  if (cached !== undefined) return cached;
  const latest = await plants.latestConfig(plant.id);
  const scenario = parseScenario(latest?.source ?? '');
  if (parsedScenarios.size >= 8) parsedScenarios.clear();
  parsedScenarios.set(head.contentHash, scenario);
  return scenario;
}

/**
 * Parsed scenarios by the SHA-256 of their text: a configuration version never changes, and
 * parsing and checking one costs milliseconds that every ingest batch would otherwise pay.
 */
const parsedScenarios = new Map<string, Scenario>();

function parseScenario(source: string): Scenario {
  let parsed: unknown;
  try {
    parsed = parse(source);
  } catch (error) {
    throw new ValidationError('scenario.yaml', 'the scenario file is not valid YAML', [
      { path: '', problem: error instanceof Error ? error.message : String(error) },
    ]);
  }
  return validateScenario(parsed);
}

async function writeCatalogue(ex: Executor, scenario: Scenario, version: number, by: string): Promise<void> {
  const plants = plantRepository(ex);
  const plantId = scenario.plant.id;
  const entry = <T extends { id: string; name: string }>(item: T) => ({
    id: item.id,
    name: item.name,
    config: item,
    configVersion: version,
  });
  await plants.upsertCatalogue('lines', plantId, scenario.lines.map(entry), by);
  // A line with a signed acceptance act in the file is in service; a later file never takes
  // that back (decommissioning is an act of its own).
  for (const line of scenario.lines) {
    if (line.commissioning?.priorAct !== undefined) await plants.setCommissioned(line.id, true);
  }
  const lotSize = scenario.plant.lots.roundsPerLot;
  await plants.upsertCatalogue(
    'products',
    plantId,
    scenario.products.map((p) => ({ ...entry(p), extra: { lot_size: lotSize } })),
    by,
  );
  await plants.upsertCatalogue('storage_locations', plantId, scenario.storage.map(entry), by);
  await plants.upsertCatalogue('consignees', plantId, scenario.consignees.map(entry), by);
  await plants.upsertCatalogue('components', plantId, scenario.components.map(entry), by);
}

async function countCatalogue(ex: Executor): Promise<Record<CatalogueTable, number>> {
  const plants = plantRepository(ex);
  const tables: CatalogueTable[] = ['lines', 'products', 'storage_locations', 'consignees', 'components'];
  const counts = await Promise.all(tables.map(async (t) => (await plants.catalogue(t)).length));
  return Object.fromEntries(tables.map((t, i) => [t, counts[i] ?? 0])) as Record<CatalogueTable, number>;
}

/**
 * The scenario's `initialStock` of each component, as one component lot per component
 * ("opening stock" from its first supplier), received when the plant's records begin: the
 * opening balance that the first lots consume. Later configuration versions leave stock alone
 * (stock changes only by receipts and consumption).
 */
async function receiveOpeningStock(
  tx: Tx,
  app: Pick<AppContext, 'ids'>,
  scenario: Scenario,
  actor: Actor,
  now: string,
): Promise<number> {
  const lots = lotRepository(tx);
  const sequences = sequenceRepository(tx);
  const store =
    scenario.storage.find((s) => s.kind === 'line-side')?.id ??
    scenario.storage.find((s) => s.kind === 'magazine')?.id ??
    'components';
  const at = new Date(now);
  const events: CustodyEvent[] = [];
  for (const component of scenario.components) {
    const supplier = component.suppliers[0];
    if (component.initialStock <= 0 || supplier === undefined) continue;
    const code = componentCode(component.id);
    const year = at.getUTCFullYear();
    const month = at.getUTCMonth() + 1;
    const sequence = await sequences.next(scenario.plant.id, `component-lot:${code}:${year}-${month}`);
    const lotNumber = formatComponentLotNumber({ component: code, year, month, sequence });
    await lots.insertComponentLot({
      id: app.ids.next('component-lot'),
      componentId: component.id,
      lotNumber,
      supplier,
      supplierLot: `opening stock ${scenario.plant.startDate}`,
      received: component.initialStock,
      remaining: component.initialStock,
      receivedAt: now,
      actor: actorRef(actor),
    });
    events.push(
      componentLotReceived(
        { eventID: app.ids.next('event'), eventTime: now, actor: custodyActor(actor) },
        {
          product: component.id,
          lot: lotNumber,
          quantity: component.initialStock,
          location: store,
          supplier,
        },
      ),
    );
  }
  await appendCustody(tx, events);
  return events.length;
}

/**
 * Our short code of a component in component lot numbers: up to 6 capitals and digits, the
 * first word shortened to leave room for the rest (`case` CASE, `bullet-ps` BULLPS, `bullet-t` BULLT).
 *
 * @example
 * componentCode('bullet-ps'); // 'BULLPS'
 */
export function componentCode(componentId: string): string {
  const [first = 'C', ...rest] = componentId
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((p) => p !== '');
  if (rest.length === 0) return first.slice(0, 6).padEnd(2, 'X');
  const tail = rest.join('').slice(0, 2);
  return first.slice(0, 4) + tail;
}
