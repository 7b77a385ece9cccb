// A capacity study runs in a worker thread of its own, so the server's event loop never waits on it.
// The thread starts in plain JavaScript to register the TypeScript loader (tsx), then loads the study.
import { register } from 'tsx/esm/api';

register();
await import('./study-worker.ts');
