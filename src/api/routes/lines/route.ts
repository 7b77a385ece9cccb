import { staff } from '../../../app/auth/roles.ts';
import { lineEventsBetween, plantGlance, type LineEventRow } from '../../../app/production/plant-view.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { defineRoute } from '../../route.ts';
import { LineEventList, LineEventsQuery, LineParams, PlantGlance } from './schema.ts';

/** A stored line event as the screens read it. */
function recorded(r: LineEventRow) {
  return {
    eventId: r.eventId,
    kind: r.kind,
    at: r.at,
    state: r.state,
    reason: r.reason,
    processed: r.processed,
    defective: r.defective,
    counterReset: r.counterReset,
    endedAt: r.endedAt,
  };
}

/** Longest period one request of a line's events may cover. */
const maxSpanMs = 2 * 24 * 3600_000;

/** The lines at a glance and a line's recorded events: what the dashboard's plant and line pages read. */
export const lineRoutes = [
  defineRoute({
    method: 'GET',
    url: '/lines',
    operationId: 'plantGlance',
    summary: 'The lines now (state, product, current and rated rate) and the year’s good output',
    tags: ['line data'],
    access: { roles: staff },
    writes: false,
    schema: { response: PlantGlance },
    handle: async ({ services, user }) => plantGlance(await services.app(), user),
  }),
  defineRoute({
    method: 'GET',
    url: '/lines/:id/events',
    operationId: 'lineEvents',
    summary: 'A line’s recorded states, counts and stops between two instants (at most two days)',
    tags: ['line data'],
    access: { roles: staff },
    writes: false,
    schema: { params: LineParams, querystring: LineEventsQuery, response: LineEventList },
    handle: async ({ services, user, params, query }) => {
      const from = Date.parse(query.from);
      const to = Date.parse(query.to);
      if (!(to >= from) || to - from > maxSpanMs)
        throw new ValidationError('line_events.period', 'to: must be after from, by at most two days', [
          { path: 'to', problem: `must be after from (${query.from}), by at most two days` },
        ]);
      const { opening, events } = await lineEventsBetween(await services.app(), user, {
        lineId: params.id,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
      });
      return { opening: opening === null ? null : recorded(opening), items: events.map(recorded) };
    },
  }),
];
