#!/usr/bin/env node
// The `headstamp` command. TypeScript runs through tsx so that a checkout works right after
// `npm ci` with no build step; worker threads get the same loader (see src/sim/plant/worker-pool.ts).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
