/**
 * Generates a traceability dataset of N plant-years straight into the records: lots (with a run
 * each and four component lots each, first in, first out from monthly deliveries), crates of
 * each lot, pallets of crates, and shipments of pallets to consignees under authorisations.
 * Deterministic for a seed. No ledger events: trace queries read the records, not the ledger.
 *
 * The plant's scenario must be set up already (products, lines, consignees, locations).
 * Sizes for the reference plant: 70 M rounds a year = 663 lots of 105,600 = 53,030 crates of
 * 1,320 = 1,326 pallets of 40; shipments of 1 to 3 pallets, about 660 a year.
 */
import { plantScenario } from '../../src/app/plant-setup.ts';
import { withTransaction } from '../../src/app/transaction.ts';
import { ssccCheckDigit } from '../../src/ledger/identifiers.ts';
import { shipmentRepository } from '../../src/store/custody/shipments.ts';
import type { Store, Tx } from '../../src/store/database.ts';

export interface GenerateOptions {
  readonly years: number;
  readonly roundsPerYear: number;
  readonly seed: number;
  /** First year of records (lot numbers carry its two digits). */
  readonly firstYear?: number;
  readonly onYear?: (year: number, done: GenerateSummary) => void;
}

export interface GenerateSummary {
  lots: number;
  crates: number;
  pallets: number;
  shipments: number;
  shipmentCrates: number;
  componentLots: number;
}

/** What was generated, kept for checks on small datasets: rounds shipped per lot and consignee. */
export interface GroundTruth {
  readonly shippedByLot: Map<string, Map<string, number>>;
  readonly lotNumbers: string[];
  readonly shipmentNumbers: string[];
}

/** mulberry32: a small seeded generator, enough to spread shipments over consignees. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = 'ABCDEFGHJKLM';

function sscc(extension: number, serial: number): string {
  const first17 = `${extension}614141${String(serial).padStart(10, '0')}`;
  return `${first17}${ssccCheckDigit(first17)}`;
}

async function insertMany(tx: Tx, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0] ?? {}).length || 1;
  const chunk = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < rows.length; i += chunk) {
    // The table names and rows are this generator's own; Kysely's types cannot follow a name.
    await (
      tx.db as unknown as { insertInto(t: string): { values(v: unknown): { execute(): Promise<unknown> } } }
    )
      .insertInto(table)
      .values(rows.slice(i, i + chunk))
      .execute();
  }
}

/**
 * Fills the records with `years` plant-years of lots, crates, pallets and shipments.
 *
 * @example
 * const { summary } = await generateTraceData(store, { years: 10, roundsPerYear: 70_000_000, seed: 1 });
 */
export async function generateTraceData(
  store: Store,
  options: GenerateOptions,
): Promise<{ summary: GenerateSummary; truth: GroundTruth }> {
  const scenario = await plantScenario(store);
  const rand = random(options.seed);
  const product = scenario.products[0];
  const lines = scenario.lines.filter((l) => l.products.includes(product?.id ?? ''));
  const location = scenario.storage.find((s) => s.kind === 'magazine')?.id ?? scenario.storage[0]?.id ?? '';
  if (product === undefined || lines.length === 0)
    throw new Error('the scenario needs a product and a line that makes it');
  const perCrate = product.packaging.roundsPerBox * product.packaging.boxesPerCrate;
  const perPallet = product.packaging.cratesPerPallet;
  const perLot = scenario.plant.lots.roundsPerLot;
  const cratesPerLot = Math.floor(perLot / perCrate);
  const lotsPerYear = Math.max(1, Math.round(options.roundsPerYear / perLot));
  const consignees = scenario.consignees.map((c) => c.id);
  const components = Object.keys(product.bill);
  const firstYear = options.firstYear ?? 2026;
  const summary: GenerateSummary = {
    lots: 0,
    crates: 0,
    pallets: 0,
    shipments: 0,
    shipmentCrates: 0,
    componentLots: 0,
  };
  const truth: GroundTruth = { shippedByLot: new Map(), lotNumbers: [], shipmentNumbers: [] };
  const keepTruth = options.years * lotsPerYear <= 2000;
  let serial = 0;
  const at = (year: number, dayOfYear: number, minute = 360): string =>
    new Date(Date.UTC(year, 0, 1 + Math.min(364, dayOfYear), 0, minute)).toISOString();

  for (let y = 0; y < options.years; y++) {
    const year = firstYear + y;
    const yy = String(year % 100).padStart(2, '0');
    await withTransaction(store, async (tx) => {
      const orderId = `bench-po-${year}`;
      await insertMany(tx, 'production_orders', [
        {
          id: orderId,
          order_number: `PO-${year}-BENCH`,
          customer_order_id: null,
          product_id: product.id,
          quantity: lotsPerYear * perLot,
          due_date: `${year}-12-31`,
          priority: 1,
          status: 'done',
          created_at: at(year, 0),
          actor: 'user:bench',
        },
      ]);
      const authorisations = consignees.map((c) => ({
        id: `bench-eu-${year}-${c}`,
        number: `EUC-${year}-${c}`,
        authority: 'Ministry of Defence',
        consignee_id: c,
        country: scenario.consignees.find((x) => x.id === c)?.country ?? 'XX',
        products: JSON.stringify([product.id]),
        quantity_ceiling: options.roundsPerYear,
        valid_from: `${year}-01-01`,
        valid_to: `${year}-12-31`,
        status: 'valid',
        status_reason: null,
        documents: JSON.stringify([`contract ${year}-${c}`]),
        created_at: at(year, 0),
        actor: 'user:bench',
        approver: 'user:bench2',
        updated_at: at(year, 0),
      }));
      await insertMany(tx, 'authorisations', authorisations);
      // Monthly component deliveries; lots draw on them in order.
      const componentLots: Record<string, unknown>[] = [];
      for (const comp of components) {
        for (let m = 0; m < 12; m++) {
          componentLots.push({
            id: `bench-cl-${comp}-${year}-${m}`,
            component_id: comp,
            lot_number: `${comp.toUpperCase()}-${yy}${MONTHS[m] ?? 'A'}-${year}`,
            supplier: 'Supplier',
            supplier_lot: `S-${comp}-${year}-${m}`,
            received: Math.ceil(lotsPerYear / 12 + 1) * perLot,
            remaining: 0,
            received_at: at(year, m * 30),
            actor: 'user:bench',
          });
        }
      }
      await insertMany(tx, 'component_lots', componentLots);
      summary.componentLots += componentLots.length;

      const runs: Record<string, unknown>[] = [];
      const lots: Record<string, unknown>[] = [];
      const lotComponents: Record<string, unknown>[] = [];
      const pallets: Record<string, unknown>[] = [];
      const crates: Record<string, unknown>[] = [];
      const palletQueue: {
        id: string;
        sscc: string;
        crates: { id: string; sscc: string; lotId: string }[];
        day: number;
      }[] = [];
      for (let i = 0; i < lotsPerYear; i++) {
        const day = Math.floor((i * 360) / lotsPerYear);
        const month = Math.min(11, Math.floor(day / 30));
        const line = lines[i % lines.length];
        const lineNo = scenario.lines.findIndex((l) => l.id === line?.id) + 1;
        const lotId = `bench-lot-${year}-${i}`;
        const lotNumber = `${scenario.plant.manufacturerCode}${yy}${MONTHS[month] ?? 'A'}${String(lineNo).padStart(3, '0')}-${String(i + 1).padStart(3, '0')}`;
        runs.push({
          id: `bench-run-${year}-${i}`,
          production_order_id: orderId,
          line_id: line?.id ?? '',
          product_id: product.id,
          started_at: at(year, day, 360 + (i % 2) * 480),
          ended_at: at(year, day, 840 + (i % 2) * 480),
          processed: perLot,
          good: perLot,
          defective: 0,
          lotted: perLot,
          actor: 'device:bench',
        });
        lots.push({
          id: lotId,
          plant_id: scenario.plant.id,
          lot_number: lotNumber,
          run_id: `bench-run-${year}-${i}`,
          product_id: product.id,
          line_id: line?.id ?? '',
          quantity: perLot,
          marking: JSON.stringify({ headstamp: `${scenario.plant.manufacturerCode} ${yy}` }),
          component_shortfall: '{}',
          commissioned_at: at(year, day, 900),
          actor: 'device:bench',
        });
        for (const comp of components)
          lotComponents.push({
            lot_id: lotId,
            component_lot_id: `bench-cl-${comp}-${year}-${month}`,
            quantity: perLot,
          });
        if (keepTruth) truth.lotNumbers.push(lotNumber);
        let pallet: (typeof palletQueue)[number] | undefined;
        for (let c = 0; c < cratesPerLot; c++) {
          if (pallet === undefined || pallet.crates.length === perPallet) {
            serial += 1;
            pallet = { id: `bench-pallet-${serial}`, sscc: sscc(2, serial), crates: [], day };
            pallets.push({
              id: pallet.id,
              sscc: pallet.sscc,
              product_id: product.id,
              location_id: location,
              built_at: at(year, day, 960),
              actor: 'user:bench',
            });
            palletQueue.push(pallet);
          }
          serial += 1;
          const crate = { id: `bench-crate-${serial}`, sscc: sscc(1, serial), lotId };
          pallet.crates.push(crate);
          crates.push({
            id: crate.id,
            sscc: crate.sscc,
            lot_id: lotId,
            product_id: product.id,
            boxes: product.packaging.boxesPerCrate,
            rounds: perCrate,
            location_id: location,
            pallet_id: pallet.id,
            packed_at: at(year, day, 930),
            actor: 'user:bench',
          });
        }
      }
      await insertMany(tx, 'production_runs', runs);
      await insertMany(tx, 'lots', lots);
      await insertMany(tx, 'lot_components', lotComponents);
      await insertMany(tx, 'pallets', pallets);
      await insertMany(tx, 'crates', crates);

      // Shipments of 1 to 3 pallets, a few days after packing; the last days' still in transit.
      const shipments: Record<string, unknown>[] = [];
      const shipmentCrates: Record<string, unknown>[] = [];
      let n = 0;
      for (let p = 0; p < palletQueue.length;) {
        const take = palletQueue.slice(p, p + 1 + Math.floor(rand() * 3));
        p += take.length;
        n += 1;
        const consignee = consignees[Math.floor(rand() * consignees.length)] ?? '';
        const day = Math.min(364, (take[0]?.day ?? 0) + 3);
        const received = day < 355;
        const id = `bench-sh-${year}-${n}`;
        const number = `SH-${year}-${String(n).padStart(4, '0')}`;
        const rows = take.flatMap((pl) =>
          pl.crates.map((c) => ({
            shipment_id: id,
            crate_id: c.id,
            sscc: c.sscc,
            pallet_sscc: pl.sscc,
            lot_id: c.lotId,
            product_id: product.id,
            rounds: perCrate,
            outcome: received ? 'received' : 'shipped',
          })),
        );
        shipments.push({
          id,
          shipment_number: number,
          consignee_id: consignee,
          authorisation_id: `bench-eu-${year}-${consignee}`,
          transport_ref: `TR-${n}`,
          invoice_ref: `INV-${year}-${n}`,
          status: received ? 'received' : 'in_transit',
          quantity: rows.length * perCrate,
          created_at: at(year, day - 1),
          actor: 'user:bench',
          dispatched_at: at(year, day),
          dispatched_by: 'user:bench',
          dispatch_approver: 'user:bench2',
          received_at: received ? at(year, day + 2) : null,
          received_by: received ? `user:${consignee}-clerk` : null,
        });
        shipmentCrates.push(...rows);
        if (keepTruth) {
          truth.shipmentNumbers.push(number);
          for (const r of rows) {
            const byConsignee = truth.shippedByLot.get(r.lot_id) ?? new Map<string, number>();
            byConsignee.set(consignee, (byConsignee.get(consignee) ?? 0) + perCrate);
            truth.shippedByLot.set(r.lot_id, byConsignee);
          }
        }
      }
      await insertMany(tx, 'shipments', shipments);
      await insertMany(tx, 'shipment_crates', shipmentCrates);
      // Rounds per lot and shipment, as the shipment repository keeps them.
      await shipmentRepository(tx).summariseLots(shipments.map((s) => String(s['id'])));
      summary.lots += lots.length;
      summary.crates += crates.length;
      summary.pallets += pallets.length;
      summary.shipments += shipments.length;
      summary.shipmentCrates += shipmentCrates.length;
    });
    options.onYear?.(year, summary);
  }
  return { summary, truth };
}
