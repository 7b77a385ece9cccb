import { formatDateTime, formatNumber, Table } from '../../app/ui/index.ts';
import { StatusBadge } from './StatusBadge.tsx';
import type { QualityHistory } from './types.ts';

type Inspection = NonNullable<QualityHistory['inspection']>;
const num = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : '—');

/**
 * The recorded sample results: per defect class what was inspected, the defects found against Ac and
 * Re, and the verdict; the lot's judgement above.
 *
 * @example
 * <Results inspection={history.inspection} />
 */
export function Results({ inspection }: { readonly inspection: Inspection }) {
  return (
    <div className="card stack">
      <h2>
        Sample results <StatusBadge status={inspection.accepted ? 'accepted' : 'rejected'} />
      </h2>
      <p className="muted">
        Recorded {formatDateTime(inspection.inspectedAt)} by {inspection.actor.replace(/^user:/, '')} on{' '}
        {inspection.severity} inspection, code letter {inspection.codeLetter};{' '}
        {formatNumber(inspection.roundsConsumed)} rounds used by tests
        {inspection.inGap ? '; accepted in the gap between Ac and Re' : ''}.
      </p>
      <Table
        caption="Results per defect class"
        rows={inspection.classes}
        rowKey={(c) => String(c['defectClass'])}
        columns={[
          { header: 'Class', cell: (c) => String(c['defectClass']) },
          { header: 'Inspected', cell: (c) => num(c['inspected']), align: 'right' },
          { header: 'Defects', cell: (c) => num(c['defects']), align: 'right' },
          { header: 'Ac', cell: (c) => num(c['ac']), align: 'right' },
          { header: 'Re', cell: (c) => num(c['re']), align: 'right' },
          { header: 'Verdict', cell: (c) => (typeof c['verdict'] === 'string' ? c['verdict'] : '—') },
        ]}
      />
    </div>
  );
}
