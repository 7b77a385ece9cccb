import { useState } from 'react';
import type { PageProps } from '../../app/routes.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorBox, formatDateTime, formatNumber, useApi } from '../../app/ui/index.ts';
import './badges.css';
import { Disposition } from './Disposition.tsx';
import { Genealogy } from './Genealogy.tsx';
import { Marking } from './Marking.tsx';
import { RecordResults } from './RecordResults.tsx';
import { Results } from './Results.tsx';
import { SamplingPlanCard } from './SamplingPlanCard.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import type { LotDetail, QualityHistory, SamplingPlan } from './types.ts';

/** One lot: marking, sampling plan, results, disposition and genealogy; quality records results and decides. */
export default function LotPage({ params }: PageProps) {
  const lotNumber = params['lotNumber'] ?? '';
  const path = `/lots/${encodeURIComponent(lotNumber)}`;
  const { user } = useSession();
  const lot = useApi<LotDetail>(path);
  const plan = useApi<SamplingPlan>(`${path}/sampling-plan`);
  const history = useApi<QualityHistory>(`${path}/quality`);
  const quality = user.role === 'quality' || user.role === 'admin';
  // The form stays after recording, to show the judgement in place beside the results card.
  const [recordedHere, setRecordedHere] = useState(false);
  const reload = () => {
    plan.reload();
    history.reload();
  };

  return (
    <section aria-labelledby="page-title" className="stack">
      <p>
        <Link to="/lots">← Lots</Link>
      </p>
      <div className="page-head">
        <h1 id="page-title">
          Lot {lotNumber} {history.data && <StatusBadge status={history.data.status} />}
        </h1>
        {lot.data && (
          <span className="muted">
            {lot.data.productId} from line {lot.data.lineId}, {formatNumber(lot.data.quantity)} rounds,
            commissioned {formatDateTime(lot.data.commissionedAt)}
          </span>
        )}
      </div>
      <ErrorBox error={lot.error ?? plan.error ?? history.error} title="The lot could not be read" />
      <div className="grid grid-2">
        {lot.data && <Marking marking={lot.data.marking} />}
        {plan.data && <SamplingPlanCard plan={plan.data} />}
        {history.data?.inspection && <Results inspection={history.data.inspection} />}
        {quality && plan.data && history.data && (history.data.inspection === null || recordedHere) && (
          <RecordResults
            lotNumber={lotNumber}
            classes={plan.data.classes}
            onRecorded={() => {
              setRecordedHere(true);
              reload();
            }}
          />
        )}
        {history.data && (
          <Disposition lotNumber={lotNumber} history={history.data} mayDecide={quality} onDecided={reload} />
        )}
        {lot.data && <Genealogy lot={lot.data} />}
      </div>
    </section>
  );
}
