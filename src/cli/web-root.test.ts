import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Output } from './output.ts';
import { builtDashboard, dashboardRoot } from './web-root.ts';

function notes(): { out: Output; lines: string[] } {
  const lines: string[] = [];
  return { lines, out: { note: (t: string) => lines.push(t) } as unknown as Output };
}

describe('the dashboard folder to serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'headstamp-web-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is found beside the code, not in the working directory', () => {
    expect(builtDashboard).toMatch(/[/\\]web[/\\]dist$/);
    expect(builtDashboard.startsWith(process.cwd())).toBe(true);
  });

  it('says on stderr how to build it when it is missing, and gives none', () => {
    const { out, lines } = notes();
    expect(dashboardRoot(out, join(dir, 'missing'))).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/dashboard is not built .*serving the API only.*npm run build:web/);
  });

  it('is served when its index.html is there, quietly', () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    const { out, lines } = notes();
    expect(dashboardRoot(out, dir)).toBe(dir);
    expect(lines).toEqual([]);
  });
});
