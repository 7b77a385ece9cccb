import { build } from 'vite';

/** Builds the dashboard once before the e2e files run, so they test the code as it is now. */
export default async function setup(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would build React's development bundle: build what users get.
  const before = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: new URL('../vite.config.ts', import.meta.url).pathname,
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    process.env['NODE_ENV'] = before;
  }
}
