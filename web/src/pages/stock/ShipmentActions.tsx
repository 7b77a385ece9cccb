import { apiPost } from '../../app/api.ts';
import { Button, ErrorBox, useFormAction } from '../../app/ui/index.ts';
import type { FourEyes, Shipment } from './types.ts';

/**
 * What the signed-in user may do with one shipment: logistics dispatches a planned one (it may wait
 * for a second person), the consignee confirms receipt of one in transit. Nothing else is offered.
 *
 * @example
 * <ShipmentActions shipment={s} role={user.role} onDone={reload} />
 */
export function ShipmentActions({
  shipment,
  role,
  onDone,
}: {
  readonly shipment: Shipment;
  readonly role: string;
  readonly onDone: () => void;
}) {
  const {
    busy,
    error,
    result: note,
    run: act,
  } = useFormAction(
    async (path: string, body: object | undefined, done: (answer: unknown) => string) => {
      const said = done(await apiPost(path, body));
      onDone();
      return said;
    },
    { keepResult: true },
  );
  const mayDispatch = (role === 'logistics' || role === 'admin') && shipment.status === 'planned';
  const mayReceive = role === 'consignee' && shipment.status === 'in_transit';
  // The answer stays in place after the list reloads, even once the act is no longer offered
  // (a received shipment): whoever acted sees what came of it.
  if (!mayDispatch && !mayReceive && note === undefined && error === undefined) return null;

  const n = encodeURIComponent(shipment.shipmentNumber);
  return (
    <div className="stack">
      {mayDispatch && (
        <Button
          disabled={busy}
          aria-label={`Dispatch ${shipment.shipmentNumber}`}
          onClick={() =>
            void act(`/shipments/${n}/dispatch`, undefined, (a) => {
              const answer = a as FourEyes<unknown>;
              return answer.status === 'awaiting_approval'
                ? `waits for a second person: ${answer.request.requestNumber}`
                : 'dispatched';
            })
          }
        >
          Dispatch
        </Button>
      )}
      {mayReceive && (
        <Button
          disabled={busy}
          aria-label={`Confirm receipt of ${shipment.shipmentNumber}`}
          onClick={() => void act(`/shipments/${n}/receipt`, {}, () => 'receipt confirmed')}
        >
          Confirm receipt
        </Button>
      )}
      {note !== undefined && <span role="status">{note}</span>}
      <ErrorBox error={error} />
    </div>
  );
}
