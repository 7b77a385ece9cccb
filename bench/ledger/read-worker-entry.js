// Registers the TypeScript loader in the worker thread, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
