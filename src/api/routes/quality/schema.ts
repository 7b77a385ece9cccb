import { Type } from 'typebox';
import { Page, PageQuery } from '../../pagination.ts';
import { closed, Id, Instant, Rounds } from '../../schemas.ts';

const DefectClass = Type.Enum(['critical', 'major', 'minor']);
const Severity = Type.Enum(['normal', 'tightened', 'reduced', 'discontinued']);

export const LotParams = Type.Object({ lotNumber: Id }, closed);
export const ProductParams = Type.Object({ productId: Id }, closed);

const ScoreStep = Type.Union([Type.Literal(2), Type.Literal(3), Type.Literal('reset')]);

const ClassPlan = Type.Object({
  defectClass: DefectClass,
  aql: Type.String({ description: 'Acceptable quality level, as the tables write it (`0.65`)' }),
  destructive: Type.Boolean(),
  n: Rounds,
  ac: Rounds,
  re: Rounds,
  tableN: Rounds,
  fullInspection: Type.Boolean(),
});

const SwitchingState = Type.Object({
  severity: Severity,
  score: Type.Integer(),
  recent: Type.Array(Type.Boolean(), { description: 'Last ≤ 5 lots on normal inspection, oldest first' }),
  acceptedInRow: Type.Integer(),
  notAcceptedOnTightened: Type.Integer(),
});

export const SamplingPlan = Type.Object({
  id: Type.String(),
  lotNumber: Type.String(),
  productId: Type.String(),
  lotSize: Rounds,
  status: Type.Enum(['pending', 'released', 'held', 'rejected']),
  level: Type.String({ description: 'Inspection level (I, II, III, S-1 … S-4)' }),
  severity: Severity,
  codeLetter: Type.String(),
  classes: Type.Array(ClassPlan),
  roundsConsumed: Rounds,
  switching: Type.Object({
    ...SwitchingState.properties,
    steadyProduction: Type.Boolean(),
    reducedApproved: Type.Boolean(),
  }),
});

export const InspectionBody = Type.Object(
  {
    results: Type.Array(
      Type.Object(
        {
          defectClass: DefectClass,
          inspected: Type.Integer({
            minimum: 0,
            maximum: 10_000_000,
            description: 'Rounds inspected: the plan’s n',
          }),
          defects: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
        },
        closed,
      ),
      { minItems: 1, maxItems: 3 },
    ),
  },
  closed,
);

const SwitchingStep = Type.Object({
  state: SwitchingState,
  switched: Type.Optional(Type.Object({ from: Severity, to: Severity, rule: Type.String() })),
});

export const RecordedInspection = Type.Object({
  id: Type.String(),
  lotNumber: Type.String(),
  inspection: Type.Object({
    id: Type.String(),
    lotId: Type.String(),
    productId: Type.String(),
    severity: Type.String(),
    inspectionLevel: Type.String(),
    codeLetter: Type.String(),
    lotSize: Rounds,
    classes: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    accepted: Type.Boolean(),
    inGap: Type.Boolean(),
  }),
  judgement: Type.Object({
    accepted: Type.Boolean(),
    inGap: Type.Boolean(),
    classes: Type.Array(
      Type.Object({
        ...ClassPlan.properties,
        inspected: Rounds,
        defects: Rounds,
        verdict: Type.Enum(['accept', 'accept-in-gap', 'reject']),
        scoreStep: ScoreStep,
      }),
    ),
    scoreStep: ScoreStep,
  }),
  next: SwitchingStep,
});

/** A second person's own password, for acts the plant asks four eyes for. */
export const Approval = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { ...closed, description: 'The second person, signing with their own password' },
);

export const DecisionBody = Type.Object(
  {
    decision: Type.Enum(['released', 'held', 'rejected']),
    reason: Type.Optional(
      Type.String({ minLength: 1, maxLength: 1000, description: 'Required to hold or reject' }),
    ),
    approval: Type.Optional(Approval),
  },
  closed,
);

export const LotDecision = Type.Object({
  id: Type.String(),
  lotId: Type.String(),
  seq: Type.Integer(),
  status: Type.Enum(['released', 'held', 'rejected']),
  reason: Type.Union([Type.String(), Type.Null()]),
  inspectionId: Type.Union([Type.String(), Type.Null()]),
  approver: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Instant,
  actor: Type.String(),
});

export const SwitchingBody = Type.Object(
  {
    act: Type.Enum([
      'approve-reduced',
      'withdraw-reduced',
      'steady',
      'irregular',
      'normal',
      'corrective-action',
    ]),
  },
  closed,
);

export const SwitchingResult = Type.Object({
  ...SwitchingStep.properties,
  productId: Type.String(),
  steadyProduction: Type.Boolean(),
  reducedApproved: Type.Boolean(),
});

export const LotStatusQuery = Type.Object(PageQuery, closed);

export const LotStatusPage = Page(
  Type.Object({
    lotNumber: Type.String(),
    productId: Type.String(),
    lineId: Type.String(),
    status: Type.Enum(['pending', 'released', 'held', 'rejected']),
  }),
);

export const LotQualityHistory = Type.Object({
  lotNumber: Type.String(),
  status: Type.Enum(['pending', 'released', 'held', 'rejected']),
  inspection: Type.Union([
    Type.Object(
      {
        id: Type.String(),
        severity: Type.String(),
        inspectionLevel: Type.String(),
        codeLetter: Type.String(),
        lotSize: Rounds,
        classes: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
          description: 'Per defect class: plan (n, Ac, Re), inspected, defects, verdict',
        }),
        accepted: Type.Boolean(),
        inGap: Type.Boolean(),
        roundsConsumed: Rounds,
        inspectedAt: Instant,
        actor: Type.String(),
      },
      { additionalProperties: true },
    ),
    Type.Null(),
  ]),
  decisions: Type.Array(LotDecision, { description: 'Oldest first' }),
});
