// The engine's task worker (lib/placement/task-worker-entry.mjs) on its own thread's CPU clock
// (thread-cpu-clock.mjs); the probe points EDGESTACK_TASK_WORKER here with PROBE_CPU_CLOCK=thread.
import { clockOnThreadCpu } from './thread-cpu-clock.mjs';

clockOnThreadCpu();
await import('../lib/placement/task-worker-entry.mjs');
