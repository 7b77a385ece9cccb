import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Output } from './output.ts';

/** The built dashboard, beside the code (not the working directory): `<checkout>/web/dist`. */
export const builtDashboard = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * The dashboard folder to serve at `/`, or undefined (with a note on stderr saying how to build it)
 * when it has not been built: the API is served either way.
 *
 * @example
 * const webRoot = dashboardRoot(context.out);
 * await buildServer({ store, ...(webRoot !== undefined ? { webRoot } : {}) });
 */
export function dashboardRoot(out: Output, folder = builtDashboard): string | undefined {
  if (existsSync(`${folder}/index.html`)) return folder;
  out.note(
    `headstamp: the dashboard is not built (${folder}/index.html is missing): serving the API only; ` +
      'build it with `npm run build:web` (npm ci does it too)',
  );
  return undefined;
}

/** `{ webRoot }` for `buildServer` when the dashboard is built, else `{}` (and the note). */
export function dashboardOption(out: Output): { readonly webRoot?: string } {
  const webRoot = dashboardRoot(out);
  return webRoot === undefined ? {} : { webRoot };
}
