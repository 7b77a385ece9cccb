// Worker threads start here in plain JavaScript: register the TypeScript loader (tsx) in this
// thread, then load the TypeScript worker. Works the same under the CLI and under vitest.
import { register } from 'tsx/esm/api';

register();
await import('./range-worker.ts');
