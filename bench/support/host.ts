import { loadavg } from 'node:os';

/**
 * The host's load averages over 1, 5 and 15 minutes, as printed beside a benchmark's figures.
 *
 * @example
 * console.log(`load ${loadAverage()}`); // load 0.8 1.1 0.9
 */
export function loadAverage(digits = 1): string {
  return loadavg()
    .map((l) => l.toFixed(digits))
    .join(' ');
}
