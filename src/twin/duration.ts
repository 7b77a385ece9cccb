import { ValidationError } from '../domain/errors.ts';

const UNIT_MINUTES: Readonly<Record<string, number>> = { m: 1, h: 60, d: 1440, w: 10_080 };

/**
 * Minutes in a duration such as `30d`, `12h`, `90m` or `2w`.
 *
 * @example
 * durationMinutes('3d'); // 4320
 */
export function durationMinutes(text: string, field = 'for'): number {
  const match = /^(\d+(?:\.\d+)?)([mhdw])$/.exec(text.trim());
  const minutes = match === null ? NaN : Number(match[1]) * (UNIT_MINUTES[match[2] ?? ''] ?? NaN);
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new ValidationError(
      'twin.duration',
      `${field}: must be a duration like 30d, 12h or 90m, got ${JSON.stringify(text)}`,
      [{ path: field, problem: `must be a duration like 30d, 12h or 90m, got ${JSON.stringify(text)}` }],
    );
  }
  return Math.round(minutes);
}
