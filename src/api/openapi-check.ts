import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { openapiDocument } from './openapi-document.ts';

/** The committed document, at the root of the repository. */
export const openapiPath = fileURLToPath(new URL('../../openapi.json', import.meta.url));

/**
 * The document as it is committed: generated from the route table, formatted as the repository formats
 * JSON, so that `prettier --check` and the drift check agree.
 *
 * @example
 * const text = await renderOpenapi();
 */
export async function renderOpenapi(): Promise<string> {
  const doc = await openapiDocument();
  const config = (await resolveConfig(openapiPath)) ?? {};
  return format(JSON.stringify(doc, null, 2), { ...config, parser: 'json' });
}

/**
 * `npm run openapi:check` fails when openapi.json differs from what the routes say;
 * `npm run openapi:write` writes it afresh.
 */
async function run(args: readonly string[]): Promise<number> {
  const fresh = await renderOpenapi();
  if (args.includes('--write')) {
    await writeFile(openapiPath, fresh);
    process.stdout.write(`wrote ${openapiPath}\n`);
    return 0;
  }
  const committed = await readFile(openapiPath, 'utf8').catch(() => '');
  if (committed === fresh) {
    process.stdout.write('openapi.json matches the routes\n');
    return 0;
  }
  process.stderr.write(
    'openapi.json is out of date with the routes: run `npm run openapi:write` and commit it\n',
  );
  return 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await run(process.argv.slice(2));
}
