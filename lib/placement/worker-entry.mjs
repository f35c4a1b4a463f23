// Plain JavaScript on purpose: a worker thread starts without the parent's TypeScript loader,
// and in a bundled Next.js server the engine's own .ts files have no reliable URL. This file is
// loaded from disk by path, registers tsx for this thread, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./placement-worker.ts');
