import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../../test/support/cli.ts';

const fixtures = join(import.meta.dirname, '../../../test/fixtures/epcis');
const example = join(fixtures, 'Example_9.6.1-ObjectEvent.jsonld');
const dir = mkdtempSync(join(tmpdir(), 'headstamp-cli-epcis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]): Promise<CliRun> => runCli(args, {});

describe('headstamp epcis validate', () => {
  it('exits 0 on a GS1 example, with a JSON summary under --json', async () => {
    const plain = await run('epcis', 'validate', example);
    expect(plain).toMatchObject({ code: 0, stderr: '' });
    expect(plain.stdout).toMatch(/valid EPCISDocument, 2 events/);
    const json = await run('epcis', 'validate', example, '--json');
    expect(JSON.parse(json.stdout)).toEqual({ file: example, type: 'EPCISDocument', events: 2 });
  });

  it('exits 2 and names event and field of each problem', async () => {
    const doc = JSON.parse(readFileSync(example, 'utf8'));
    doc.epcisBody.eventList[1].action = 'MOVE';
    const broken = join(dir, 'broken.jsonld');
    writeFileSync(broken, JSON.stringify(doc));
    const { code, stdout, stderr } = await run('epcis', 'validate', broken);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('epcisBody.eventList[1].action (event 1, ni:///sha-256;');
    const json = await run('epcis', 'validate', broken, '--json');
    expect(json.code).toBe(2);
    const problems = JSON.parse(json.stdout).error.details.epcisProblems;
    expect(problems).toEqual([
      expect.objectContaining({ eventIndex: 1, path: 'epcisBody.eventList[1].action' }),
    ]);
  });

  it('exits 2 on a file that is not JSON', async () => {
    const bad = join(dir, 'bad.jsonld');
    writeFileSync(bad, '{ not json');
    const { code, stderr } = await run('epcis', 'validate', bad);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not JSON/);
  });
});
