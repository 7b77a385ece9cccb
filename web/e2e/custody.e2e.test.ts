import { describe, expect, it } from 'vitest';
import { open, read, settle, shot } from './harness.ts';
import { usePlantInBrowser } from './plant-in-browser.ts';

// The operations pages end to end, as their people use them, on one living plant: orders and schedule,
// stock, shipping under an authorisation with four eyes, receipt by the consignee, trace, ledger and a
// capacity study. The twin runs at 10× so that its daily shipping round (14:00 at the plant, half an
// hour away) does not take the crates in stock first.

describe('orders, custody, ledger and capacity pages', () => {
  const e2e = usePlantInBrowser({ days: 3, speed: 10 });

  it('a planner places an order, sees it with the schedule, and reschedules', async () => {
    const { plant, as } = e2e;
    const page = await as('planner');
    await open(page, plant, '/orders');
    const form = page.getByRole('form', { name: 'Place an order' });
    await form.getByLabel('Consignee').fill('police');
    await form.getByLabel('Product').selectOption('ball-ps');
    await form.getByLabel('Quantity (rounds)').fill('-5');
    await form.getByLabel('Due date').fill('2026-03-20');
    await form.getByRole('button', { name: 'Place order' }).click();
    // The server's refusal, beside the field at fault.
    await expect
      .poll(() => form.locator('.problem').first().textContent(), { timeout: 20_000 })
      .toMatch(/>= 1/);
    await form.getByLabel('Quantity (rounds)').fill('26400');
    await form.getByRole('button', { name: 'Place order' }).click();
    const placed = form.getByRole('status').filter({ hasText: /placed/ });
    await placed.waitFor();
    const orderNumber = /CO-\d{4}-\d{4}/.exec((await placed.textContent()) ?? '')?.[0] ?? '';
    expect(orderNumber).not.toBe('');
    await page.getByRole('cell', { name: orderNumber, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Reschedule open orders' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Rescheduled: \d+ production orders placed/ })
      .waitFor();
    await page.locator('.chart[data-chart="ready"]').first().waitFor();
    await settle(page, 'orders');
  });

  it('logistics is refused a shipment without a covering authorisation, then ships under one; a second person approves', async () => {
    const { plant, as } = e2e;
    const logistics = await as('logistics');
    await open(logistics, plant, '/stock');
    await logistics.locator('.chart[data-chart="ready"]').waitFor();
    await settle(logistics, 'stock');

    type Line = { lotNumber: string; form: string; status: string; locationId: string };
    let lot: string | undefined;
    await expect
      .poll(
        async () => {
          const stock = await read<{ items: Line[] }>(logistics, plant, '/stock?limit=500');
          return (lot = stock.items.find((l) => l.form === 'crate' && l.status === 'released')?.lotNumber);
        },
        { timeout: 120_000, interval: 3_000 },
      )
      .toBeDefined();

    await open(logistics, plant, '/shipments');
    const form = logistics.getByRole('form', { name: 'Plan a shipment' });
    await form.getByLabel('Consignee').selectOption('police');
    await form.getByLabel('Authorisation').selectOption('EUC-2026-ARMY-001');
    await form.getByLabel('Lot in stock').fill(lot ?? '');
    await form.getByRole('button', { name: 'Add the lot’s crates' }).click();
    await expect
      .poll(() => form.getByLabel('Crates and pallets (SSCCs)').inputValue(), { timeout: 20_000 })
      .toMatch(/^\d{18}/);
    await form.getByLabel('Transport').fill('TRK-E2E / waybill W-1');
    await form.getByLabel('Invoice').fill('INV-E2E-1');
    await form.getByRole('button', { name: 'Plan shipment' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    // Each failed condition, in place.
    expect(await refusal.textContent()).toMatch(/names consignee army, not police/);
    await shot(logistics, 'shipment-refused');

    await form.getByLabel('Consignee').selectOption('army');
    await form.getByRole('button', { name: 'Plan shipment' }).click();
    const planned = form.getByRole('status').filter({ hasText: /planned/ });
    await planned.waitFor();
    const shipment = /SH-\d{4}-\d{4}/.exec((await planned.textContent()) ?? '')?.[0] ?? '';
    expect(shipment).not.toBe('');
    await logistics.getByRole('button', { name: `Dispatch ${shipment}` }).click();
    const waits = logistics.getByRole('status').filter({ hasText: /waits for a second person/ });
    await waits.waitFor();
    const request = /AR-\d{4}-\d{4}/.exec((await waits.textContent()) ?? '')?.[0] ?? '';
    expect(request).not.toBe('');
    await settle(logistics, 'shipments');

    // The one who asked may only withdraw; another person approves.
    await open(logistics, plant, '/approvals');
    await logistics.getByRole('button', { name: `Withdraw ${request}` }).waitFor();
    expect(await logistics.getByRole('button', { name: `Approve ${request}` }).count()).toBe(0);

    const admin = await as('admin');
    await open(admin, plant, '/approvals');
    await admin.getByRole('button', { name: `Approve ${request}` }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `${request} approved` })
      .waitFor();
    await settle(admin, 'approvals');
    const after = await read<{ items: { shipmentNumber: string; status: string }[] }>(
      admin,
      plant,
      '/shipments?limit=500',
    );
    expect(after.items.find((s) => s.shipmentNumber === shipment)?.status).toBe('in_transit');

    // The consignee sees its deliveries only, and confirms this one.
    const army = await as('consignee');
    await open(army, plant, '/shipments');
    await army.getByRole('button', { name: `Confirm receipt of ${shipment}` }).click();
    await army.getByRole('status').filter({ hasText: 'receipt confirmed' }).waitFor();
    const mine = await read<{ items: { consigneeId: string; shipmentNumber: string; status: string }[] }>(
      army,
      plant,
      '/shipments?limit=500',
    );
    expect(new Set(mine.items.map((s) => s.consigneeId))).toEqual(new Set(['army']));
    expect(mine.items.find((s) => s.shipmentNumber === shipment)?.status).toBe('received');
    expect(await army.getByRole('form', { name: 'Plan a shipment' }).count()).toBe(0);
    await settle(army, 'shipments-consignee');
    await open(army, plant, '/orders');
    await army.getByRole('heading', { name: 'Our orders' }).waitFor();
    expect(await army.getByLabel('Consignee').count()).toBe(0);
    await settle(army, 'orders-consignee');

    // Trace the lot shipped: a graph from the lot to the army, with the table beside it.
    const auditor = await as('auditor');
    await open(auditor, plant, '/trace');
    await auditor.getByLabel(/Lot, crate/).fill(lot ?? '');
    await auditor.getByRole('button', { name: 'Trace' }).click();
    await auditor.locator('.chart[data-chart="ready"]').waitFor();
    await auditor
      .getByRole('table', { name: `Consignees of lot ${lot}` })
      .getByText('National army')
      .waitFor();
    expect(await auditor.getByRole('button', { name: 'Start recall' }).count()).toBe(0);
    await settle(auditor, 'trace');
  });

  it('an admin signs a checkpoint; an auditor verifies the ledger against it and reads the reconciliation', async () => {
    const { plant, as } = e2e;
    const admin = await as('admin');
    await open(admin, plant, '/ledger');
    await admin.getByRole('button', { name: 'Sign a checkpoint' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: /checkpoint of [\d,]+ events signed/ })
      .waitFor();

    const page = await as('auditor');
    await open(page, plant, '/ledger');
    expect(await page.getByRole('button', { name: 'Sign a checkpoint' }).count()).toBe(0);
    await page
      .getByRole('table', { name: /Signed checkpoints/ })
      .getByText(/admin/)
      .waitFor();
    await page
      .getByRole('table', { name: /Lots reconciled/ })
      .getByRole('link')
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Verify the ledger' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Ledger verified: intact' })
      .waitFor({ timeout: 60_000 });
    await settle(page, 'ledger');
  });

  it('a planner runs a small capacity study and sees its charts', async () => {
    const { plant, as } = e2e;
    const page = await as('planner');
    await open(page, plant, '/capacity');
    await page.getByLabel('Replications').fill('2');
    await page.getByLabel('Horizon (days)').fill('7');
    await page.getByRole('button', { name: 'Run study' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /good rounds/ })
      .waitFor({ timeout: 120_000 });
    await expect.poll(() => page.locator('.chart[data-chart="ready"]').count(), { timeout: 20_000 }).toBe(2);
    await settle(page, 'capacity');
  });
});
