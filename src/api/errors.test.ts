import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  HeadstampError,
  NotFoundError,
  RefusedError,
  ValidationError,
  type ErrorKind,
} from '../domain/errors.ts';
import { fieldPath, statusFor, toErrorResponse } from './errors.ts';

describe('the one error-to-HTTP mapping', () => {
  it('gives every kind its status', () => {
    const expected: Record<ErrorKind, number> = {
      invalid: 400,
      unauthenticated: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      refused: 422,
      unavailable: 503,
    };
    for (const [kind, status] of Object.entries(expected)) {
      expect(statusFor(kind as ErrorKind)).toBe(status);
      const { status: got, body } = toErrorResponse(new HeadstampError(`x.${kind}`, kind as ErrorKind, 'm'));
      expect(got).toBe(status);
      expect(body).toEqual({ code: `x.${kind}`, message: 'm', details: {} });
    }
  });

  it('keeps the problems and reasons of typed errors in details', () => {
    const invalid = toErrorResponse(
      new ValidationError('order.invalid', 'bad', [{ path: 'quantity', problem: 'must be > 0, got -5' }]),
    );
    expect(invalid).toEqual({
      status: 400,
      body: {
        code: 'order.invalid',
        message: 'bad',
        details: { problems: [{ path: 'quantity', problem: 'must be > 0, got -5' }] },
      },
    });
    expect(
      toErrorResponse(new RefusedError('ship.refused', 'no', ['no authorisation'])).body.details,
    ).toEqual({
      reasons: ['no authorisation'],
    });
    expect(toErrorResponse(new NotFoundError('lot.not_found', 'no lot')).status).toBe(404);
    expect(toErrorResponse(new ConflictError('lot.released', 'already')).status).toBe(409);
    expect(toErrorResponse(new ForbiddenError('forbidden.role', 'no')).status).toBe(403);
  });

  it('turns schema errors into 400 naming each field', () => {
    const error = Object.assign(new Error('body/lines/2/rate must be > 0'), {
      code: 'FST_ERR_VALIDATION',
      statusCode: 400,
      validationContext: 'body',
      validation: [
        { instancePath: '/lines/2/rate', keyword: 'exclusiveMinimum', message: 'must be > 0', params: {} },
        {
          instancePath: '/lines/0',
          keyword: 'required',
          message: "must have required property 'id'",
          params: { missingProperty: 'id' },
        },
        {
          instancePath: '',
          keyword: 'additionalProperties',
          message: 'x',
          params: { additionalProperty: 'colour' },
        },
      ],
    });
    const { status, body } = toErrorResponse(error);
    expect(status).toBe(400);
    expect(body.code).toBe('request.invalid');
    expect(body.message).toBe('lines[2].rate: must be > 0 (and 2 more)');
    expect(body.details['problems']).toEqual([
      { path: 'lines[2].rate', problem: 'must be > 0' },
      { path: 'lines[0].id', problem: 'is required' },
      { path: 'colour', problem: 'is not a known field' },
    ]);
  });

  it('keeps Fastify’s own 4xx statuses and hides 5xx internals', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    expect(toErrorResponse(tooLarge)).toMatchObject({ status: 413, body: { code: 'request.too_large' } });
    const boom = toErrorResponse(new Error('SQLITE_CORRUPT: secret path /var/x'));
    expect(boom).toEqual({ status: 500, body: { code: 'internal', message: 'internal error', details: {} } });
  });

  it('names fields the way the rest of Headstamp does', () => {
    expect(fieldPath('/lines/2/rate')).toBe('lines[2].rate');
    expect(fieldPath('', 'name')).toBe('name');
    expect(fieldPath('/a~1b')).toBe('["a/b"]');
    expect(fieldPath('/events/10', 'at')).toBe('events[10].at');
  });
});
