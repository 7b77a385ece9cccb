import { openApp } from '/work/main/src/app/open.ts';
import { PlantTwin } from '/work/main/src/twin/twin.ts';
const app = await openApp({ HEADSTAMP_DATA_DIR: '/tmp/tw2' }, '/work/main');
const twin = await PlantTwin.open({ store: app.store, admin: 'admin', seed: 1 });
const t0 = Date.now();
const proto = Object.getPrototypeOf(twin);
for (const name of ['step', 'actAsPeople', 'linesWithWork']) {
  const f = proto[name];
  let total = 0;
  proto[name] = async function (...a: unknown[]) { const s = Date.now(); try { return await f.apply(this, a); } finally { total += Date.now() - s; (globalThis as any)[name] = total; } };
}
await twin.advance(2 * 1440);
console.log('total', Date.now() - t0, { step: (globalThis as any).step, people: (globalThis as any).actAsPeople, work: (globalThis as any).linesWithWork });
await app.close();
