/**
 * Reading a scenario file: YAML in, a checked `Scenario` out, or one `ValidationError` that
 * names every fault with its file, line and path (`scenarios/x.yaml:12: lines[2].ratedRate`).
 * `extends: base.yaml` (relative to the extending file) is resolved here, then merged by
 * `mergeScenario` (see src/domain/scenario/merge.ts for the rules).
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { isAlias, isCollection, LineCounter, parseDocument, type Document } from 'yaml';
import { ValidationError, type FieldProblem } from '../../domain/errors.ts';
import {
  checkScenario,
  formatPath,
  mergeScenario,
  type Path,
  type PathSegment,
  type Scenario,
} from '../../domain/scenario/index.ts';

/** A problem with where it is: the file, the line (when known) and the field path. */
export interface ScenarioFileProblem extends FieldProblem {
  readonly file: string;
  readonly line?: number;
  readonly field: string;
}

interface SourceFile {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly value: unknown;
}

const MAX_EXTENDS = 8;

/**
 * Loads, merges (`extends`) and validates a scenario file.
 *
 * @example
 * const scenario = loadScenarioFile('scenarios/seed-plant.yaml');
 * scenario.lines.length; // 4
 * @throws ValidationError `scenario.invalid` (exit code 2) naming every fault
 */
export function loadScenarioFile(file: string, options: { cwd?: string } = {}): Scenario {
  const cwd = options.cwd ?? process.cwd();
  const sources: SourceFile[] = [];
  const problems: ScenarioFileProblem[] = [];
  let path = isAbsolute(file) ? file : resolve(cwd, file);
  const shown = (p: string): string => (isAbsolute(file) ? p : relative(cwd, p) || p);
  for (;;) {
    const source = readSource(path, shown(path), problems);
    if (source === undefined) break;
    sources.push(source);
    const base = (source.value as Record<string, unknown> | null)?.['extends'];
    if (base === undefined) break;
    if (typeof base !== 'string' || base === '') {
      problems.push(located(source, ['extends'], 'must be the path of the scenario this one extends'));
      break;
    }
    const next = resolve(dirname(path), base);
    if (sources.some((s) => resolve(cwd, s.file) === next) || sources.length >= MAX_EXTENDS) {
      problems.push(located(source, ['extends'], `extends ${base}, which leads back into a cycle`));
      break;
    }
    path = next;
  }
  if (problems.length > 0) throw invalid(file, problems);
  // Base first, each extending file over it.
  const merged = sources.reduceRight<unknown>(
    (acc, s) => (acc === undefined ? s.value : mergeScenario(acc, s.value)),
    undefined,
  );
  const stripped = mergeScenario({}, merged);
  for (const p of checkScenario(stripped)) problems.push(locate(p.path, p.problem, stripped, sources));
  if (problems.length > 0) throw invalid(file, inFileOrder(problems, sources));
  return stripped as Scenario;
}

/**
 * Parses and validates scenario text that did not come from a file (an upload, a test).
 * `extends` is not allowed here: there is no directory to resolve it against.
 *
 * @example
 * const scenario = parseScenarioText(readFileSync('plant.yaml', 'utf8'), 'plant.yaml');
 */
export function parseScenarioText(text: string, file = '(scenario)'): Scenario {
  const problems: ScenarioFileProblem[] = [];
  const source = parseSource(text, file, problems);
  if (source === undefined) throw invalid(file, problems);
  if ((source.value as Record<string, unknown>)['extends'] !== undefined)
    throw invalid(file, [
      located(source, ['extends'], 'needs a file to resolve against: load it with loadScenarioFile'),
    ]);
  for (const p of checkScenario(source.value))
    problems.push(locate(p.path, p.problem, source.value, [source]));
  if (problems.length > 0) throw invalid(file, inFileOrder(problems, [source]));
  return source.value as Scenario;
}

function readSource(path: string, file: string, problems: ScenarioFileProblem[]): SourceFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    problems.push({ path: file, problem: reason, file, field: '' });
    return undefined;
  }
  return parseSource(text, file, problems);
}

function parseSource(text: string, file: string, problems: ScenarioFileProblem[]): SourceFile | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0].line;
      const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:$/, '');
      problems.push({
        path: line !== undefined ? `${file}:${line}` : file,
        problem: `YAML syntax: ${message}`,
        file,
        ...(line !== undefined ? { line } : {}),
        field: '',
      });
    }
    return undefined;
  }
  const value: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ path: file, problem: 'must be a YAML map (plant:, lines:, ...)', file, field: '' });
    return undefined;
  }
  return { file, doc, lines, value };
}

/** Problems in reading order: by file (extending file first), then by line. */
function inFileOrder(
  problems: readonly ScenarioFileProblem[],
  sources: readonly SourceFile[],
): ScenarioFileProblem[] {
  const rank = (p: ScenarioFileProblem): number => sources.findIndex((s) => s.file === p.file);
  return [...problems].sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0));
}

function invalid(file: string, problems: readonly ScenarioFileProblem[]): ValidationError {
  const n = problems.length;
  return new ValidationError(
    'scenario.invalid',
    `${file}: scenario has ${n} error${n === 1 ? '' : 's'}`,
    problems,
    {
      file,
    },
  );
}

function located(source: SourceFile, path: Path, problem: string): ScenarioFileProblem {
  return locate(path, problem, source.value, [source]);
}

type IdSegment = PathSegment | { readonly id: string };

/**
 * Finds which file and line a path of the merged scenario comes from. List indexes are turned
 * into item ids first (the merge matches items by id, so indexes differ between files); the
 * file that holds most of the path wins, the extending file first.
 */
function locate(
  path: Path,
  problem: string,
  merged: unknown,
  sources: readonly SourceFile[],
): ScenarioFileProblem {
  const byId: IdSegment[] = [];
  let value: unknown = merged;
  for (const segment of path) {
    const item: unknown = (value as Record<PathSegment, unknown> | undefined)?.[segment];
    const id =
      Array.isArray(value) && typeof item === 'object' && item !== null
        ? (item as { id?: unknown }).id
        : undefined;
    byId.push(typeof segment === 'number' && typeof id === 'string' ? { id } : segment);
    value = item;
  }
  let best: { source: SourceFile; real: PathSegment[] } | undefined;
  for (const source of sources) {
    const real = resolveIn(source.value, byId);
    if (best === undefined || real.length > best.real.length) best = { source, real };
  }
  const field = formatPath(path);
  const source = best?.source ?? sources[0];
  if (source === undefined) return { path: field, problem, file: '', field };
  const node = nodeAt(source.doc, best?.real ?? []);
  const offset = nodeStart(node);
  const line = offset !== undefined ? source.lines.linePos(offset).line : undefined;
  const where = line !== undefined ? `${source.file}:${line}` : source.file;
  return {
    path: `${where}: ${field}`,
    problem,
    file: source.file,
    ...(line !== undefined ? { line } : {}),
    field,
  };
}

function resolveIn(root: unknown, path: readonly IdSegment[]): PathSegment[] {
  const real: PathSegment[] = [];
  let value: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'object') {
      if (!Array.isArray(value)) break;
      const index = value.findIndex(
        (v) => typeof v === 'object' && v !== null && (v as { id?: unknown }).id === segment.id,
      );
      if (index < 0) break;
      real.push(index);
      value = value[index] as unknown;
    } else {
      if (typeof value !== 'object' || value === null || !(segment in value)) break;
      real.push(segment);
      value = (value as Record<PathSegment, unknown>)[segment];
    }
  }
  return real;
}

/** The deepest node along `path` (through aliases), so a fault is shown on its nearest line. */
function nodeAt(doc: Document.Parsed, path: readonly PathSegment[]): unknown {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (!isCollection(node)) break;
    const child: unknown = node.get(segment, true);
    if (child === undefined) break;
    node = child;
  }
  return node;
}

function nodeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0];
}
