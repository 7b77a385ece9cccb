import { openApp } from '/work/main/src/app/open.ts';
import { PlantTwin } from '/work/main/src/twin/twin.ts';
const app = await openApp({ HEADSTAMP_DATA_DIR: '/tmp/tw4' }, '/work/main');
let t0 = Date.now();
const twin = await PlantTwin.open({ store: app.store, admin: 'admin', seed: 1, countEveryMinutes: 1 });
console.log('open', Date.now() - t0);
const proto = Object.getPrototypeOf(twin);
const times: Record<string, number> = {};
for (const name of ['step', 'actAsPeople', 'linesWithWork']) {
  const f = proto[name];
  proto[name] = async function (...a: unknown[]) { const s = Date.now(); try { return await f.apply(this, a); } finally { times[name] = (times[name] ?? 0) + Date.now() - s; } };
}
t0 = Date.now();
await twin.advance(90, { maxStep: 1 });
console.log('90 min', Date.now() - t0, times);
await app.close();
