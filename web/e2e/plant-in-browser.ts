import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../src/app/auth/roles.ts';
import { login, newPage, openBrowser, startPlant, type Plant, type StartPlantOptions } from './harness.ts';

/** A living plant and a browser shared by one test file's tests. */
export interface PlantInBrowser {
  /** The plant under test (after the file's set-up has run). */
  readonly plant: Plant;
  readonly browser: Browser;
  /** A new page signed in as the user of `role`, closed with the rest after the file's tests. */
  readonly as: (role: Role) => Promise<Page>;
}

/**
 * Starts a plant and a browser before the file's tests and stops them (pages, browser, server)
 * after them. Read `plant` and call `as` inside the tests, once the set-up has run.
 *
 * @example
 * const e2e = usePlantInBrowser({ days: 3, speed: 10 });
 * it('shows the stock', async () => {
 *   const { plant, as } = e2e;
 *   await open(await as('logistics'), plant, '/stock');
 * });
 */
export function usePlantInBrowser(options: StartPlantOptions = {}): PlantInBrowser {
  let plant: Plant | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    [plant, browser] = await Promise.all([startPlant(options), openBrowser()]);
  });
  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await plant?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('e2e: the plant and the browser start before the tests');
    return value;
  };
  return {
    get plant() {
      return started(plant);
    },
    get browser() {
      return started(browser);
    },
    as: async (role) => {
      const page = await login(await newPage(started(browser)), started(plant), role);
      pages.push(page);
      return page;
    },
  };
}
