import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../domain/scenario/index.ts';
import { firstFillMinutes } from './first-fill.ts';

const seedPlant = validateScenario(
  parse(readFileSync(new URL('../../scenarios/seed-plant.yaml', import.meta.url), 'utf8')),
);
const DAY = 1440;

// The seed plant starts on Monday 2026-01-05 and works two shifts, 06:00-22:00, Monday to Friday;
// 16 and 17 February (Monday and Tuesday) are holidays.
describe('firstFillMinutes', () => {
  it('runs on from a night into the first hour of the next shift', () => {
    // Day 30 begins at midnight before Wednesday 4 February.
    expect(firstFillMinutes(seedPlant, 30)).toBe(30 * DAY + 6 * 60 + 60);
  });

  it('stops where the days end when a shift is running then', () => {
    expect(firstFillMinutes(seedPlant, 30.5)).toBe(30.5 * DAY);
  });

  it('runs on over a weekend to Monday', () => {
    // Day 33 begins on Saturday 7 February.
    expect(firstFillMinutes(seedPlant, 33)).toBe(35 * DAY + 6 * 60 + 60);
  });

  it('runs on over a weekend and the holidays after it', () => {
    // Day 40 begins on Saturday 14 February; Monday 16 and Tuesday 17 are holidays.
    expect(firstFillMinutes(seedPlant, 40)).toBe(44 * DAY + 6 * 60 + 60);
  });
});
