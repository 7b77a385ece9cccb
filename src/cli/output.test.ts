import { describe, expect, it } from 'vitest';
import { formatTable } from './output.ts';

describe('formatTable', () => {
  it('aligns columns under their headers and groups thousands', () => {
    const text = formatTable([
      { line: 'L1', good: 1234567 },
      { line: 'L10', good: 5 },
    ]);
    expect(text.split('\n')).toEqual(['line  good', '----  ---------', 'L1    1,234,567', 'L10   5', '']);
  });

  it('says (none) for no rows', () => {
    expect(formatTable([])).toBe('(none)\n');
  });
});
