import { runCrashTrial } from '../test/crash/harness.ts';
const r = await runCrashTrial({ kills: Number(process.argv[2] ?? 3), seed: 1, log: (m) => console.error(m) });
console.log(JSON.stringify({ ...r, missing: r.missing.length, unexpected: r.unexpected.slice(0, 5) }, null, 1));
