/**
 * The MQTT topic namespace for line data: `headstamp/v1/<plant>/<line>/<kind>`. The `v1` level
 * versions the payloads below it; `spBv1.0/` stays free for a real Sparkplug B adapter.
 */

export const TOPIC_ROOT = 'headstamp/v1';

/** What a message on a line's topic says. */
export const MESSAGE_KINDS = ['state', 'count', 'stop', 'birth', 'death'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Plant and line ids as topic levels: no MQTT wildcards or separators, short enough for event ids. */
const LEVEL = /^[A-Za-z0-9._-]{1,40}$/;

export interface LineTopic {
  readonly plant: string;
  readonly lineId: string;
  readonly kind: MessageKind;
}

export type TopicResult =
  { readonly ok: true; readonly topic: LineTopic } | { readonly ok: false; readonly problem: string };

/**
 * True when `id` can stand as one level of a line topic.
 *
 * @example
 * isTopicLevel('L1'); // true
 * isTopicLevel('L/1'); // false
 */
export function isTopicLevel(id: string): boolean {
  return LEVEL.test(id);
}

/**
 * The topic a line publishes `kind` messages on.
 *
 * @example
 * lineTopic('minsk-1', 'L1', 'count'); // 'headstamp/v1/minsk-1/L1/count'
 */
export function lineTopic(plant: string, lineId: string, kind: MessageKind): string {
  for (const [name, value] of [
    ['plant', plant],
    ['line', lineId],
  ] as const) {
    if (!isTopicLevel(value)) {
      throw new RangeError(`${name}: must be 1 to 40 of A-Z a-z 0-9 . _ -, got ${JSON.stringify(value)}`);
    }
  }
  return `${TOPIC_ROOT}/${plant}/${lineId}/${kind}`;
}

/**
 * The subscription that takes every line's messages of one plant.
 *
 * @example
 * plantFilter('minsk-1'); // 'headstamp/v1/minsk-1/+/+'
 */
export function plantFilter(plant: string): string {
  if (!isTopicLevel(plant)) {
    throw new RangeError(`plant: must be 1 to 40 of A-Z a-z 0-9 . _ -, got ${JSON.stringify(plant)}`);
  }
  return `${TOPIC_ROOT}/${plant}/+/+`;
}

/**
 * Reads a topic of the namespace, or says what is wrong with it.
 *
 * @example
 * parseLineTopic('headstamp/v1/minsk-1/L1/state');
 * // { ok: true, topic: { plant: 'minsk-1', lineId: 'L1', kind: 'state' } }
 */
export function parseLineTopic(topic: string): TopicResult {
  const levels = topic.split('/');
  if (levels.length !== 5 || `${levels[0]}/${levels[1]}` !== TOPIC_ROOT) {
    return { ok: false, problem: `must be ${TOPIC_ROOT}/<plant>/<line>/<kind>` };
  }
  const [, , plant = '', lineId = '', kind = ''] = levels;
  if (!isTopicLevel(plant))
    return { ok: false, problem: `plant level ${JSON.stringify(plant)} is not an id` };
  if (!isTopicLevel(lineId))
    return { ok: false, problem: `line level ${JSON.stringify(lineId)} is not an id` };
  if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) {
    return {
      ok: false,
      problem: `kind must be one of ${MESSAGE_KINDS.join(', ')}, got ${JSON.stringify(kind)}`,
    };
  }
  return { ok: true, topic: { plant, lineId, kind: kind as MessageKind } };
}
