/**
 * The plant scenario: one YAML file that describes the site (phases, buildings, lines, calendars,
 * products and packaging, components and their supply, storage, consignees, demand, sampling and
 * simulation defaults). This module is the schema (TypeBox, so the same object is a JSON Schema)
 * and the TypeScript types derived from it.
 *
 * Units are fixed and, where a field is a duration, named in the field itself:
 * - rates are rounds (or, on a component line, pieces) per minute;
 * - `...Minutes`, `...Hours`, `...Days` say their unit; changeover matrices are in minutes;
 * - a `Distribution` is in minutes unless its field says otherwise (time to failure is counted in
 *   operating minutes, i.e. minutes the line was running);
 * - dates are `YYYY-MM-DD` in the plant's time zone; clock times are `HH:MM`, 24-hour.
 * Quantities are counted units only (rounds, pieces, charges), never masses.
 *
 * @example
 * import { validateScenario } from './validate.ts';
 * const scenario: Scenario = validateScenario(parsedYaml);
 * scenario.lines.filter((l) => l.kind === 'assembly').map((l) => l.ratedRate);
 */
import Type, { type Static } from 'typebox';

const strict = { additionalProperties: false } as const;

/** An id: letters, digits, `-`, `_`, `.`; starts with a letter or digit. */
export const Id = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
  maxLength: 64,
  expected: 'an id (letters, digits, - _ .; up to 64)',
});
/** A calendar date `YYYY-MM-DD`. */
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', expected: 'a date YYYY-MM-DD' });
/** A clock time `HH:MM`, 00:00 to 24:00. */
export const ClockTime = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$',
  expected: 'a time HH:MM (00:00 to 24:00)',
});
const Text = Type.String({ minLength: 1 });
const Positive = () => Type.Number({ exclusiveMinimum: 0 });
const NonNegative = Type.Number({ minimum: 0 });
const Count = Type.Integer({ minimum: 0 });
const PositiveCount = Type.Integer({ minimum: 1 });
const Share = Type.Number({ minimum: 0, maximum: 1 });

/** One of a fixed list of strings (a JSON Schema `enum`). */
function literals<const T extends readonly string[]>(values: T) {
  return Type.Enum([...values] as T[number][]);
}

// ---------------------------------------------------------------------------------------------
// Distributions: a tagged union on `kind`, parameters as sibling fields.

export const DISTRIBUTION_KINDS = [
  'exponential',
  'lognormal',
  'weibull',
  'triangular',
  'uniform',
  'normal',
  'empirical',
  'fixed',
] as const;

/**
 * A random duration (or count). `lognormal` takes the mean and standard deviation of the value
 * itself (not of its logarithm); `normal` is truncated at zero by whoever samples it;
 * `empirical` picks one of `values`, weighted by `weights` when given (same length).
 */
export const Distribution = Type.Union([
  Type.Object({ kind: Type.Literal('exponential'), mean: Positive() }, strict),
  Type.Object({ kind: Type.Literal('lognormal'), mean: Positive(), sd: Positive() }, strict),
  Type.Object({ kind: Type.Literal('weibull'), shape: Positive(), scale: Positive() }, strict),
  Type.Object(
    { kind: Type.Literal('triangular'), min: NonNegative, mode: NonNegative, max: NonNegative },
    strict,
  ),
  Type.Object({ kind: Type.Literal('uniform'), min: NonNegative, max: NonNegative }, strict),
  Type.Object({ kind: Type.Literal('normal'), mean: NonNegative, sd: NonNegative }, strict),
  Type.Object(
    {
      kind: Type.Literal('empirical'),
      values: Type.Array(NonNegative, { minItems: 1 }),
      weights: Type.Optional(Type.Array(NonNegative, { minItems: 1 })),
    },
    strict,
  ),
  Type.Object({ kind: Type.Literal('fixed'), value: NonNegative }, strict),
]);
export type Distribution = Static<typeof Distribution>;
export type DistributionKind = Distribution['kind'];

// ---------------------------------------------------------------------------------------------
// Plant

export const SENSITIVE_ACTS = [
  'releaseLot',
  'adjustStock',
  'destroy',
  'addAuthorisation',
  'dispatchShipment',
] as const;
export type SensitiveAct = (typeof SENSITIVE_ACTS)[number];

/** Whether each sensitive act needs a second person (four-eyes principle). */
export const FourEyes = Type.Object(
  {
    releaseLot: Type.Boolean(),
    adjustStock: Type.Boolean(),
    destroy: Type.Boolean(),
    addAuthorisation: Type.Boolean(),
    dispatchShipment: Type.Boolean(),
  },
  strict,
);
export type FourEyes = Static<typeof FourEyes>;

export const Plant = Type.Object(
  {
    id: Id,
    name: Text,
    /** 2 to 4 capital letters; goes into lot numbers and headstamps. */
    manufacturerCode: Type.String({ pattern: '^[A-Z]{2,4}$', expected: '2 to 4 capital letters' }),
    /** ISO 3166-1 alpha-2. */
    country: Type.String({ pattern: '^[A-Z]{2}$', expected: 'an ISO 3166 alpha-2 country code like BY' }),
    startDate: DateString,
    /** IANA time zone, e.g. `Europe/Minsk`. */
    timezone: Text,
    ratedOutputPerYear: PositiveCount,
    fourEyes: FourEyes,
    lots: Type.Object({ roundsPerLot: PositiveCount }, strict),
    clockMode: Type.Optional(literals(['real', 'simulated'] as const)),
  },
  strict,
);
export type Plant = Static<typeof Plant>;

// ---------------------------------------------------------------------------------------------
// Phases and buildings. A phase's lines are the lines whose `phase` names it.

export const Building = Type.Object({ id: Id, name: Text, purpose: Type.Optional(Text) }, strict);
export type Building = Static<typeof Building>;

export const Phase = Type.Object(
  {
    id: Id,
    name: Text,
    buildings: Type.Array(Building, { minItems: 1 }),
    /**
     * The lines of this phase. A line's own `phase` is what counts; when this list is given it
     * must name exactly those lines (a check that the two agree).
     */
    lines: Type.Optional(Type.Array(Id)),
    description: Type.Optional(Text),
  },
  strict,
);
export type Phase = Static<typeof Phase>;

// ---------------------------------------------------------------------------------------------
// Lines

export const AcceptanceAct = Type.Object(
  { actNumber: Text, date: DateString, signedBy: Type.Array(Text, { minItems: 1 }) },
  strict,
);
export type AcceptanceAct = Static<typeof AcceptanceAct>;

export const Signatory = Type.Object({ name: Text, role: Text }, strict);
export type Signatory = Static<typeof Signatory>;

/** The acceptance test a line must pass before it goes into service. */
export const AcceptanceTest = Type.Object(
  {
    durationHours: Positive(),
    thresholds: Type.Object(
      {
        /** Achieved rate over rated rate while running, 0..1. */
        minRateShare: Share,
        minAvailability: Share,
        minQualityRatio: Share,
        maxSingleStopMinutes: Positive(),
      },
      strict,
    ),
    signatories: Type.Array(Signatory, { minItems: 1 }),
  },
  strict,
);
export type AcceptanceTest = Static<typeof AcceptanceTest>;

export const Commissioning = Type.Object(
  {
    /** The act under which the line went into service before this system kept records. */
    priorAct: Type.Optional(AcceptanceAct),
    test: Type.Optional(AcceptanceTest),
  },
  strict,
);
export type Commissioning = Static<typeof Commissioning>;

export const LINE_KINDS = ['assembly', 'component'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export const Line = Type.Object(
  {
    id: Id,
    name: Text,
    /** `assembly` makes cartridges (products); `component` makes component lots (components). */
    kind: literals(LINE_KINDS),
    phase: Id,
    building: Id,
    /** Product ids (assembly line) or component ids (component line) the line can make. */
    products: Type.Array(Id, { minItems: 1 }),
    /** Rated rate: rounds (or pieces) per minute while running. */
    ratedRate: Positive(),
    /** Minutes to change over from one product (outer key) to another (inner key). */
    changeovers: Type.Optional(Type.Record(Type.String(), Type.Record(Type.String(), NonNegative))),
    /** Id of the shift calendar the line works to. */
    calendar: Id,
    failures: Type.Object(
      {
        /** Time between failures, in operating minutes. */
        timeToFailure: Distribution,
        /** Time to repair, in minutes. */
        repair: Distribution,
      },
      strict,
    ),
    microStops: Type.Object({ perHour: NonNegative, meanMinutes: Positive() }, strict),
    /** Probability that a processed round is defective (scrapped on the line). */
    rejectRate: Type.Number({ minimum: 0, exclusiveMaximum: 1 }),
    plannedMaintenance: Type.Object(
      { per: literals(['week', 'month'] as const), minutes: NonNegative },
      strict,
    ),
    commissioning: Type.Optional(Commissioning),
  },
  strict,
);
export type Line = Static<typeof Line>;

/** A work centre that is described but not yet modelled as a line (e.g. rifle assembly). */
export const WorkCentre = Type.Object(
  { id: Id, name: Text, phase: Id, building: Id, kind: Text, description: Type.Optional(Text) },
  strict,
);
export type WorkCentre = Static<typeof WorkCentre>;

// ---------------------------------------------------------------------------------------------
// Calendars

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A shift window in plant local time; `end` at or before `start` means it ends the next day. */
export const ShiftWindow = Type.Object(
  { start: ClockTime, end: ClockTime, name: Type.Optional(Text) },
  strict,
);
export type ShiftWindow = Static<typeof ShiftWindow>;

const DayWindows = Type.Optional(Type.Array(ShiftWindow));
export const Calendar = Type.Object(
  {
    id: Id,
    name: Text,
    /** Shift windows per weekday; a missing day has no shifts. */
    week: Type.Object(
      {
        mon: DayWindows,
        tue: DayWindows,
        wed: DayWindows,
        thu: DayWindows,
        fri: DayWindows,
        sat: DayWindows,
        sun: DayWindows,
      },
      strict,
    ),
    /** Dates with no shifts at all. */
    holidays: Type.Optional(Type.Array(DateString)),
  },
  strict,
);
export type Calendar = Static<typeof Calendar>;

// ---------------------------------------------------------------------------------------------
// Products and components

export const PRODUCT_TYPES = ['ball', 'tracer', 'blank'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const Packaging = Type.Object(
  { roundsPerBox: PositiveCount, boxesPerCrate: PositiveCount, cratesPerPallet: PositiveCount },
  strict,
);
export type Packaging = Static<typeof Packaging>;

/** UN hazard division, e.g. `1.4S`. */
export const HazardDivision = Type.String({
  pattern: '^1\\.[1-6][A-LNS]?$',
  expected: 'a hazard division like 1.4S',
});

export const Product = Type.Object(
  {
    id: Id,
    name: Text,
    /** e.g. `7.62x39mm`. */
    calibre: Type.String({
      pattern: '^\\d+(\\.\\d+)?x\\d+(\\.\\d+)?(mm|R)?$',
      expected: 'a calibre like 7.62x39mm',
    }),
    type: literals(PRODUCT_TYPES),
    /** The bullet in plain words only (e.g. "steel core"); absent for a blank. */
    bullet: Type.Optional(Text),
    /** UN number, e.g. `UN0012`. */
    unNumber: Type.String({ pattern: '^UN\\d{4}$', expected: 'a UN number like UN0012' }),
    hazardDivision: HazardDivision,
    /** Counted component units per round, by component id. */
    bill: Type.Record(Type.String(), PositiveCount),
    packaging: Packaging,
  },
  strict,
);
export type Product = Static<typeof Product>;

export const Delivery = Type.Object(
  {
    everyDays: PositiveCount,
    quantity: PositiveCount,
    /**
     * Days from placing an order with the supplier to its arrival: how late a change of plan
     * reaches the plant. The arrivals above are already the result of past orders.
     */
    leadTimeDays: Count,
    /** Day of the study (0 = start date) the first delivery arrives; default `everyDays`. */
    firstDay: Type.Optional(Count),
  },
  strict,
);
export type Delivery = Static<typeof Delivery>;

/** A supply disruption: no deliveries from `from` up to, not including, `to` (or for `durationDays`). */
export const Disruption = Type.Object(
  {
    enabled: Type.Boolean(),
    from: DateString,
    to: Type.Optional(DateString),
    durationDays: Type.Optional(PositiveCount),
    reason: Type.Optional(Text),
  },
  strict,
);
export type Disruption = Static<typeof Disruption>;

export const Component = Type.Object(
  {
    id: Id,
    name: Text,
    /** Components are counted, never weighed. */
    unit: literals(['piece', 'charge'] as const),
    suppliers: Type.Array(Text, { minItems: 1 }),
    initialStock: Count,
    delivery: Type.Optional(Delivery),
    disruption: Type.Optional(Disruption),
  },
  strict,
);
export type Component = Static<typeof Component>;

// ---------------------------------------------------------------------------------------------
// Storage, consignees, demand

export const LOCATION_KINDS = ['magazine', 'quarantine', 'shipping', 'line-side'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const StorageLocation = Type.Object(
  {
    id: Id,
    name: Text,
    kind: literals(LOCATION_KINDS),
    building: Type.Optional(Id),
    limitCrates: PositiveCount,
    allowedDivisions: Type.Array(HazardDivision, { minItems: 1 }),
  },
  strict,
);
export type StorageLocation = Static<typeof StorageLocation>;

export const CONSIGNEE_KINDS = ['army', 'police', 'security'] as const;
export type ConsigneeKind = (typeof CONSIGNEE_KINDS)[number];

export const Consignee = Type.Object(
  {
    id: Id,
    name: Text,
    kind: literals(CONSIGNEE_KINDS),
    country: Type.String({ pattern: '^[A-Z]{2}$', expected: 'an ISO 3166 alpha-2 country code like BY' }),
  },
  strict,
);
export type Consignee = Static<typeof Consignee>;

export const Order = Type.Object(
  {
    id: Id,
    consignee: Id,
    product: Id,
    quantity: PositiveCount,
    due: DateString,
    release: Type.Optional(DateString),
    /** Higher is more urgent; default 1. */
    priority: Type.Optional(PositiveCount),
  },
  strict,
);
export type Order = Static<typeof Order>;

export const Demand = Type.Object(
  {
    /** Rounds a year the customers ask for; default the plant's rated output. */
    annualRounds: Type.Optional(PositiveCount),
    /** Share of rounds per product id; shares sum to 1. */
    mix: Type.Optional(Type.Record(Type.String(), Share)),
    /** Share of rounds per consignee id; shares sum to 1. */
    consignees: Type.Optional(Type.Record(Type.String(), Share)),
    /** For generating orders from the mix: how many a year and how large. */
    orders: Type.Optional(
      Type.Object(
        {
          perYear: PositiveCount,
          minRounds: PositiveCount,
          maxRounds: PositiveCount,
          /** Days from release to due date. */
          leadTimeDays: PositiveCount,
        },
        strict,
      ),
    ),
    /** Firm orders. */
    firm: Type.Optional(Type.Array(Order)),
  },
  strict,
);
export type Demand = Static<typeof Demand>;

// ---------------------------------------------------------------------------------------------
// Sampling and simulation

export const INSPECTION_LEVELS = ['I', 'II', 'III', 'S-1', 'S-2', 'S-3', 'S-4'] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];
export const DEFECT_CLASSES = ['critical', 'major', 'minor'] as const;
export type DefectClass = (typeof DEFECT_CLASSES)[number];
/** The AQL values of MIL-STD-105E, in percent defective (or defects per hundred units). */
export const AQL_VALUES = [
  0.01, 0.015, 0.025, 0.04, 0.065, 0.1, 0.15, 0.25, 0.4, 0.65, 1, 1.5, 2.5, 4, 6.5, 10, 15, 25, 40, 65, 100,
  150, 250, 400, 650, 1000,
] as const;

export const SamplingTest = Type.Object(
  { id: Id, name: Text, defectClass: literals(DEFECT_CLASSES), destructive: Type.Boolean() },
  strict,
);
export type SamplingTest = Static<typeof SamplingTest>;

export const Sampling = Type.Object(
  {
    inspectionLevel: literals(INSPECTION_LEVELS),
    aql: Type.Object({ critical: Positive(), major: Positive(), minor: Positive() }, strict),
    tests: Type.Array(SamplingTest, { minItems: 1 }),
  },
  strict,
);
export type Sampling = Static<typeof Sampling>;

export const Simulation = Type.Object(
  { horizonDays: PositiveCount, replications: PositiveCount, seed: Count },
  strict,
);
export type Simulation = Static<typeof Simulation>;

// ---------------------------------------------------------------------------------------------
// The whole file

export const Scenario = Type.Object(
  {
    /** Format version of this file. */
    version: Type.Literal(1),
    plant: Plant,
    phases: Type.Array(Phase, { minItems: 1 }),
    lines: Type.Array(Line, { minItems: 1 }),
    workCentres: Type.Optional(Type.Array(WorkCentre)),
    calendars: Type.Array(Calendar, { minItems: 1 }),
    products: Type.Array(Product, { minItems: 1 }),
    components: Type.Array(Component),
    storage: Type.Array(StorageLocation),
    consignees: Type.Array(Consignee),
    demand: Demand,
    sampling: Sampling,
    simulation: Simulation,
  },
  strict,
);
export type Scenario = Static<typeof Scenario>;
