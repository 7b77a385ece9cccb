import { formatNumber, Table } from '../../app/ui/index.ts';
import type { SamplingPlan } from './types.ts';

/**
 * The lot's sampling plan (MIL-STD-105E): code letter, inspection level and severity, n, Ac and Re per
 * defect class, and the product's switching state (score, recent lots, conditions for reduced).
 *
 * @example
 * <SamplingPlanCard plan={plan} />
 */
export function SamplingPlanCard({ plan }: { readonly plan: SamplingPlan }) {
  const s = plan.switching;
  return (
    <div className="card stack">
      <h2>Sampling plan</h2>
      <dl className="facts">
        <dt>Code letter</dt>
        <dd>{plan.codeLetter}</dd>
        <dt>Inspection level</dt>
        <dd>{plan.level}</dd>
        <dt>Inspection</dt>
        <dd>{plan.severity}</dd>
        <dt>Lot size</dt>
        <dd>{formatNumber(plan.lotSize)} rounds</dd>
        <dt>Rounds used by tests</dt>
        <dd>{formatNumber(plan.roundsConsumed)}</dd>
      </dl>
      <Table
        caption="Sample size and acceptance numbers per defect class"
        rows={plan.classes}
        rowKey={(c) => c.defectClass}
        columns={[
          { header: 'Class', cell: (c) => c.defectClass },
          { header: 'AQL', cell: (c) => c.aql, align: 'right' },
          { header: 'n', cell: (c) => formatNumber(c.n), align: 'right' },
          { header: 'Ac', cell: (c) => c.ac, align: 'right' },
          { header: 'Re', cell: (c) => c.re, align: 'right' },
          {
            header: 'Test',
            cell: (c) => (c.fullInspection ? 'every round' : c.destructive ? 'destructive' : 'visual'),
          },
        ]}
      />
      <h3>Switching state of the product</h3>
      <dl className="facts">
        <dt>Severity</dt>
        <dd>{s.severity}</dd>
        <dt>Switching score</dt>
        <dd>{s.score}</dd>
        <dt>Recent lots on normal</dt>
        <dd>
          {s.recent.length === 0 ? '—' : s.recent.map((ok) => (ok ? 'accepted' : 'not accepted')).join(', ')}
        </dd>
        <dt>Accepted in a row</dt>
        <dd>{s.acceptedInRow}</dd>
        <dt>Not accepted on tightened</dt>
        <dd>{s.notAcceptedOnTightened}</dd>
        <dt>Steady production</dt>
        <dd>{s.steadyProduction ? 'yes' : 'no'}</dd>
        <dt>Reduced inspection approved</dt>
        <dd>{s.reducedApproved ? 'yes' : 'no'}</dd>
      </dl>
    </div>
  );
}
