import { Type } from 'typebox';

/**
 * Small schemas that many routes share. Every object a client sends is closed
 * (`additionalProperties: false`): an unknown field is refused, never silently dropped.
 *
 * @example
 * const Body = Type.Object({ name: Name }, closed);
 */
export const closed = { additionalProperties: false } as const;

/** A record id or domain number in a path (`/lots/:id`). */
export const Id = Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' });

export const IdParams = Type.Object({ id: Id }, closed);

/** An ISO 8601 instant. */
export const Instant = Type.String({ format: 'date-time' });

/** An ISO date, `YYYY-MM-DD`. */
export const DateOnly = Type.String({ format: 'date' });

/** A whole number of rounds. */
export const Rounds = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

/**
 * A string or null, written as `type: ['string', 'null']` rather than `anyOf`: the response serializer
 * handles a type list directly, while an `anyOf` costs a schema check per value on every answer.
 */
export const NullableString = (options: { description?: string; format?: string } = {}) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], ...options });

/** Kept for object schemas that may be null; prefer NullableString for strings. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
