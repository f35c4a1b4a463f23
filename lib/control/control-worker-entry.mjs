// Plain JavaScript on purpose, like lib/placement/worker-entry.mjs: a worker thread starts
// without the parent's TypeScript loader, so this file registers tsx for the thread first.
import { register } from 'tsx/esm/api';

register();
await import('./control-worker.ts');
