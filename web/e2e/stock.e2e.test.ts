import { describe, expect, it } from 'vitest';
import { open, read, settle, shot } from './harness.ts';
import { usePlantInBrowser } from './plant-in-browser.ts';

// Authorisations and the acts on stock, as logistics does them on a living plant, with the second person
// each four-eyes act needs. The seed plant asks four eyes for authorisations and stock adjustments. The
// twin runs at 10× so its daily shipping round does not empty the magazine first.

type StockLine = { lotNumber: string; form: string; status: string; locationId: string; quantity: number };
type Crates = {
  crates: { sscc: string; locationId: string; palletSscc: string | null; shipmentNumber: string | null }[];
};

describe('authorisations and stock', () => {
  const e2e = usePlantInBrowser({ days: 3, speed: 10 });

  it('logistics adds an authorisation, a second person approves it, and logistics suspends it with a reason', async () => {
    const { plant, as } = e2e;
    const number = 'EUC-2026-E2E-001';
    const logistics = await as('logistics');
    await open(logistics, plant, '/shipments');
    const form = logistics.getByRole('form', { name: /Add an authorisation/ });
    await form.getByLabel('Certificate number').fill(number);
    await form.getByLabel('Issuing authority').fill('Ministry of Defence');
    await form.getByLabel('Consignee').fill('army');
    await form.getByLabel('Country of end use').fill('BY');
    await form.getByLabel('Products').fill('ball-ps');
    await form.getByLabel('Quantity ceiling (rounds)').fill('50000');
    await form.getByLabel('Valid from').fill('2026-01-01');
    await form.getByLabel('Valid to').fill('2027-12-31');
    await form.getByLabel('Documents').fill('contract C-2026-E2E\nend-use statement EUS-7');
    await form.getByRole('button', { name: 'Add authorisation' }).click();
    // The server's refusal, beside the field at fault.
    await expect
      .poll(() => form.locator('.problem').first().textContent(), { timeout: 20_000 })
      .toMatch(/consignee army is in VE, not BY/);
    await shot(logistics, 'authorisation-refused');

    await form.getByLabel('Country of end use').fill('VE');
    await form.getByRole('button', { name: 'Add authorisation' }).click();
    const waits = form.getByRole('status').filter({ hasText: /waits for a second person/ });
    await waits.waitFor();
    const request = /AR-\d{4}-\d{4}/.exec((await waits.textContent()) ?? '')?.[0] ?? '';
    expect(request).not.toBe('');
    // The waiting request is listed on the page.
    await logistics
      .getByRole('table', { name: /Authorisations waiting for a second person/ })
      .getByRole('cell', { name: request, exact: true })
      .waitFor();
    await settle(logistics, 'shipments-authorisation-waiting');

    const admin = await as('admin');
    await open(admin, plant, '/approvals');
    await admin.getByRole('button', { name: `Approve ${request}` }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `${request} approved` })
      .waitFor();

    await open(logistics, plant, '/shipments');
    await logistics.reload();
    const auths = logistics.getByRole('table', { name: /Authorisations \(end-user certificates\)/ });
    const row = auths.getByRole('row').filter({ hasText: number });
    await row.getByText('valid', { exact: true }).waitFor();
    // No reason: refused, in place; with one, suspended.
    await logistics.getByRole('button', { name: `Suspend ${number}` }).click();
    await expect
      .poll(() => row.locator('.problem').first().textContent(), { timeout: 20_000 })
      .toMatch(/^reason: /);
    await logistics.getByLabel(`Reason for ${number}`).fill('end-user check pending');
    await logistics.getByRole('button', { name: `Suspend ${number}` }).click();
    await row.getByText('suspended', { exact: true }).waitFor();
    await logistics.getByRole('button', { name: `Reinstate ${number}` }).waitFor();
    await settle(logistics, 'shipments-authorisation-suspended');

    // An auditor is offered none of this.
    const auditor = await as('auditor');
    await open(auditor, plant, '/shipments');
    await auditor.getByRole('table', { name: /Authorisations \(end-user certificates\)/ }).waitFor();
    expect(await auditor.getByRole('form', { name: /Add an authorisation/ }).count()).toBe(0);
    expect(await auditor.getByRole('button', { name: `Reinstate ${number}` }).count()).toBe(0);
  });

  it('logistics moves a crate, refused a location that does not take it, and records a count that waits for approval', async () => {
    const { plant, as } = e2e;
    const logistics = await as('logistics');
    // A released crate in the plant, as the API has it.
    let unit: { lot: string; sscc: string; at: string } | undefined;
    await expect
      .poll(
        async () => {
          const stock = await read<{ items: StockLine[] }>(logistics, plant, '/stock?limit=500');
          for (const line of stock.items.filter((l) => l.form === 'crate' && l.status === 'released')) {
            const trace = await read<Crates>(logistics, plant, `/trace/lots/${line.lotNumber}`);
            const crate = trace.crates.find((c) => c.shipmentNumber === null && c.locationId !== '');
            if (crate !== undefined)
              return (unit = {
                lot: line.lotNumber,
                sscc: crate.palletSscc ?? crate.sscc,
                at: crate.locationId,
              });
          }
          return undefined;
        },
        { timeout: 120_000, interval: 3_000 },
      )
      .toBeDefined();
    if (unit === undefined) throw new Error('no released crate in stock');

    await open(logistics, plant, '/stock');
    await logistics.locator('.chart[data-chart="ready"]').waitFor();
    const move = logistics.getByRole('form', { name: 'Move stock' });
    await move.getByLabel('Lot', { exact: true }).fill(unit.lot);
    await move.getByRole('button', { name: 'List the lot’s crates' }).click();
    await move.getByLabel('Crate or pallet (SSCC)', { exact: true }).fill(unit.sscc);
    // The line-side store takes lots still waiting for release only.
    await move.getByLabel('To', { exact: true }).selectOption('line-side');
    await move.getByRole('button', { name: 'Move', exact: true }).click();
    const refused = move.locator('.error-box');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(
      /line-side line-side takes pending lots only; this lot is released/,
    );
    await shot(logistics, 'stock-move-refused');

    const target = unit.at === 'dock' ? 'magazine-1' : 'dock';
    await move.getByLabel('To', { exact: true }).selectOption(target);
    await move.getByRole('button', { name: 'Move', exact: true }).click();
    await move
      .getByRole('status')
      .filter({ hasText: new RegExp(`from ${unit.at} to ${target}`) })
      .waitFor();

    // A count of loose boxes that differs from the records: a reason is asked, then a second person.
    const stock = await read<{ items: StockLine[] }>(logistics, plant, '/stock?limit=500');
    const loose = stock.items.find((l) => l.form === 'box' && l.quantity > 0);
    if (loose === undefined) throw new Error('no loose boxes in stock');
    const count = logistics.getByRole('form', { name: 'Record a physical count' });
    await count.getByLabel('Location', { exact: true }).selectOption(loose.locationId);
    await count.getByLabel('Lot', { exact: true }).fill(loose.lotNumber);
    await count.getByLabel('Form', { exact: true }).selectOption('box');
    await count.getByLabel('Counted', { exact: true }).fill(String(loose.quantity + 1));
    await count.getByRole('button', { name: 'Record count' }).click();
    await expect
      .poll(() => count.locator('.problem').first().textContent(), { timeout: 20_000 })
      .toMatch(/needs a reason/);
    await count.getByLabel('Reason for a difference').fill('found');
    await count.getByRole('button', { name: 'Record count' }).click();
    const waits = count.getByRole('status').filter({ hasText: /waits for a second person/ });
    await waits.waitFor();
    const request = /AR-\d{4}-\d{4}/.exec((await waits.textContent()) ?? '')?.[0] ?? '';
    expect(request).not.toBe('');
    await settle(logistics, 'stock-actions');

    // The second person sees it waiting; the one who counted may only withdraw it.
    const admin = await as('admin');
    await open(admin, plant, '/approvals');
    await admin.getByRole('button', { name: `Approve ${request}` }).waitFor();
    await open(logistics, plant, '/approvals');
    await logistics.reload();
    await logistics.getByRole('button', { name: `Withdraw ${request}` }).waitFor();
    await settle(admin, 'approvals-count');

    // Quality may destroy but not move or count; the auditor may do none of it.
    const quality = await as('quality');
    await open(quality, plant, '/stock');
    await quality.getByRole('form', { name: 'Destroy rounds' }).waitFor();
    expect(await quality.getByRole('form', { name: 'Move stock' }).count()).toBe(0);
    const auditor = await as('auditor');
    await open(auditor, plant, '/stock');
    await auditor.getByRole('table', { name: 'Locations' }).waitFor();
    expect(await auditor.getByRole('form', { name: 'Destroy rounds' }).count()).toBe(0);
  });

  it('a line’s timeline opens with the state the line was in at the window’s start, and the live marker is on', async () => {
    const { plant, as } = e2e;
    const planner = await as('planner');
    const glance = await read<{ now: string }>(planner, plant, '/lines');
    const to = new Date(Date.parse(glance.now));
    const from = new Date(to.getTime() - 24 * 3600_000);
    const events = await read<{ opening: { kind: string; state: string } | null }>(
      planner,
      plant,
      `/lines/L1/events?from=${from.toISOString()}&to=${to.toISOString()}`,
    );
    // Three simulated days before: the line had a state before the last 24 hours.
    expect(events.opening).toMatchObject({ kind: 'state' });
    await open(planner, plant, '/lines/L1');
    await planner.locator('.chart[data-chart="ready"]').first().waitFor({ timeout: 20_000 });
    // The marker in the header follows the stream on a page that does not listen itself.
    await planner.locator('.live-dot.on').waitFor({ timeout: 20_000 });
    await settle(planner, 'line-L1-timeline');
  });
});
