// `performance.now` on the CPU time of the thread that loads this (Linux: /proc/thread-self,
// clock ticks of 10 ms). bench/network-exact-probe.ts runs the solve on it with
// PROBE_CPU_CLOCK=thread, and bench/thread-cpu-clock-task-worker.mjs gives the engine's second
// thread the same, so that on a machine shared with other work each thread gets the CPU seconds
// a quiet 2-core machine would give it in the run's seconds (the process's CPU time counts both).
import { readFileSync } from 'node:fs';

export function clockOnThreadCpu() {
  performance.now = () => {
    // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command's closing parenthesis
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
}
