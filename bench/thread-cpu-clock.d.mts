/** `performance.now` on the CPU time of the calling thread (thread-cpu-clock.mjs). */
export function clockOnThreadCpu(): void;
