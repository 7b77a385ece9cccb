/**
 * Small rules the cross-reference check applies: real dates, clock times, UN numbers and their
 * hazard divisions, changeover matrices, distribution parameters, shares that sum to one.
 */
import type { Path } from './path.ts';

type Fields = Record<string, unknown>;

function isMap(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function fields(value: unknown): Fields {
  return isMap(value) ? value : {};
}
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** True for a real calendar date `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Minutes after midnight of `HH:MM`. */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Which hazard division each UN number of small-arms ammunition carries. */
export const UN_DIVISIONS: Readonly<Record<string, string>> = {
  UN0012: '1.4S', // cartridges for weapons, inert projectile / cartridges, small arms
  UN0014: '1.4S', // cartridges for weapons, blank / cartridges, small arms, blank
  UN0328: '1.2C', // cartridges for weapons, inert projectile
  UN0339: '1.4C', // cartridges for weapons, inert projectile
  UN0338: '1.4C', // cartridges for weapons, blank
  UN0327: '1.3C', // cartridges for weapons, blank
};

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Add = (path: Path, problem: string) => void;

/** Every row and column names a product of the line; every ordered pair of known products has a time. */
export function checkChangeovers(
  at: Path,
  matrix: unknown,
  makes: Set<string>,
  known: Set<string>,
  add: Add,
): void {
  const rows = fields(matrix);
  const list = [...makes].join(', ');
  for (const [from, row] of Object.entries(rows)) {
    if (!makes.has(from))
      add([...at, 'changeovers', from], `'${from}' is not made on this line (it makes ${list})`);
    for (const to of Object.keys(fields(row)))
      if (!makes.has(to))
        add([...at, 'changeovers', from, to], `'${to}' is not made on this line (it makes ${list})`);
  }
  for (const from of known)
    for (const to of known) {
      if (from === to) continue;
      if (fields(rows[from])[to] === undefined)
        add([...at, 'changeovers', from, to], `changeover minutes from ${from} to ${to} are missing`);
    }
}

export function checkDistribution(at: Path, value: unknown, add: Add): void {
  const d = fields(value);
  const [min, mode, max] = [num(d['min']), num(d['mode']), num(d['max'])];
  if (d['kind'] === 'triangular' && min !== undefined && mode !== undefined && max !== undefined) {
    if (!(min <= mode && mode <= max)) add(at, `needs min <= mode <= max, got ${min}, ${mode}, ${max}`);
  }
  if (d['kind'] === 'uniform' && min !== undefined && max !== undefined && min > max)
    add([...at, 'max'], `must be >= min ${min}, got ${max}`);
  if (d['kind'] === 'empirical' && Array.isArray(d['weights']) && Array.isArray(d['values'])) {
    if (d['weights'].length !== d['values'].length)
      add(
        [...at, 'weights'],
        `must have as many items as values (${d['values'].length}), got ${d['weights'].length}`,
      );
    else if (!d['weights'].some((w) => typeof w === 'number' && w > 0))
      add([...at, 'weights'], 'must not all be zero');
  }
}

export function checkShares(
  at: Path,
  value: unknown,
  known: Set<string>,
  what: string,
  add: Add,
  mustExist: (path: Path, id: unknown, known: Set<string>, what: string) => void,
): void {
  if (!isMap(value)) return;
  let total = 0;
  for (const [key, share] of Object.entries(value)) {
    mustExist([...at, key], key, known, what);
    total += num(share) ?? 0;
  }
  if (Object.keys(value).length > 0 && Math.abs(total - 1) > 1e-6)
    add(at, `shares must sum to 1, got ${Number(total.toFixed(6))}`);
}
