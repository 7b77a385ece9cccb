/**
 * The checks a schema cannot express: ids that must exist, ids that must be unique, lists that
 * must agree with each other (a line's changeover matrix names only products it makes, a
 * product's bill names known components, shares sum to one...). It reads the value defensively,
 * so that it can run on a document that also has schema faults and report everything at once.
 */
import { AQL_VALUES } from './schema.ts';
import { closest, describeValue, type Path, type ScenarioProblem } from './path.ts';
import {
  checkChangeovers,
  checkDistribution,
  checkShares,
  isCalendarDate,
  isTimeZone,
  minutesOfDay,
  UN_DIVISIONS,
} from './rules.ts';

type Fields = Record<string, unknown>;

function isMap(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The maps of a list, each with its index; anything else is ignored (the schema reports it). */
function items(value: unknown): [Fields, number][] {
  return Array.isArray(value) ? value.flatMap((v, i): [Fields, number][] => (isMap(v) ? [[v, i]] : [])) : [];
}
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function strings(value: unknown): [string, number][] {
  return Array.isArray(value)
    ? value.flatMap((v, i): [string, number][] => (typeof v === 'string' ? [[v, i]] : []))
    : [];
}
function fields(value: unknown): Fields {
  return isMap(value) ? value : {};
}

/**
 * Every cross-reference fault of a scenario-shaped value.
 *
 * @example
 * checkReferences({ lines: [{ id: 'L1', calendar: 'nope' }], calendars: [] });
 * // [{ path: ['lines', 0, 'calendar'], problem: "no calendar 'nope' (known: none)" }, ...]
 */
export function checkReferences(scenario: unknown): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  const add = (path: Path, problem: string): void => void out.push({ path, problem });
  const root = fields(scenario);
  const plant = fields(root['plant']);

  /** Collects ids of a list, reporting duplicates, and returns them. */
  const ids = (list: [Fields, number][], at: (i: number) => Path): Set<string> => {
    const seen = new Map<string, number>();
    for (const [item, i] of list) {
      const id = text(item['id']);
      if (id === undefined) continue;
      const first = seen.get(id);
      if (first !== undefined) add([...at(i), 'id'], `duplicate id '${id}' (first used at index ${first})`);
      else seen.set(id, i);
    }
    return new Set(seen.keys());
  };
  const mustExist = (path: Path, id: unknown, known: Set<string>, what: string): void => {
    if (typeof id !== 'string' || known.has(id)) return;
    const list = [...known];
    const guess = closest(id, list);
    const hint =
      guess !== undefined
        ? `did you mean '${guess}'?`
        : `known: ${list.length === 0 ? 'none' : list.slice(0, 12).join(', ')}${list.length > 12 ? ', ...' : ''}`;
    add(path, `no ${what} '${id}' (${hint})`);
  };
  const mustBeDate = (path: Path, value: unknown): void => {
    const s = text(value);
    if (s !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(s) && !isCalendarDate(s))
      add(path, `is not a real date: ${describeValue(s)}`);
  };

  // Plant
  mustBeDate(['plant', 'startDate'], plant['startDate']);
  const startDate = text(plant['startDate']);
  const timezone = text(plant['timezone']);
  if (timezone !== undefined && timezone !== '' && !isTimeZone(timezone))
    add(['plant', 'timezone'], `is not a known IANA time zone: ${describeValue(timezone)}`);

  // Phases and buildings
  const phases = items(root['phases']);
  const phaseIds = ids(phases, (i) => ['phases', i]);
  const buildingPhase = new Map<string, string>();
  const buildingSeen = new Set<string>();
  for (const [phase, i] of phases) {
    for (const [building, j] of items(phase['buildings'])) {
      const id = text(building['id']);
      if (id === undefined) continue;
      if (buildingSeen.has(id)) add(['phases', i, 'buildings', j, 'id'], `duplicate building id '${id}'`);
      buildingSeen.add(id);
      buildingPhase.set(id, text(phase['id']) ?? '');
    }
  }
  const placed = (at: Path, item: Fields): void => {
    mustExist([...at, 'phase'], item['phase'], phaseIds, 'phase');
    const building = text(item['building']);
    if (building === undefined) return;
    const phase = buildingPhase.get(building);
    if (phase === undefined)
      mustExist([...at, 'building'], building, new Set(buildingPhase.keys()), 'building');
    else if (typeof item['phase'] === 'string' && phaseIds.has(item['phase']) && phase !== item['phase'])
      add([...at, 'building'], `building '${building}' belongs to phase '${phase}', not '${item['phase']}'`);
  };

  // Catalogue ids first, so lines can be checked against them.
  const calendars = items(root['calendars']);
  const calendarIds = ids(calendars, (i) => ['calendars', i]);
  const products = items(root['products']);
  const productIds = ids(products, (i) => ['products', i]);
  const components = items(root['components']);
  const componentIds = ids(components, (i) => ['components', i]);
  const consignees = items(root['consignees']);
  const consigneeIds = ids(consignees, (i) => ['consignees', i]);
  const storage = items(root['storage']);
  ids(storage, (i) => ['storage', i]);

  // Lines
  const lines = items(root['lines']);
  ids(lines, (i) => ['lines', i]);
  const made = new Set<string>();
  for (const [line, i] of lines) {
    const at: Path = ['lines', i];
    placed(at, line);
    mustExist([...at, 'calendar'], line['calendar'], calendarIds, 'calendar');
    const component = line['kind'] === 'component';
    const catalogue = component ? componentIds : productIds;
    const what = component ? 'component' : 'product';
    const makes = new Set<string>();
    for (const [id, j] of strings(line['products'])) {
      if (makes.has(id)) add([...at, 'products', j], `lists '${id}' twice`);
      makes.add(id);
      if (!component) made.add(id);
      mustExist([...at, 'products', j], id, catalogue, what);
    }
    checkChangeovers(
      at,
      line['changeovers'],
      makes,
      new Set([...makes].filter((id) => catalogue.has(id))),
      add,
    );
    const failures = fields(line['failures']);
    checkDistribution([...at, 'failures', 'timeToFailure'], failures['timeToFailure'], add);
    checkDistribution([...at, 'failures', 'repair'], failures['repair'], add);
    const act = fields(fields(line['commissioning'])['priorAct']);
    mustBeDate([...at, 'commissioning', 'priorAct', 'date'], act['date']);
    const actDate = text(act['date']);
    if (actDate !== undefined && startDate !== undefined && actDate > startDate)
      add(
        [...at, 'commissioning', 'priorAct', 'date'],
        `a prior act must be dated on or before plant.startDate ${startDate}, got ${actDate}`,
      );
  }
  for (const [phase, i] of phases) {
    if (!Array.isArray(phase['lines'])) continue;
    const listed = new Set(strings(phase['lines']).map(([id]) => id));
    const actual = lines.filter(([line]) => line['phase'] === phase['id']).map(([line]) => text(line['id']));
    for (const [id, j] of strings(phase['lines'])) {
      const line = lines.find(([l]) => l['id'] === id)?.[0];
      if (line === undefined)
        mustExist(['phases', i, 'lines', j], id, new Set(lines.map(([l]) => text(l['id']) ?? '')), 'line');
      else if (line['phase'] !== phase['id'])
        add(['phases', i, 'lines', j], `line '${id}' says it is in phase '${text(line['phase']) ?? '?'}'`);
    }
    for (const id of actual)
      if (id !== undefined && !listed.has(id))
        add(['phases', i, 'lines'], `misses line '${id}', which names this phase`);
  }
  const workCentres = items(root['workCentres']);
  ids(workCentres, (i) => ['workCentres', i]);
  for (const [centre, i] of workCentres) placed(['workCentres', i], centre);

  // Calendars
  for (const [calendar, i] of calendars) {
    const week = fields(calendar['week']);
    for (const [day, windows] of Object.entries(week)) {
      const spans: [number, number, number][] = [];
      for (const [window, j] of items(windows)) {
        const [start, end] = [text(window['start']), text(window['end'])];
        if (
          start === undefined ||
          end === undefined ||
          !/^\d\d:\d\d$/.test(start) ||
          !/^\d\d:\d\d$/.test(end)
        )
          continue;
        const at: Path = ['calendars', i, 'week', day, j];
        if (start === '24:00') add([...at, 'start'], 'must be before 24:00');
        if (start === end) add([...at, 'end'], `must differ from start ${start}`);
        const from = minutesOfDay(start);
        const to = minutesOfDay(end) <= from ? minutesOfDay(end) + 1440 : minutesOfDay(end);
        spans.push([from, to, j]);
      }
      spans.sort((a, b) => a[0] - b[0]);
      for (let k = 1; k < spans.length; k++) {
        const [prev, cur] = [spans[k - 1], spans[k]];
        if (prev !== undefined && cur !== undefined && cur[0] < prev[1])
          add(['calendars', i, 'week', day, cur[2]], `overlaps the window at index ${prev[2]}`);
      }
    }
    for (const [date, j] of strings(calendar['holidays'])) mustBeDate(['calendars', i, 'holidays', j], date);
  }

  // Products
  const divisionsStored = new Set(
    storage
      .filter(([loc]) => loc['kind'] === 'magazine')
      .flatMap(([loc]) => strings(loc['allowedDivisions']).map(([d]) => d)),
  );
  for (const [product, i] of products) {
    const at: Path = ['products', i];
    const id = text(product['id']);
    if (id !== undefined && !made.has(id) && lines.length > 0)
      add([...at, 'id'], `no assembly line makes '${id}'`);
    if (product['type'] === 'blank' && product['bullet'] !== undefined)
      add([...at, 'bullet'], 'a blank has no bullet; remove this key');
    if ((product['type'] === 'ball' || product['type'] === 'tracer') && product['bullet'] === undefined)
      add(
        [...at, 'bullet'],
        `is required for a ${product['type']} cartridge (plain words, e.g. "steel core")`,
      );
    const un = text(product['unNumber']);
    const division = text(product['hazardDivision']);
    const expected = un !== undefined ? UN_DIVISIONS[un] : undefined;
    if (expected !== undefined && division !== undefined && expected !== division)
      add([...at, 'hazardDivision'], `${un} is division ${expected}, got ${division}`);
    if (division !== undefined && storage.length > 0 && !divisionsStored.has(division))
      add([...at, 'hazardDivision'], `no magazine in storage accepts division ${division}`);
    const bill = fields(product['bill']);
    if (isMap(product['bill']) && Object.keys(bill).length === 0)
      add([...at, 'bill'], 'must name at least one component');
    for (const key of Object.keys(bill)) mustExist([...at, 'bill', key], key, componentIds, 'component');
  }

  // Components
  for (const [component, i] of components) {
    const disruption = fields(component['disruption']);
    if (!isMap(component['disruption'])) continue;
    const at: Path = ['components', i, 'disruption'];
    mustBeDate([...at, 'from'], disruption['from']);
    mustBeDate([...at, 'to'], disruption['to']);
    const hasTo = disruption['to'] !== undefined;
    const hasDuration = disruption['durationDays'] !== undefined;
    if (hasTo === hasDuration) add(at, 'give exactly one of to or durationDays');
    const [from, to] = [text(disruption['from']), text(disruption['to'])];
    if (from !== undefined && to !== undefined && to < from)
      add([...at, 'to'], `must be on or after from ${from}, got ${to}`);
  }

  // Storage
  const allBuildings = new Set(buildingPhase.keys());
  for (const [location, i] of storage)
    mustExist(['storage', i, 'building'], location['building'], allBuildings, 'building');

  // Demand
  const demand = fields(root['demand']);
  checkShares(['demand', 'mix'], demand['mix'], productIds, 'product', add, mustExist);
  checkShares(['demand', 'consignees'], demand['consignees'], consigneeIds, 'consignee', add, mustExist);
  const generated = fields(demand['orders']);
  const [min, max] = [num(generated['minRounds']), num(generated['maxRounds'])];
  if (min !== undefined && max !== undefined && min > max)
    add(['demand', 'orders', 'maxRounds'], `must be >= minRounds ${min}, got ${max}`);
  const firm = items(demand['firm']);
  ids(firm, (i) => ['demand', 'firm', i]);
  for (const [order, i] of firm) {
    const at: Path = ['demand', 'firm', i];
    mustExist([...at, 'consignee'], order['consignee'], consigneeIds, 'consignee');
    mustExist([...at, 'product'], order['product'], productIds, 'product');
    mustBeDate([...at, 'due'], order['due']);
    mustBeDate([...at, 'release'], order['release']);
    const [release, due] = [text(order['release']), text(order['due'])];
    if (release !== undefined && due !== undefined && release > due)
      add([...at, 'release'], `must be on or before due ${due}, got ${release}`);
  }

  // Sampling
  const sampling = fields(root['sampling']);
  const aql = fields(sampling['aql']);
  for (const [cls, value] of Object.entries(aql)) {
    const v = num(value);
    if (v !== undefined && v > 0 && !(AQL_VALUES as readonly number[]).includes(v))
      add(
        ['sampling', 'aql', cls],
        `must be one of the MIL-STD-105E AQL values (${AQL_VALUES.join(', ')}), got ${v}`,
      );
  }
  ids(items(sampling['tests']), (i) => ['sampling', 'tests', i]);
  return out;
}
