import { Type } from 'typebox';

/** The stream's wire format, described for the OpenAPI document (SSE has no JSON schema of its own). */
export const StreamText = Type.String({
  description:
    'Server-sent events: `event: line-state | line-count | lot | ledger | heartbeat`, one JSON `data:` line ' +
    '(src/app/live/events.ts). line-state {lineId, state, reason, at}; line-count {lineId, good, defective, at} ' +
    '(made since the line’s previous line-count: one for each batch of counts); lot {lotNumber, status: made|released|rejected, lineId, productId, ' +
    'quantity, at}; ledger {size, rootHash}; heartbeat {now} every 15 s and on connecting. A consignee hears ' +
    'line states and heartbeats only.',
});
