import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import { Button, ErrorBox, Field, problemFor, SuggestInput, useFormAction } from '../../app/ui/index.ts';

interface Added {
  readonly customerOrder: { readonly orderNumber: string };
  readonly productionOrder: { readonly orderNumber: string };
}

/**
 * Places a customer order (`POST /orders`). A consignee orders for itself, so it is not asked whom
 * for. The server's refusal is shown in place, each field at fault beside the field.
 *
 * @example
 * <NewOrderForm products={['ball-ps']} consignees={['army']} askConsignee onPlaced={reload} />
 */
export function NewOrderForm({
  products,
  consignees,
  askConsignee,
  onPlaced,
}: {
  readonly products: readonly string[];
  readonly consignees: readonly string[];
  readonly askConsignee: boolean;
  readonly onPlaced: (orderNumber: string) => void;
}) {
  const [consigneeId, setConsignee] = useState('');
  const [productId, setProduct] = useState('');
  const [quantity, setQuantity] = useState('');
  const [dueDate, setDue] = useState('');
  const [priority, setPriority] = useState('');
  const {
    busy,
    error,
    result: placed,
    submit,
  } = useFormAction(async () => {
    const answer = await apiPost<Added>('/orders', {
      ...(askConsignee ? { consigneeId } : {}),
      productId,
      quantity: quantity === '' ? undefined : Number(quantity),
      dueDate,
      ...(priority !== '' ? { priority: Number(priority) } : {}),
    });
    const text = `${answer.customerOrder.orderNumber} placed (production order ${answer.productionOrder.orderNumber})`;
    onPlaced(answer.customerOrder.orderNumber);
    return text;
  });

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-order">
      <h2 id="new-order">Place an order</h2>
      <div className="row">
        {askConsignee && (
          <Field label="Consignee" problem={problemFor(error, 'consigneeId')}>
            {(id) => (
              <SuggestInput
                id={id}
                options={consignees}
                value={consigneeId}
                onChange={(e) => setConsignee(e.target.value)}
                required
              />
            )}
          </Field>
        )}
        <Field label="Product" problem={problemFor(error, 'productId')}>
          {(id) => (
            <select id={id} value={productId} onChange={(e) => setProduct(e.target.value)} required>
              <option value="">choose…</option>
              {products.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Quantity (rounds)" problem={problemFor(error, 'quantity')}>
          {(id) => (
            <input
              id={id}
              type="number"
              inputMode="numeric"
              value={quantity}
              onChange={(e) => setQuantity(e.target.value)}
            />
          )}
        </Field>
        <Field label="Due date" problem={problemFor(error, 'dueDate')}>
          {(id) => <input id={id} type="date" value={dueDate} onChange={(e) => setDue(e.target.value)} />}
        </Field>
        <Field label="Priority" hint="1 is first; blank for 1" problem={problemFor(error, 'priority')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={1}
              value={priority}
              onChange={(e) => setPriority(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" disabled={busy}>
          Place order
        </Button>
      </div>
      <ErrorBox error={error} />
      {placed !== undefined && (
        <p className="ok-box" role="status">
          {placed}
        </p>
      )}
    </form>
  );
}
