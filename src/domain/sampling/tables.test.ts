import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCATION_KINDS } from '../stock/location.ts';
import { DEFECT_CLASSES } from './plan.ts';
import {
  aqlFromNumber,
  AQLS,
  CODE_LETTERS,
  codeLetter,
  codeLetterRows,
  INSPECTION_LEVELS,
  SEVERITIES,
  tablePlan,
  tighterAcceptanceNumber,
  tighterAql,
  type Severity,
} from './tables.ts';

const dataUrl = new URL('./data/mil-std-105e-single-sampling.json', import.meta.url);
const raw = readFileSync(dataUrl);
const file = JSON.parse(raw.toString('utf8')) as {
  aqls: string[];
  codeLetters: { lot: [number, number | null]; letters: Record<string, string> }[];
  plans: Record<string, Record<string, Record<string, { n: number; ac: number; re: number }>>>;
};

describe('the copied MIL-STD-105E tables', () => {
  it('are byte for byte the published file (SHA-256 in the NOTICE)', () => {
    const notice = readFileSync(new URL('./data/NOTICE', import.meta.url), 'utf8');
    const recorded = /\b([0-9a-f]{64})\b/.exec(notice)?.[1];
    expect(createHash('sha256').update(raw).digest('hex')).toBe(recorded);
  });

  it('give every code letter of Table I, at both ends of each lot-size range', () => {
    let checked = 0;
    for (const row of file.codeLetters) {
      const [from, to] = row.lot;
      for (const level of INSPECTION_LEVELS) {
        const want = row.letters[level];
        expect(codeLetter(from, level), `lot ${from} level ${level}`).toBe(want);
        expect(codeLetter(to ?? 10_000_000, level), `lot ${to} level ${level}`).toBe(want);
        checked += 2;
      }
    }
    expect(checked).toBe(15 * 7 * 2);
    expect(codeLetterRows()).toHaveLength(15);
  });

  it('give every plan of Tables II-A, II-B and II-C (n, Ac, Re)', () => {
    let checked = 0;
    for (const severity of SEVERITIES) {
      for (const letter of CODE_LETTERS) {
        for (const aql of AQLS) {
          expect(tablePlan(severity, letter, aql), `${severity} ${letter} ${aql}`).toEqual(
            file.plans[severity]?.[letter]?.[aql],
          );
          checked += 1;
        }
      }
    }
    expect(checked).toBe(3 * 16 * 26);
  });

  it('agree, cell by cell, with the printed tables rebuilt from their diagonals and arrows', () => {
    for (const severity of SEVERITIES) {
      CODE_LETTERS.forEach((letter, row) => {
        AQLS.forEach((aql, column) => {
          expect(tablePlan(severity, letter, aql), `${severity} ${letter} ${aql}`).toEqual(
            printedPlan(severity, row, column),
          );
        });
      });
    }
  });

  it('have a plan one AQL step tighter on the same sample size wherever Ac ≥ 2 (normal table)', () => {
    // The switching score compares a count with the Ac one step tighter on the same sample.
    for (const letter of CODE_LETTERS) {
      for (const aql of AQLS) {
        const plan = tablePlan('normal', letter, aql);
        const tighter = tighterAql(aql);
        if (plan.ac < 2 || tighter === undefined) continue;
        const tighterAc = tighterAcceptanceNumber(letter, aql);
        const candidates = CODE_LETTERS.map((l) => tablePlan('normal', l, tighter));
        expect(
          candidates.some((p) => p.n === plan.n && p.ac === tighterAc),
          `${letter} ${aql}`,
        ).toBe(true);
        expect(tighterAc).toBeLessThan(plan.ac);
      }
    }
    expect(tighterAcceptanceNumber('N', '0.65')).toBe(5);
    expect(tighterAcceptanceNumber('C', '1000')).toBe(30);
  });

  it('match well-known cells of the standard', () => {
    expect(codeLetter(50_000, 'II')).toBe('N');
    expect(tablePlan('normal', 'N', '0.65')).toEqual({ n: 500, ac: 7, re: 8 });
    expect(tablePlan('tightened', 'K', '1.0')).toEqual({ n: 125, ac: 2, re: 3 });
    expect(tablePlan('reduced', 'M', '1.0')).toEqual({ n: 125, ac: 3, re: 6 });
    expect(tablePlan('reduced', 'P', '1.0')).toEqual({ n: 315, ac: 7, re: 10 });
  });

  it('refuse a lot size that is not a whole number ≥ 1', () => {
    expect(() => codeLetter(0, 'II')).toThrow(RangeError);
    expect(codeLetter(1, 'II')).toBe('A');
  });
});

// An independent construction of the printed tables: each table is a set of diagonals (moving
// one code letter down and one AQL step to the left keeps the same Ac/Re), bounded by arrows
// that point to the first plan above or below; the 0/1 diagonal stops at AQL 6.5 and the
// diagonals above Ac 21 (normal) exist only from AQL 150 on. Rows A and B of the reduced table
// are printed irregularly at high AQLs and are given here as printed.
const NORMAL_N = [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000, 3150];
const REDUCED_N = [2, 2, 2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800];
const pairs = (acs: number[], gaps?: number[]): [number, number][] =>
  acs.map((ac, i) => [ac, gaps?.[i] ?? ac + 1]);
const DIAGONALS: Record<Severity, { zeroOne: number; first: number; up: boolean; seq: [number, number][] }> =
  {
    normal: { zeroOne: 14, first: 17, up: true, seq: pairs([1, 2, 3, 5, 7, 10, 14, 21, 30, 44]) },
    tightened: { zeroOne: 15, first: 18, up: false, seq: pairs([1, 2, 3, 5, 8, 12, 18, 27, 41]) },
    reduced: {
      zeroOne: 14,
      first: 17,
      up: true,
      seq: pairs([0, 1, 1, 2, 3, 5, 7, 10, 14, 21], [2, 3, 4, 5, 6, 8, 10, 13, 17, 24]),
    },
  };
const REDUCED_A = pairs([1, 2, 3, 5, 7, 10, 14, 21, 30]);
const REDUCED_B = pairs([2, 3, 5, 7, 10, 14, 21, 30], [4, 5, 6, 8, 11, 15, 22, 31]);

type Cell = { n: number; ac: number; re: number } | 'up' | 'down' | undefined;

function printedCell(severity: Severity, row: number, column: number): Cell {
  const d = DIAGONALS[severity];
  const n = (severity === 'reduced' ? REDUCED_N : NORMAL_N)[row];
  if (n === undefined) return undefined;
  // Tightened inspection has one more row, S (n = 3150), printed only under AQL 0.025.
  if (row === 16) return severity === 'tightened' && column === 2 ? { n, ac: 1, re: 2 } : undefined;
  if (severity === 'reduced' && row === 0 && column >= 17) return plan(n, REDUCED_A[column - 17]);
  if (severity === 'reduced' && row === 1 && column >= 18) return plan(n, REDUCED_B[column - 18]);
  const diagonal = row + column;
  if (diagonal === d.zeroOne && column <= 14) return { n, ac: 0, re: 1 };
  if (diagonal === d.zeroOne + 1 && column <= 14 && d.up) return 'up';
  if (diagonal < d.first) return 'down';
  const highest = d.seq.length - (column <= 20 ? 3 : column === 21 ? 2 : 1);
  const k = diagonal - d.first;
  return k > highest ? 'up' : plan(n, d.seq[k]);
}

function plan(n: number, pair: [number, number] | undefined): Cell {
  return pair === undefined ? undefined : { n, ac: pair[0], re: pair[1] };
}

function printedPlan(severity: Severity, row: number, column: number): Cell {
  const cell = printedCell(severity, row, column);
  if (typeof cell === 'object') return cell;
  // An arrow that would run off the table is printed pointing the other way.
  const directions = cell === 'down' ? [1, -1] : [-1, 1];
  for (const step of directions) {
    for (let r = row + step; r >= 0 && r <= 16; r += step) {
      const target = printedCell(severity, r, column);
      if (typeof target === 'object') return target;
    }
  }
  return undefined;
}

describe('the scenario file speaks of the same tables', () => {
  it('has the same inspection levels and defect classes, and AQLs the tables know', async () => {
    const scenario = await import('../scenario/schema.ts');
    expect([...scenario.INSPECTION_LEVELS].sort()).toEqual([...INSPECTION_LEVELS].sort());
    expect(scenario.AQL_VALUES.map((v) => aqlFromNumber(v))).toEqual([...AQLS]);
    expect([...scenario.DEFECT_CLASSES]).toEqual([...DEFECT_CLASSES]);
    expect([...scenario.LOCATION_KINDS].sort()).toEqual([...LOCATION_KINDS].sort());
  });
});
