import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import { Button, ErrorBox, formatNumber } from '../../app/ui/index.ts';

/**
 * Signs a checkpoint of the ledger as it stands (admin only), for witnesses to keep.
 *
 * @example
 * <SignCheckpoint onSigned={head.reload} />
 */
export function SignCheckpoint({ onSigned }: { readonly onSigned: () => void }) {
  const [note, setNote] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  async function sign() {
    setError(undefined);
    try {
      const signed = await apiPost<{ size: number; keyName: string }>('/ledger/checkpoints');
      setNote(`checkpoint of ${formatNumber(signed.size)} events signed with ${signed.keyName}`);
      onSigned();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className="actions">
      <Button kind="secondary" onClick={() => void sign()}>
        Sign a checkpoint
      </Button>
      {note !== undefined && <span role="status">{note}</span>}
      <ErrorBox error={error} />
    </div>
  );
}
