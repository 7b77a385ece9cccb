import './badges.css';

const tones: Record<string, string> = {
  released: 'good',
  received: 'good',
  done: 'good',
  valid: 'good',
  approved: 'good',
  accepted: 'good',
  ok: 'good',
  pending: 'warn',
  open: 'warn',
  waiting: 'warn',
  planned: 'warn',
  queued: 'warn',
  running: 'info',
  'in-transit': 'info',
  dispatched: 'info',
  held: 'bad',
  rejected: 'bad',
  refused: 'bad',
  revoked: 'bad',
  suspended: 'bad',
  failed: 'bad',
  late: 'bad',
};

/**
 * A status in words, coloured by what it means (released green, pending amber, held red). The word is
 * always written: colour only repeats it.
 *
 * @example
 * <StatusBadge status={lot.status} />
 */
export function StatusBadge({ status }: { readonly status: string }) {
  return <span className={`badge tone-${tones[status] ?? 'plain'}`}>{status}</span>;
}
