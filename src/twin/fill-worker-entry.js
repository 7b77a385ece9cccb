// The first fill runs in a worker thread of its own (see fill-thread.ts). The thread starts in plain
// JavaScript to register the TypeScript loader (tsx), then loads the fill.
import { register } from 'tsx/esm/api';

register();
await import('./fill-worker.ts');
