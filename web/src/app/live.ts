import { useEffect, useRef, useState } from 'react';
import { liveEventTypes, type LiveEvent } from '../../../src/app/live/events.ts';
import { apiUrl } from './api.ts';

export type {
  LiveEvent,
  LineStateEvent,
  LineCountEvent,
  LotEvent,
  LedgerEvent,
  HeartbeatEvent,
} from '../../../src/app/live/events.ts';

type Handler = (event: LiveEvent) => void;

/**
 * One EventSource for the whole page, shared by every `useLive`: opened with the first listener, closed
 * with the last. EventSource reconnects by itself after a drop.
 */
const handlers = new Set<Handler>();
const statusListeners = new Set<(open: boolean) => void>();
let source: EventSource | undefined;
/**
 * The latest ledger head heard. The stream says the head when it connects and when the ledger grows,
 * and the app shell connects before any page listens, so a page that mounts later is handed the head
 * at once instead of waiting for the ledger's next event.
 */
let latestLedger: LiveEvent | undefined;

function open(): void {
  source = new EventSource(apiUrl('/stream'), { withCredentials: true });
  source.onopen = () => statusListeners.forEach((l) => l(true));
  source.onerror = () => statusListeners.forEach((l) => l(false));
  for (const type of liveEventTypes)
    source.addEventListener(type, (message) => {
      let data: unknown;
      try {
        data = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return;
      }
      const event = { ...(data as object), type } as LiveEvent;
      if (event.type === 'ledger') latestLedger = event;
      for (const handler of handlers) handler(event);
    });
}

function close(): void {
  source?.close();
  source = undefined;
  latestLedger = undefined;
}

/**
 * Calls `handler` with each live event of the plant (`GET /api/v1/stream`) while the component is
 * mounted. The latest handler is always used, so it may close over state freely.
 *
 * @example
 * useLive((e) => { if (e.type === 'line-count') setGood((g) => g + e.good); });
 */
export function useLive(handler: (event: LiveEvent) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const forward: Handler = (event) => latest.current(event);
    handlers.add(forward);
    if (source === undefined) open();
    else if (latestLedger !== undefined) forward(latestLedger);
    return () => {
      handlers.delete(forward);
      if (handlers.size === 0) close();
    };
  }, []);
}

/** Whether the live stream is connected (for a small "live" marker). */
export function useLiveStatus(): boolean {
  const [connected, setConnected] = useState(source?.readyState === 1);
  useEffect(() => {
    statusListeners.add(setConnected);
    return () => {
      statusListeners.delete(setConnected);
    };
  }, []);
  return connected;
}

const ignore: Handler = () => undefined;

/**
 * Keeps the plant's live stream open for as long as the caller is mounted, and says whether it is
 * connected. The app shell calls it once, so the header's marker tells the truth on every page (not
 * only on pages that listen) and moving between pages does not drop and reopen the stream.
 *
 * @example
 * const live = useLiveConnection(); // in the frame: <span className={live ? 'on' : 'off'}>live</span>
 */
export function useLiveConnection(): boolean {
  useLive(ignore);
  return useLiveStatus();
}
