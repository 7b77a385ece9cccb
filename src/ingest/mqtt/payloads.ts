import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { parseLineTopic, type MessageKind } from './topics.ts';

/**
 * JSON payloads of the line topics (version 1), as TypeBox schemas. The shape is checked here;
 * what the values mean for the line (PackML transitions, counters that only grow, known stop
 * reasons, time order) is checked by the ingest use case, which names its refusals the same way.
 *
 * Every message after a birth carries the birth's epoch (`birth`) and a sequence number (`seq`):
 * a safe integer that grows by one per message from the birth's base and never wraps, so that
 * (plant, line, birth, seq) names a message for good and doubles as its event id.
 */

const Counter = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const Instant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
});
const EventId = Type.String({ pattern: '^[\\x21-\\x7e]{1,128}$' });
const Text = Type.String({ minLength: 1, maxLength: 200 });
const strict = { additionalProperties: false } as const;

/** Fields of every message after the birth. */
const Sequenced = {
  birth: Counter,
  seq: Counter,
  at: Instant,
  /** The sender's own id for the event; derived from (plant, line, birth, seq) when absent. */
  eventId: Type.Optional(EventId),
};

export const StatePayload = Type.Object({ ...Sequenced, state: Text, reason: Type.Optional(Text) }, strict);
export const CountPayload = Type.Object(
  {
    ...Sequenced,
    processed: Counter,
    defective: Counter,
    productId: Type.Optional(Text),
    counterReset: Type.Optional(Type.Boolean()),
  },
  strict,
);
export const StopPayload = Type.Object(
  {
    ...Sequenced,
    reason: Text,
    endedAt: Type.Optional(Instant),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);
/** The line came on line: its birth epoch, the sequence base, and what it says about itself. */
export const BirthPayload = Type.Object(
  {
    birth: Counter,
    seq: Counter,
    at: Instant,
    metadata: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 64 }),
        Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]),
        {
          maxProperties: 64,
        },
      ),
    ),
  },
  strict,
);
/** The line went away: its last will, set when it connected, so it names the birth it ends. */
export const DeathPayload = Type.Object({ birth: Counter, at: Type.Optional(Instant) }, strict);

export type StatePayload = Static<typeof StatePayload>;
export type CountPayload = Static<typeof CountPayload>;
export type StopPayload = Static<typeof StopPayload>;
export type BirthPayload = Static<typeof BirthPayload>;
export type DeathPayload = Static<typeof DeathPayload>;

const checkers = {
  state: Compile(StatePayload),
  count: Compile(CountPayload),
  stop: Compile(StopPayload),
  birth: Compile(BirthPayload),
  death: Compile(DeathPayload),
} satisfies Record<MessageKind, unknown>;

/** One refused message, field by field: enough to find the sender and the fault. */
export interface PayloadProblem {
  readonly topic: string;
  /** The field at fault (`processed`, `metadata.name`), or '' for the message as a whole. */
  readonly field: string;
  readonly problem: string;
}

/** A line message, decoded. `event` is the line-event input for the ingest use case. */
export type LineMessage =
  | {
      readonly kind: 'birth';
      readonly plant: string;
      readonly lineId: string;
      readonly payload: BirthPayload;
    }
  | {
      readonly kind: 'death';
      readonly plant: string;
      readonly lineId: string;
      readonly payload: DeathPayload;
    }
  | {
      readonly kind: 'data';
      readonly plant: string;
      readonly lineId: string;
      readonly birth: number;
      readonly seq: number;
      readonly event: Readonly<Record<string, unknown>> & { readonly eventId: string };
    };

export type DecodeResult =
  | { readonly ok: true; readonly message: LineMessage }
  | { readonly ok: false; readonly problems: readonly PayloadProblem[] };

/** Largest payload read; a line's message is a few hundred bytes. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * The event id of a sequenced message that brought none: stable across redeliveries, distinct
 * across births.
 *
 * @example
 * derivedEventId('minsk-1', 'L1', 1767225600000, 42); // 'mqtt:minsk-1:L1:1767225600000:42'
 */
export function derivedEventId(plant: string, lineId: string, birth: number, seq: number): string {
  return `mqtt:${plant}:${lineId}:${birth}:${seq}`;
}

/**
 * Reads one MQTT message of the line namespace: its topic, then its JSON payload against the
 * kind's schema. Never throws; a refusal names the topic and every field at fault.
 *
 * @example
 * const r = decodeLineMessage('headstamp/v1/p/L1/count', '{"birth":1,"seq":2,"at":"2027-01-04T03:00:00Z","processed":10,"defective":0}');
 * if (r.ok && r.message.kind === 'data') r.message.event.eventId; // 'mqtt:p:L1:1:2'
 */
export function decodeLineMessage(topic: string, payload: Uint8Array | string): DecodeResult {
  const refuse = (field: string, problem: string): DecodeResult => ({
    ok: false,
    problems: [{ topic, field, problem }],
  });
  const parsed = parseLineTopic(topic);
  if (!parsed.ok) return refuse('', `topic ${parsed.problem}`);
  const { plant, lineId, kind } = parsed.topic;
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
  if (size > MAX_PAYLOAD_BYTES) return refuse('', `payload of ${size} bytes is over ${MAX_PAYLOAD_BYTES}`);
  let body: unknown;
  try {
    body = JSON.parse(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8'));
  } catch (error) {
    return refuse('', `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const checker = checkers[kind];
  if (!checker.Check(body)) {
    return { ok: false, problems: schemaProblems(topic, kind, checker.Errors(body)) };
  }
  switch (kind) {
    case 'birth':
      return { ok: true, message: { kind, plant, lineId, payload: body as BirthPayload } };
    case 'death':
      return { ok: true, message: { kind, plant, lineId, payload: body as DeathPayload } };
    case 'state':
    case 'count':
    case 'stop': {
      const { birth, seq, eventId, ...fields } = body as StatePayload | CountPayload | StopPayload;
      return {
        ok: true,
        message: {
          kind: 'data',
          plant,
          lineId,
          birth,
          seq,
          event: { ...fields, kind, lineId, eventId: eventId ?? derivedEventId(plant, lineId, birth, seq) },
        },
      };
    }
  }
}

interface SchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/** TypeBox's errors in the plant's words: one problem per field, the field named in dots. */
function schemaProblems(topic: string, kind: MessageKind, errors: Iterable<SchemaError>): PayloadProblem[] {
  const out = new Map<string, string>();
  const add = (field: string, problem: string): void => {
    if (!out.has(field)) out.set(field, problem);
  };
  for (const e of errors) {
    const at = e.instancePath.split('/').slice(1).join('.');
    const join = (name: string): string => (at === '' ? name : `${at}.${name}`);
    switch (e.keyword) {
      case 'required':
        for (const name of asStrings(e.params['requiredProperties'])) add(join(name), 'is required');
        break;
      case 'additionalProperties':
        for (const name of asStrings(e.params['additionalProperties']))
          add(join(name), `is not a field of a v1 ${kind} message`);
        break;
      case 'boolean':
        add(at, `is not a field of a v1 ${kind} message`);
        break;
      case 'pattern':
        add(
          at,
          at === 'eventId'
            ? 'must be 1 to 128 printable characters'
            : 'must be an ISO 8601 instant with a time zone',
        );
        break;
      case 'type':
        add(at, at === '' ? 'must be a JSON object' : e.message);
        break;
      default:
        add(at, e.message);
    }
  }
  return [...out].map(([field, problem]) => ({ topic, field, problem }));
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The schemas by kind, for the documentation and for publishers that check before sending.
 *
 * @example
 * JSON.stringify(PAYLOAD_SCHEMAS.count); // the JSON Schema of a v1 count payload
 */
export const PAYLOAD_SCHEMAS: Readonly<Record<MessageKind, TSchema>> = {
  state: StatePayload,
  count: CountPayload,
  stop: StopPayload,
  birth: BirthPayload,
  death: DeathPayload,
};
