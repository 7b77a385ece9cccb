const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

/** `1234567` → `1,234,567`. */
export function formatNumber(value: number): string {
  return whole.format(value);
}

/** `0.8734` → `87.3%`. */
export function formatPercent(value: number): string {
  return percent.format(value);
}

/** An ISO instant as `2026-01-05 14:32` (the plant's records are UTC). */
export function formatDateTime(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}
