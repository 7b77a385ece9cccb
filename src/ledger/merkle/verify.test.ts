import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from './hash.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';

// Certificate Transparency's published vectors (transparency-dev/merkle, Apache-2.0).
const root = join(import.meta.dirname, '../../../test/fixtures/merkle');

interface Vector {
  file: string;
  data: Record<string, unknown>;
}

function vectors(kind: 'inclusion' | 'consistency'): Vector[] {
  return readdirSync(join(root, kind), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      file: `${kind}/${name}`,
      data: JSON.parse(readFileSync(join(root, kind, name), 'utf8')) as Record<string, unknown>,
    }));
}

const hashes = (value: unknown): Uint8Array[] => ((value ?? []) as string[]).map(fromBase64);

describe('RFC 9162 inclusion proof vectors', () => {
  const all = vectors('inclusion');
  it('has the vectors', () => expect(all.length).toBeGreaterThanOrEqual(90));
  it.each(all.map((v) => [v.file, v] as const))('%s', (_file, { data }) => {
    const verdict = verifyInclusion({
      index: Number(data['leafIdx']),
      size: Number(data['treeSize']),
      leafHash: fromBase64(data['leafHash'] as string),
      root: fromBase64(data['root'] as string),
      proof: hashes(data['proof']),
    });
    expect(verdict.ok).toBe(data['wantErr'] !== true);
  });
});

describe('RFC 9162 consistency proof vectors', () => {
  const all = vectors('consistency');
  it('has the vectors', () => expect(all.length).toBeGreaterThanOrEqual(90));
  it.each(all.map((v) => [v.file, v] as const))('%s', (_file, { data }) => {
    const verdict = verifyConsistency({
      size1: Number(data['size1']),
      size2: Number(data['size2']),
      root1: fromBase64(data['root1'] as string),
      root2: fromBase64(data['root2'] as string),
      proof: hashes(data['proof']),
    });
    expect(verdict.ok).toBe(data['wantErr'] !== true);
  });
});
