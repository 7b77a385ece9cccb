import { lineDevice } from '../app/actor.ts';
import type { AppContext } from '../app/context.ts';
import { ingestLineEvents } from '../app/production/ingest.ts';
import type { TwinLineEvent } from './line.ts';

/**
 * Where a twin line's events go: returns how many were refused. The line is the actor (a
 * device), as a real line is.
 */
export type LineEventSink = (
  app: AppContext,
  lineId: string,
  events: readonly TwinLineEvent[],
) => Promise<number>;

/**
 * The batch ingest use case called in process, one transaction per line and step: what
 * `twin --fast` uses, since a message per event through MQTT would be the bottleneck there.
 *
 * @example
 * const twin = await PlantTwin.open({ store, admin: 'admin', sink: directSink() });
 */
export function directSink(): LineEventSink {
  return async (app, lineId, events) => {
    const result = await ingestLineEvents(app, lineDevice(lineId), events);
    return result.refused;
  };
}
