import { build } from 'esbuild';
const t = Date.now();
await build({ entryPoints: ['test/crash/subscriber.ts'], bundle: true, platform: 'node', format: 'esm', external: ['better-sqlite3', 'pg', 'pg-native'], banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }, outfile: '.tmp-mqtt/sub.mjs', target: 'node20', logLevel: 'warning' });
console.log('built', Date.now() - t, 'ms');
