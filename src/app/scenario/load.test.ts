import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors.ts';
import { loadScenarioFile, parseScenarioText, type ScenarioFileProblem } from './load.ts';

const root = join(import.meta.dirname, '../../..');
const seedText = readFileSync(join(root, 'scenarios/seed-plant.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'headstamp-scenario-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function problemsOf(run: () => unknown): ScenarioFileProblem[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('scenario.invalid');
    return (error as ValidationError).problems as ScenarioFileProblem[];
  }
  throw new Error('expected a ValidationError');
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split('\n').length;
}

describe('loadScenarioFile', () => {
  it('loads the reference plant and phase 2', () => {
    const seed = loadScenarioFile('scenarios/seed-plant.yaml', { cwd: root });
    expect(seed.plant.ratedOutputPerYear).toBe(70_000_000);
    expect(seed.lines.map((l) => l.id)).toEqual(['L1', 'L2', 'L3', 'L4']);
    const phase2 = loadScenarioFile('scenarios/phase2.yaml', { cwd: root });
    expect(phase2.phases.map((p) => p.id)).toEqual(['phase-1', 'phase-2']);
    expect(phase2.lines.filter((l) => l.kind === 'component').map((l) => l.id)).toEqual(['C1', 'C2']);
    expect(phase2.components.find((c) => c.id === 'case')?.suppliers).toContain('Component line C1');
    expect(phase2).not.toHaveProperty('extends');
  });

  it('names file, line and path of each fault, in file order', () => {
    const text = seedText
      .replace('ratedRate: 68', 'ratedRate: -5')
      .replace('rejectRate: 0.004', 'rejectRat: 0.004')
      .replace('products: [ball-ps]', 'products: [ball-pz]');
    const file = write('broken.yaml', text);
    const problems = problemsOf(() => loadScenarioFile(file));
    const shown = problems.map((p) => `${p.path}: ${p.problem}`);
    expect(shown).toContain(
      `${file}:${lineOf(text, 'ratedRate: -5')}: lines[2].ratedRate: must be > 0, got -5`,
    );
    expect(shown).toContain(
      `${file}:${lineOf(text, 'rejectRat:')}: lines[0].rejectRat: unknown key (did you mean 'rejectRate'?)`,
    );
    expect(shown).toContain(
      `${file}:${lineOf(text, '[ball-pz]')}: lines[0].products[0]: no product 'ball-pz' (did you mean 'ball-ps'?)`,
    );
    const lines = problems.map((p) => p.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('reports a YAML syntax error with its line', () => {
    const file = write('syntax.yaml', 'version: 1\nplant:\n  id: [unclosed\n  name: x\n');
    const problems = problemsOf(() => loadScenarioFile(file));
    expect(problems[0]?.path).toMatch(new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}:\\d+$`));
    expect(problems[0]?.problem).toMatch(/^YAML syntax: /);
  });

  it('reports a duplicate YAML key as a syntax error', () => {
    const problems = problemsOf(() => parseScenarioText('version: 1\nversion: 1\n', 'dup.yaml'));
    expect(problems).toEqual([
      expect.objectContaining({ path: 'dup.yaml:2', problem: 'YAML syntax: Map keys must be unique' }),
    ]);
  });

  it('refuses extends in text that has no file', () => {
    expect(problemsOf(() => parseScenarioText('extends: seed-plant.yaml\n', 'upload.yaml'))).toEqual([
      expect.objectContaining({ path: 'upload.yaml:1: extends', line: 1 }),
    ]);
  });

  it('locates a fault of an extended scenario in the file that holds it', () => {
    write('base.yaml', seedText.replace('ratedRate: 112', 'ratedRate: 0'));
    const over = write('over.yaml', 'extends: base.yaml\nlines:\n  - id: L3\n    ratedRate: -1\n');
    const problems = problemsOf(() => loadScenarioFile(over));
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.field}`)).toEqual([
      `${over}:4: lines[2].ratedRate`,
      `${join(dir, 'base.yaml')}:${lineOf(seedText, 'ratedRate: 112')}: lines[0].ratedRate`,
    ]);
  });

  it('refuses a missing file and an extends cycle', () => {
    expect(problemsOf(() => loadScenarioFile(join(dir, 'none.yaml')))[0]?.problem).toBe('no such file');
    write('a.yaml', 'extends: b.yaml\n');
    write('b.yaml', 'extends: a.yaml\n');
    expect(problemsOf(() => loadScenarioFile(join(dir, 'a.yaml')))[0]?.problem).toMatch(/cycle/);
  });
});
