import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiGet } from '../../app/api.ts';
import { Chart } from '../../app/Chart.tsx';
import type { PageProps } from '../../app/routes.ts';
import { useSession } from '../../app/session.tsx';
import { Button, ErrorBox, formatNumber, Table } from '../../app/ui/index.ts';
import '../lots/badges.css';
import { downloadEpcis } from './epcis.ts';
import { Recall } from './Recall.tsx';
import { traceFlows, traceOption } from './sankey.ts';
import { search } from './search.ts';
import { TraceTables } from './TraceTables.tsx';
import type { Found, ForwardTrace } from './types.ts';

/** The `?q=` of the hash (`#/trace?q=HSP26A001-001`), so another page can open a trace. */
function queryOfHash(): string {
  const search = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(search).get('q') ?? '';
}

/**
 * Trace and recall: one search box (lot, crate or pallet SSCC, shipment, headstamp and year) to a
 * graph from lots to consignees with rounds; recall a lot; export its trace as EPCIS.
 */
export default function TracePage(_props: PageProps) {
  const { user } = useSession();
  const [text, setText] = useState(queryOfHash);
  const [found, setFound] = useState<Found | undefined>(undefined);
  const [traces, setTraces] = useState<readonly ForwardTrace[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<string | undefined>(undefined);

  const run = useCallback(async (query: string) => {
    if (query.trim() === '') return;
    setBusy(true);
    setError(undefined);
    setExported(undefined);
    try {
      const f = await search(query);
      const t = await Promise.all(
        f.lots.map((lot) => apiGet<ForwardTrace>(`/trace/lots/${encodeURIComponent(lot)}`)),
      );
      setFound(f);
      setTraces(t);
    } catch (e) {
      setFound(undefined);
      setTraces(undefined);
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    const q = queryOfHash();
    if (q !== '') void run(q);
  }, [run]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(text);
  }

  async function exportLot(lot: string) {
    setError(undefined);
    try {
      const n = await downloadEpcis(lot);
      setExported(`${lot}.epcis.json saved: ${formatNumber(n)} EPCIS events`);
    } catch (e) {
      setError(e);
    }
  }

  const flows = traces ? traceFlows(traces) : [];
  const single = traces?.length === 1 ? traces[0] : undefined;
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Trace and recall</h1>
      <form className="card row" role="search" onSubmit={submit}>
        <label className="field">
          <span>Lot, crate or pallet SSCC, shipment, or headstamp and year</span>
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="HSP26A001-001, 106141410000000019, SH-2026-0001, HSP 26"
            size={48}
          />
        </label>
        <Button type="submit" disabled={busy}>
          Trace
        </Button>
        {busy && <span role="status">Tracing…</span>}
      </form>
      <ErrorBox error={error} title="Not traced" />
      {found && traces && (
        <>
          <div className="card stack">
            <div className="page-head">
              <h2>Where it went</h2>
              <span className="muted">{found.how}</span>
            </div>
            {flows.length > 0 ? (
              <Chart
                option={traceOption(traces)}
                height={Math.max(260, Math.min(640, 40 * new Set(flows.map((f) => f.target)).size))}
                label={`From ${traces.length} lots to shipments and consignees: ${flows
                  .filter((f) => f.target.startsWith('consignee '))
                  .map((f) => `${f.source} to ${f.target} ${f.value} rounds`)
                  .join('; ')}`}
              />
            ) : (
              <p className="muted">No crates packed from these lots yet.</p>
            )}
            <div className="actions">
              {traces.map((t) => (
                <Button key={t.lotNumber} kind="secondary" onClick={() => void exportLot(t.lotNumber)}>
                  Export {t.lotNumber} as EPCIS
                </Button>
              ))}
              {exported !== undefined && <span role="status">{exported}</span>}
            </div>
          </div>
          {found.candidates && (
            <div className="card">
              <Table
                caption="Candidate lots for the recovered cartridge, best first"
                rows={found.candidates.slice(0, 20)}
                rowKey={(c) => c.lotNumber}
                columns={[
                  { header: 'Lot', cell: (c) => c.lotNumber },
                  { header: 'Product', cell: (c) => c.productId },
                  { header: 'Score', cell: (c) => c.score, align: 'right' },
                  { header: 'Matched', cell: (c) => c.matched.join(', ') },
                  {
                    header: 'Consignees',
                    cell: (c) =>
                      c.consignees.map((x) => `${x.consigneeId} ${formatNumber(x.rounds)}`).join(', '),
                  },
                ]}
              />
            </div>
          )}
          {single && (user.role === 'quality' || user.role === 'admin') && (
            <Recall lotNumber={single.lotNumber} onRecalled={() => void run(found.query)} />
          )}
          <div className="grid grid-2">
            {traces.map((t) => (
              <TraceTables key={t.lotNumber} trace={t} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
