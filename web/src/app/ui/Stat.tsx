import type { ReactNode } from 'react';

/**
 * One figure with its label: `<Stat label="Good today" value="412 000" />`. `tone` colours it
 * (`good`, `warn`, `bad`).
 *
 * @example
 * <Stat label="OEE" value={percent(row.oee)} hint="availability × effectiveness × quality" />
 */
export function Stat({
  label,
  value,
  unit,
  hint,
  tone,
}: {
  readonly label: string;
  readonly value: ReactNode;
  readonly unit?: string;
  readonly hint?: string;
  readonly tone?: 'good' | 'warn' | 'bad';
}) {
  return (
    <div className={`stat${tone !== undefined ? ` stat-${tone}` : ''}`}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">
        {value}
        {unit !== undefined && <span className="stat-unit"> {unit}</span>}
      </div>
      {hint !== undefined && <div className="stat-hint">{hint}</div>}
    </div>
  );
}
