import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import { Button, ErrorBox, Field, SuggestInput, useFormAction } from '../../app/ui/index.ts';
import { problemUnder } from './answers.ts';
import type { Authorisation, FourEyes } from './types.ts';

/** Splits what was typed into a list: one item a line, or separated by commas. */
function listOf(text: string): string[] {
  return text
    .split(/[\n,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Records an end-user authorisation (`POST /authorisations`): number, issuing authority, consignee,
 * country, products, quantity ceiling, validity and the documents it refers to. Where the plant asks
 * four eyes, the answer is the waiting request, which is shown with its number; each field's refusal is
 * shown beside the field.
 *
 * @example
 * <NewAuthorisation consignees={['army']} onAdded={auths.reload} />
 */
export function NewAuthorisation({
  consignees,
  onAdded,
}: {
  readonly consignees: readonly string[];
  readonly onAdded: () => void;
}) {
  const [number, setNumber] = useState('');
  const [authority, setAuthority] = useState('');
  const [consigneeId, setConsignee] = useState('');
  const [country, setCountry] = useState('');
  const [products, setProducts] = useState('');
  const [ceiling, setCeiling] = useState('');
  const [validFrom, setFrom] = useState('');
  const [validTo, setTo] = useState('');
  const [documents, setDocuments] = useState('');
  const {
    busy,
    error,
    result: note,
    submit,
  } = useFormAction(async () => {
    const answer = await apiPost<FourEyes<Authorisation>>('/authorisations', {
      number,
      authority,
      consigneeId,
      country,
      products: listOf(products),
      // A blank or non-number ceiling goes as typed, so the server names the field.
      quantityCeiling: ceiling.trim() === '' ? ceiling : Number(ceiling),
      validFrom,
      validTo,
      documents: listOf(documents),
    });
    const said =
      answer.status === 'awaiting_approval'
        ? `${number} waits for a second person: request ${answer.request.requestNumber} (Approvals page)`
        : `${answer.result.number} recorded: valid ${answer.result.validFrom} to ${answer.result.validTo}`;
    onAdded();
    return said;
  });

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-authorisation">
      <h2 id="new-authorisation">Add an authorisation (end-user certificate)</h2>
      <div className="row">
        <Field label="Certificate number" problem={problemUnder(error, 'number')}>
          {(id) => <input id={id} value={number} onChange={(e) => setNumber(e.target.value)} required />}
        </Field>
        <Field label="Issuing authority" problem={problemUnder(error, 'authority')}>
          {(id) => (
            <input id={id} value={authority} onChange={(e) => setAuthority(e.target.value)} required />
          )}
        </Field>
        <Field label="Consignee" problem={problemUnder(error, 'consigneeId', 'consignee')}>
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
        <Field
          label="Country of end use"
          hint="two letters (ISO 3166), where the end user is"
          problem={problemUnder(error, 'country')}
        >
          {(id) => (
            <input
              id={id}
              value={country}
              size={4}
              onChange={(e) => setCountry(e.target.value.toUpperCase())}
              required
            />
          )}
        </Field>
      </div>
      <div className="row">
        <Field
          label="Products"
          hint="comma-separated, e.g. ball-ps"
          problem={problemUnder(error, 'products')}
        >
          {(id) => <input id={id} value={products} onChange={(e) => setProducts(e.target.value)} required />}
        </Field>
        <Field
          label="Quantity ceiling (rounds)"
          hint="all products together"
          problem={problemUnder(error, 'quantityCeiling')}
        >
          {(id) => (
            <input
              id={id}
              inputMode="numeric"
              value={ceiling}
              onChange={(e) => setCeiling(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label="Valid from" problem={problemUnder(error, 'validFrom')}>
          {(id) => (
            <input id={id} type="date" value={validFrom} onChange={(e) => setFrom(e.target.value)} required />
          )}
        </Field>
        <Field label="Valid to" problem={problemUnder(error, 'validTo')}>
          {(id) => (
            <input id={id} type="date" value={validTo} onChange={(e) => setTo(e.target.value)} required />
          )}
        </Field>
      </div>
      <Field
        label="Documents"
        hint="one a line: contract, end-use statement, licence"
        problem={problemUnder(error, 'documents')}
      >
        {(id) => (
          <textarea
            id={id}
            rows={2}
            value={documents}
            onChange={(e) => setDocuments(e.target.value)}
            required
          />
        )}
      </Field>
      <div className="actions">
        <Button type="submit" disabled={busy}>
          Add authorisation
        </Button>
      </div>
      <ErrorBox error={error} title="Authorisation refused" />
      {note !== undefined && (
        <p className="ok-box" role="status">
          {note}
        </p>
      )}
    </form>
  );
}
