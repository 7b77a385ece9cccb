import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pages } from '../src/app/routes.ts';
import { roles } from '../../src/app/auth/roles.ts';
import {
  checkAxe,
  expectNoConsoleErrors,
  login,
  newPage,
  openBrowser,
  shot,
  startPlant,
  type Plant,
} from './harness.ts';

// Every role signs in through the form and is offered exactly the pages the registry gives it; a page
// it may not use is refused by the frame (and its data by the server).
describe('sign-in and roles', () => {
  let plant: Plant;
  let browser: Browser;
  beforeAll(async () => {
    [plant, browser] = await Promise.all([startPlant({ days: 1 }), openBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await plant?.stop();
  });

  it('refuses a wrong password with the server’s message, in place', async () => {
    const page = await newPage(browser);
    await page.goto(`${plant.url}/`);
    await page.getByLabel('Name').fill(plant.users.planner.name);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/password|sign/i);
    await checkAxe(page);
    await shot(page, 'login-refused');
    expectNoConsoleErrors(page);
    await page.context().close();
  });

  for (const role of roles) {
    it(`${role} sees only its pages`, async () => {
      const page = await login(await newPage(browser), plant, role);
      const offered = await page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link')
        .allTextContents();
      const expected = pages.filter((p) => p.nav && p.roles.includes(role)).map((p) => p.title);
      expect(offered).toEqual(expected);
      await page.locator('main h1').first().waitFor();
      if (role === 'consignee') {
        await page.goto(`${plant.url}/#/ledger`);
        await expect.poll(() => page.locator('main').textContent()).toMatch(/not open to the consignee role/);
        const answer = await page.evaluate(
          async () => (await fetch('/api/v1/ledger/verify', { method: 'POST' })).status,
        );
        expect(answer).toBe(403);
      }
      await shot(page, `home-${role}`);
      expectNoConsoleErrors(page);
      await page.context().close();
    });
  }
});
