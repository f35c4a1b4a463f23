/** `performance.now` on the CPU time of the calling thread (thread-cpu-clock.mjs). */
export function useThreadCpuClock(): void;
