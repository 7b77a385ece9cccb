import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAxe,
  expectNoConsoleErrors,
  login,
  newPage,
  open,
  openBrowser,
  shot,
  startPlant,
  type Plant,
} from './harness.ts';

// The plant overview and the line page against a living plant: the twin runs the lines at 60× while the
// browser watches, so the overview's counts must move without a reload.
describe('plant overview and line page', () => {
  let plant: Plant;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    [plant, browser] = await Promise.all([startPlant({ days: 3, hours: 9 }), openBrowser()]);
    page = await login(await newPage(browser), plant, 'planner');
  });
  afterAll(async () => {
    await browser?.close();
    await plant?.stop();
  });

  const charts = (p: Page) => p.locator('[data-chart="ready"]');

  it('shows the four lines with state, rate, counts and OEE, and updates them live', async () => {
    await open(page, plant, '/');
    await expect.poll(() => page.locator('article').count()).toBe(4);
    await expect.poll(() => charts(page).count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    const goodToday = page.locator('[data-live="good-today"]');
    const before = await goodToday.textContent();
    const url = page.url();
    // A count arrives about once a simulated minute per running line: within seconds at 60×.
    await expect
      .poll(async () => goodToday.textContent(), { timeout: 60_000, interval: 500 })
      .not.toBe(before);
    expect(page.url()).toBe(url);
    const states = await page.locator('[data-line-state]').allTextContents();
    expect(states).toHaveLength(4);
    expect(states.some((s) => s.startsWith('Execute'))).toBe(true);
    await expect
      .poll(() =>
        page
          .getByText(/Ledger events/)
          .locator('..')
          .textContent(),
      )
      .toMatch(/\d/);
    await checkAxe(page);
    await shot(page, 'overview');
    expectNoConsoleErrors(page);
  });

  it('opens a line: timeline, loss waterfall and Pareto drawn, KPIs by day listed', async () => {
    await page.getByRole('link', { name: /^Line 1/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Line 1/ }).waitFor();
    expect(page.url()).toMatch(/#\/lines\/L1$/);
    await expect.poll(() => charts(page).count(), { timeout: 20_000 }).toBe(3);
    await expect.poll(() => page.locator('table tbody tr').count()).toBeGreaterThanOrEqual(3);
    const waterfall = await page.getByRole('img', { name: /OEE loss waterfall/ }).getAttribute('aria-label');
    expect(waterfall).toMatch(/Planned busy time \d+ min/);
    expect(waterfall).toMatch(/Good output time \d+ min/);
    await checkAxe(page);
    await shot(page, 'line-L1');
    expectNoConsoleErrors(page);
  });

  it('is usable from the keyboard: skip link, then the navigation in order', async () => {
    await open(page, plant, '/');
    await page.reload();
    await page.locator('article').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Plant');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Orders/ }).waitFor();
    // The focus moved to the new page's content: the next Tab goes into it, not back to the menu.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.title()).toBe('Orders · Headstamp');
    expectNoConsoleErrors(page);
  });
});
