import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import { Button, ErrorBox, Field, problemFor, SuggestInput, useFormAction } from '../../app/ui/index.ts';
import { unshippedOf } from './cratesOfLot.ts';
import type { Authorisation, Shipment } from './types.ts';

/**
 * Plans a shipment (`POST /shipments`): consignee, the authorisation to cite (or none: the server
 * finds one that covers it), crates and pallets by SSCC (filled from a lot in stock), transport and
 * invoice. A refusal lists each failed condition in place.
 *
 * @example
 * <NewShipment consignees={['army']} authorisations={auths} lots={['HSP26A001-001']} onCreated={reload} />
 */
export function NewShipment({
  consignees,
  authorisations,
  lots,
  onCreated,
}: {
  readonly consignees: readonly string[];
  readonly authorisations: readonly Authorisation[];
  readonly lots: readonly string[];
  readonly onCreated: (number: string) => void;
}) {
  const [consigneeId, setConsignee] = useState('');
  const [authorisation, setAuthorisation] = useState('');
  const [ssccs, setSsccs] = useState('');
  const [lot, setLot] = useState('');
  const [transportRef, setTransport] = useState('');
  const [invoiceRef, setInvoice] = useState('');
  const {
    busy,
    error,
    result: created,
    submit,
    attempt,
  } = useFormAction(async () => {
    const shipment = await apiPost<Shipment>('/shipments', {
      consigneeId,
      ssccs: ssccs.split(/[\s,]+/).filter((s) => s !== ''),
      ...(authorisation !== '' ? { authorisation } : {}),
      transportRef,
      invoiceRef,
    });
    onCreated(shipment.shipmentNumber);
    return shipment;
  });

  function fill() {
    return attempt(async () => {
      const found = await unshippedOf(lot);
      setSsccs(found.join('\n'));
    });
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-shipment">
      <h2 id="new-shipment">Plan a shipment</h2>
      <div className="row">
        <Field label="Consignee" problem={problemFor(error, 'consigneeId')}>
          {(id) => (
            <select id={id} value={consigneeId} onChange={(e) => setConsignee(e.target.value)} required>
              <option value="">choose…</option>
              {consignees.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Authorisation"
          hint="blank: any that covers it"
          problem={problemFor(error, 'authorisation')}
        >
          {(id) => (
            <select id={id} value={authorisation} onChange={(e) => setAuthorisation(e.target.value)}>
              <option value="">none named</option>
              {authorisations.map((a) => (
                <option key={a.id} value={a.number}>
                  {a.number} ({a.consigneeId}, {a.status})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Lot in stock" hint="fills in its crates and pallets">
          {(id) => (
            <SuggestInput id={id} options={lots} value={lot} onChange={(e) => setLot(e.target.value)} />
          )}
        </Field>
        <Button kind="secondary" onClick={() => void fill()} disabled={lot === ''}>
          Add the lot’s crates
        </Button>
      </div>
      <Field label="Crates and pallets (SSCCs)" hint="one per line" problem={problemFor(error, 'ssccs')}>
        {(id) => (
          <textarea id={id} rows={4} value={ssccs} onChange={(e) => setSsccs(e.target.value)} required />
        )}
      </Field>
      <div className="row">
        <Field label="Transport" problem={problemFor(error, 'transportRef')}>
          {(id) => (
            <input id={id} value={transportRef} onChange={(e) => setTransport(e.target.value)} required />
          )}
        </Field>
        <Field label="Invoice" problem={problemFor(error, 'invoiceRef')}>
          {(id) => <input id={id} value={invoiceRef} onChange={(e) => setInvoice(e.target.value)} required />}
        </Field>
        <Button type="submit" disabled={busy}>
          Plan shipment
        </Button>
      </div>
      <ErrorBox error={error} title="Shipment refused" />
      {created && (
        <p className="ok-box" role="status">
          {created.shipmentNumber} planned: {created.crates} crates,{' '}
          {created.quantity.toLocaleString('en-GB')} rounds to {created.consigneeId} under{' '}
          {created.authorisation ?? 'its authorisation'}. Dispatch it below.
        </p>
      )}
    </form>
  );
}
