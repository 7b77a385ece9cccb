/**
 * The plant's local time: its IANA zone turns instants into local dates and shift times and
 * back. Plans and KPIs work in plant local time (shifts are local); records store UTC.
 */

/**
 * Minutes the zone is ahead of UTC at `at` (e.g. -240 for America/Caracas).
 *
 * @example
 * zoneOffsetMinutes('Europe/Minsk', new Date('2027-01-04T00:00:00Z')); // 180
 */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The plant-local date (`YYYY-MM-DD`) of an instant.
 *
 * @example
 * localDate('America/Caracas', new Date('2026-01-06T02:00:00Z')); // '2026-01-05'
 */
export function localDate(timeZone: string, at: Date): string {
  return new Date(at.getTime() + zoneOffsetMinutes(timeZone, at) * 60_000).toISOString().slice(0, 10);
}

/**
 * The instant of a plant-local date-time (`YYYY-MM-DD` + minutes after its midnight).
 *
 * @example
 * localInstant('Europe/Minsk', '2027-01-04', 360).toISOString(); // '2027-01-04T03:00:00.000Z'
 */
export function localInstant(timeZone: string, date: string, minutes = 0): Date {
  const naive = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  // The offset at the naive instant is right except within an hour of a DST change.
  return new Date(naive - zoneOffsetMinutes(timeZone, new Date(naive)) * 60_000);
}
