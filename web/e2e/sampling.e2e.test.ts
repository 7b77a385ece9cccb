import { describe, expect, it } from 'vitest';
import { open, read, settle } from './harness.ts';
import { usePlantInBrowser } from './plant-in-browser.ts';

// Lots and sampling end to end: quality records a sample result on a lot the line has just made. The
// twin runs at 120× so that a new lot comes every few minutes; its inspector samples each hourly round
// (every 30 s), so the test takes a lot it has not reached yet.

describe('lots and sampling pages', () => {
  const e2e = usePlantInBrowser({ days: 3, speed: 120 });

  it('quality records a sample result on a lot waiting for it, and sees the judgement', async () => {
    const { plant, as } = e2e;
    const page = await as('quality');
    await open(page, plant, '/lots');
    await page.getByRole('link', { name: /^HSP/ }).first().waitFor();
    await settle(page, 'lots');
    // The twin's inspector samples every waiting lot each simulated hour; take one it has not reached,
    // and try the next if it gets there first.
    let recorded = false;
    for (let attempt = 0; attempt < 3 && !recorded; attempt++) {
      let lot: string | undefined;
      await expect
        .poll(
          async () => {
            const statuses = await read<{ items: { lotNumber: string; status: string }[] }>(
              page,
              plant,
              '/lot-statuses?limit=500',
            );
            for (const s of statuses.items.filter((x) => x.status === 'pending').reverse()) {
              const q = await read<{ inspection: unknown }>(page, plant, `/lots/${s.lotNumber}/quality`);
              if (q.inspection === null) return (lot = s.lotNumber);
            }
            return undefined;
          },
          // Lots are a day of a line: on four lines one is commissioned every few simulated hours
          // (a few minutes at 120×), and waits for sampling until the inspector's next hourly round.
          { timeout: 480_000, interval: 1_000 },
        )
        .toBeDefined();
      await page.goto(`${plant.url}/#/lots/${lot}`);
      const form = page.getByRole('form', { name: 'Record sample results' });
      const done = page.getByRole('heading', { name: /Sample results/ });
      try {
        await form.or(done).first().waitFor();
      } catch (e) {
        const shown = await page.locator('body').innerText();
        throw new Error(
          `lot ${lot}: neither the form nor the results after 30 s; the page shows:\n${shown.slice(0, 1500)}`,
          {
            cause: e,
          },
        );
      }
      if (!(await form.isVisible())) continue; // the inspector got there first
      for (const defectClass of ['critical', 'major', 'minor'])
        await form.getByLabel(`${defectClass}: defects`).fill(defectClass === 'minor' ? '2' : '0');
      await form.getByRole('button', { name: 'Record results' }).click();
      const outcome = form.locator('[role="status"], [role="alert"]').first();
      await outcome.waitFor();
      const text = (await outcome.textContent()) ?? '';
      if (/Lot accepted/.test(text)) recorded = true;
      else expect(text).toMatch(/already|inspect|conflict/i);
    }
    expect(recorded).toBe(true);
    await page.getByRole('heading', { name: /Sample results/ }).waitFor();
    await settle(page, 'lot');
  }, 900_000);
});
