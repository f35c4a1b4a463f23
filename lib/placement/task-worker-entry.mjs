// The entry of a worker thread that runs one of the engine's named tasks (worker-tasks.ts) beside
// the solve that started it. Plain JavaScript for the reasons given in worker-entry.mjs: it
// registers tsx for this thread, then loads the TypeScript side.
import { register } from 'tsx/esm/api';

register();
await import('./task-worker.ts');
