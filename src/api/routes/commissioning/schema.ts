import { Type } from 'typebox';
import { closed, Instant, NullableString } from '../../schemas.ts';

/** A line id in a path. */
export const LineParams = Type.Object(
  { lineId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) },
  closed,
);

/** An act number in a path (`CA-L2-001`): letters, digits, `-` and `_` only, so never a path. */
export const ActParams = Type.Object(
  {
    actNumber: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '^[A-Za-z0-9_-]+$',
      description: 'The act number, `CA-<line>-NNN`',
    }),
  },
  closed,
);

const Share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

export const Thresholds = Type.Object(
  {
    minRateShare: Share('Achieved rate over rated rate while running (ISO 22400 effectiveness)'),
    minAvailability: Share('ISO 22400 availability'),
    minQualityRatio: Share('ISO 22400 quality ratio'),
    maxSingleStopMinutes: Type.Number({ exclusiveMinimum: 0, description: 'Longest single stop, minutes' }),
  },
  closed,
);

export const Signatory = Type.Object({ name: Type.String(), role: Type.String() }, closed);

const ProtocolFields = {
  lineId: Type.String(),
  lineName: Type.String(),
  durationHours: Type.Number({ description: 'Operating time in the line’s shifts, hours' }),
  products: Type.Array(Type.String()),
  ratedRate: Type.Number({ description: 'Rounds per minute while running' }),
  thresholds: Thresholds,
  signatories: Type.Array(Signatory),
};

export const Protocol = Type.Object(ProtocolFields, {
  ...closed,
  description: 'The acceptance test protocol: the scenario’s, with the line’s products and rated rate',
});

/** The protocol as a started test keeps it, with its operating windows. */
export const StoredProtocol = Type.Object(
  {
    ...ProtocolFields,
    startEnteredAt: NullableString({
      description: 'When a test begun earlier was entered (null: at its start)',
    }),
    operatingWindows: Type.Array(Type.Object({ from: Instant, to: Instant }, closed)),
  },
  closed,
);

export const StartBody = Type.Object(
  {
    durationHours: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, maximum: 10_000, description: 'Over the protocol’s' }),
    ),
    products: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 128 }), {
        minItems: 1,
        maxItems: 50,
        uniqueItems: true,
      }),
    ),
    startAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'The test began earlier, at this instant (the act says so)',
      }),
    ),
    thresholds: Type.Optional(
      Type.Object(
        {
          minRateShare: Type.Optional(Share('Over the protocol’s')),
          minAvailability: Type.Optional(Share('Over the protocol’s')),
          minQualityRatio: Type.Optional(Share('Over the protocol’s')),
          maxSingleStopMinutes: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100_000 })),
        },
        closed,
      ),
    ),
  },
  closed,
);

export const StartedTest = Type.Object(
  { id: Type.String(), lineId: Type.String(), startedAt: Instant, dueAt: Instant, protocol: StoredProtocol },
  closed,
);

const Minutes = Type.Number({ description: 'Minutes' });

export const ThresholdResult = Type.Object(
  {
    key: Type.Enum(['rateShare', 'availability', 'qualityRatio', 'longestStop']),
    label: Type.String(),
    bound: Type.Enum(['min', 'max']),
    required: Type.Number(),
    measured: Type.Number(),
    unit: Type.Enum(['share', 'minutes']),
    passed: Type.Boolean(),
  },
  closed,
);

export const Evaluation = Type.Object(
  {
    record: Type.Object(
      {
        plannedBusyTime: Minutes,
        actualProductionTime: Minutes,
        setupTime: Type.Optional(Minutes),
        downTimes: Type.Optional(Type.Record(Type.String(), Minutes)),
        delayTime: Type.Optional(Minutes),
        plannedRunTimePerItem: Type.Number(),
        producedQuantity: Type.Number(),
        goodQuantity: Type.Number(),
      },
      closed,
    ),
    kpis: Type.Object(
      {
        availability: Type.Number(),
        effectiveness: Type.Number(),
        qualityRatio: Type.Number(),
        oee: Type.Number(),
        scrapQuantity: Type.Number(),
        downTime: Minutes,
        unaccountedTime: Minutes,
      },
      closed,
    ),
    thresholds: Type.Array(ThresholdResult),
    stops: Type.Array(
      Type.Object(
        {
          from: Instant,
          to: Instant,
          minutes: Minutes,
          reason: NullableString(),
          category: Type.Enum(['down', 'setup', 'delay', 'minor']),
          open: Type.Boolean({ description: 'Still going at the end of the period measured' }),
        },
        closed,
      ),
    ),
    periodMinutes: Minutes,
    passed: Type.Boolean(),
    reasons: Type.Array(Type.String(), { description: 'One sentence per failed threshold' }),
  },
  closed,
);

export const LineService = Type.Object(
  {
    id: Type.String(),
    lineId: Type.String(),
    commissioned: Type.Boolean(),
    source: Type.Enum(['act', 'prior-act', 'none'], { description: 'What decides the line’s standing' }),
    actNumber: NullableString(),
    date: NullableString({ format: 'date' }),
    passed: Type.Union([Type.Boolean(), Type.Null()]),
    testRunning: Type.Boolean(),
  },
  closed,
);

export const LineServiceList = Type.Object({ items: Type.Array(LineService) }, closed);

export const CommissioningStatus = Type.Object(
  {
    service: LineService,
    test: Type.Union([
      Type.Object(
        {
          testId: Type.String(),
          lineId: Type.String(),
          startedAt: Instant,
          dueAt: Instant,
          measuredTo: Instant,
          elapsedHours: Type.Number(),
          durationHours: Type.Number(),
          progress: Type.Number({ minimum: 0, maximum: 1 }),
          due: Type.Boolean({ description: 'The duration is reached: the test may be closed' }),
          protocol: StoredProtocol,
          evaluation: Evaluation,
        },
        closed,
      ),
      Type.Null(),
    ]),
  },
  closed,
);

export const CloseBody = Type.Object(
  {
    early: Type.Optional(
      Type.Boolean({ description: 'Close before the duration is reached (the act says so)' }),
    ),
  },
  closed,
);

export const ClosedTest = Type.Object(
  {
    actNumber: Type.String(),
    fileName: Type.String({ description: 'Download at GET /commissioning/acts/{actNumber}' }),
    passed: Type.Boolean(),
    early: Type.Boolean(),
    sha256: Type.String(),
    ledgerIndex: Type.Integer({ minimum: 0 }),
    reasons: Type.Array(Type.String()),
    evaluation: Evaluation,
  },
  closed,
);

export const ActVerification = Type.Object(
  {
    act: Type.String(),
    file: Type.String({ description: 'The act’s file name in the acts folder' }),
    ok: Type.Boolean(),
    checks: Type.Array(
      Type.Object({ check: Type.String(), ok: Type.Boolean(), detail: Type.String() }, closed),
    ),
    failures: Type.Array(Type.String()),
  },
  closed,
);

export const ActHtml = Type.String({ description: 'The act’s HTML, byte for byte as signed' });
