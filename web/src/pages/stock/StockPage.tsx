import { useMemo, useState } from 'react';
import { Chart } from '../../app/Chart.tsx';
import { Link } from '../../app/router.tsx';
import type { PageProps } from '../../app/routes.ts';
import { useSession } from '../../app/session.tsx';
import { ChoiceSelect, ErrorBox, formatNumber, Table, useApi } from '../../app/ui/index.ts';
import '../lots/badges.css';
import { StatusBadge } from '../lots/StatusBadge.tsx';
import { useAllPages } from '../lots/useAllPages.ts';
import { occupancyOption } from './occupancy.ts';
import { BuildPallet } from './BuildPallet.tsx';
import { CountStock } from './CountStock.tsx';
import { DestroyStock } from './DestroyStock.tsx';
import { MoveStock } from './MoveStock.tsx';
import { PackLot } from './PackLot.tsx';
import type { StockLine, StockPage as StockAnswer } from './types.ts';

const shown = 40;
const forms = { round: 'rounds', box: 'boxes', crate: 'crates' } as const;

/**
 * Stock by location against each limit, every stock line, and the acts on stock for the roles the
 * routes allow: packing, moving, pallets and counts for logistics (and admin), destruction also for
 * quality.
 */
export default function StockPage(_props: PageProps) {
  const { user } = useSession();
  const head = useApi<StockAnswer>('/stock', { limit: 1 });
  const lines = useAllPages<StockLine>('/stock');
  const [location, setLocation] = useState('');
  const locations = head.data?.locations ?? [];
  const rows = (lines.items ?? []).filter((l) => location === '' || l.locationId === location);
  const loose = useMemo(
    () =>
      [
        ...new Set(
          (lines.items ?? [])
            .filter((l) => l.form !== 'crate' && l.status === 'released' && l.quantity > 0)
            .map((l) => l.lotNumber),
        ),
      ].sort(),
    [lines.items],
  );
  const inStock = useMemo(
    () => [...new Set((lines.items ?? []).filter((l) => l.quantity > 0).map((l) => l.lotNumber))].sort(),
    [lines.items],
  );
  const logistics = user.role === 'logistics' || user.role === 'admin';
  const mayDestroy = logistics || user.role === 'quality';
  const reload = () => {
    head.reload();
    lines.reload();
  };

  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Stock</h1>
      <ErrorBox error={head.error ?? lines.error} title="The stock could not be read" />
      <div className="card stack">
        <h2>Stock by location against its limit</h2>
        {locations.length > 0 && (
          <Chart
            option={occupancyOption(locations)}
            height={280}
            label={`Stock by location: ${locations
              .map((l) => `${l.id} ${Math.round(l.occupancy)} of ${l.limitCrates} crates`)
              .join('; ')}`}
          />
        )}
        <Table
          caption="Locations"
          rows={locations}
          rowKey={(l) => l.id}
          rowClass={(l) => (l.occupancy > l.limitCrates ? 'highlight' : undefined)}
          columns={[
            { header: 'Location', cell: (l) => l.id },
            { header: 'Kind', cell: (l) => l.kind },
            { header: 'In stock (crates)', cell: (l) => formatNumber(l.occupancy), align: 'right' },
            { header: 'Limit (crates)', cell: (l) => formatNumber(l.limitCrates), align: 'right' },
            {
              header: 'Used',
              cell: (l) => `${Math.round((100 * l.occupancy) / Math.max(1, l.limitCrates))} %`,
              align: 'right',
            },
          ]}
        />
      </div>
      {logistics && <PackLot lots={loose} onPacked={reload} />}
      {logistics && <MoveStock locations={locations} lots={inStock} onMoved={reload} />}
      {logistics && <BuildPallet lots={inStock} onBuilt={reload} />}
      {logistics && <CountStock locations={locations} lots={inStock} onCounted={reload} />}
      {mayDestroy && <DestroyStock locations={locations} lots={inStock} onDone={reload} />}
      <div className="card stack">
        <div className="actions">
          <label htmlFor="stock-location">Location</label>
          <ChoiceSelect
            id="stock-location"
            value={location}
            blank="every location"
            choices={locations.map((l) => l.id)}
            onPick={setLocation}
          />
        </div>
        <Table
          caption={`Stock by location, lot and form${rows.length > shown ? ` (${shown} of ${formatNumber(rows.length)})` : ''}`}
          rows={rows.slice(0, shown)}
          rowKey={(l) => l.id}
          columns={[
            { header: 'Location', cell: (l) => l.locationId },
            {
              header: 'Lot',
              cell: (l) => <Link to={`/lots/${encodeURIComponent(l.lotNumber)}`}>{l.lotNumber}</Link>,
            },
            { header: 'Product', cell: (l) => l.productId },
            { header: 'Status', cell: (l) => <StatusBadge status={l.status} /> },
            {
              header: 'Quantity',
              cell: (l) => `${formatNumber(l.quantity)} ${forms[l.form]}`,
              align: 'right',
            },
            { header: 'Rounds', cell: (l) => formatNumber(l.rounds), align: 'right' },
          ]}
        />
      </div>
    </section>
  );
}
