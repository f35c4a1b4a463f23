// BENCH_TRACE=1 for `npm run bench:architecture`: a Chrome trace of the page's main thread while
// an action runs, and for each long frame where its time went, in the browser's own terms
// (script, style, layout, paint, layerize, hit tests, garbage collection), as thread CPU time
// beside the frame's wall time. On a shared machine the gap between the two is time the page was
// ready to run but another process had the core: a frame of 150 ms with 50 ms of CPU is the
// machine's load, not the page's work. Tracing costs the page some time of its own, so traced
// runs are for finding causes, not for the recorded figures.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string } };

// blink_gc and cppgc: Blink's own heap (the DOM's C++ objects) is collected with V8's; without
// them a major collection's atomic pause showed as a task of 270-990 ms of CPU with "nothing
// traced" in it (an auto layout's, right after the page had dropped the previous page's DOM).
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8',
  'blink.user_timing',
  'toplevel',
  'blink_gc',
  'cppgc',
];

/** What the trace's timeline events are called, grouped as the log reports them. */
const PARTS: [string, string[]][] = [
  ['script', ['FunctionCall', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'RunMicrotasks', 'v8.callFunction', 'EvaluateScript']],
  ['style', ['UpdateLayoutTree']],
  ['layout', ['Layout']],
  ['prepaint', ['PrePaint']],
  ['paint', ['Paint']],
  ['layerize', ['Layerize']],
  ['commit', ['Commit']],
  ['hit tests', ['HitTest']],
  ['GC', ['MinorGC', 'MajorGC', 'BlinkGC.*', 'CppGC.*']],
];

/** A name of PARTS: exact, or a prefix when it ends with `*`. */
const named = (names: readonly string[], name: string) => names.some((n) => (n.endsWith('*') ? name.startsWith(n.slice(0, -1)) : n === name));

/** Starts a trace; the returned function ends it and answers the events, and writes them to the
 * temporary directory as bench-trace-<name>.json (the Performance panel opens it). */
export async function startTrace(page: Page, name: string): Promise<() => Promise<TraceEvent[]>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    fs.writeFileSync(path.join(os.tmpdir(), `bench-trace-${name.replace(/\W+/g, '-')}.json`), JSON.stringify({ traceEvents: events }));
    return events;
  };
}

/**
 * For each frame (start and length in ms after the page's `bench-t0` mark): its wall time, the
 * main thread's CPU time in it, and that CPU time by part. Events nested in one another are
 * counted once, by the outermost of a part (a timer's script inside a task counts as script).
 */
export function attributeFrames(events: readonly TraceEvent[], frames: readonly { start: number; ms: number }[]): string[] {
  const t0 = events.find((e) => e.name === 'bench-t0');
  if (!t0) return frames.map(() => '(no trace mark)');
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === t0.pid);
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === t0.pid && e.tid === (main?.tid ?? t0.tid));
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  return frames.map(({ start, ms }) => {
    const from = t0.ts + start * 1000;
    const to = from + ms * 1000;
    // A task's CPU time, pro rata for the part of it inside the frame.
    const share = (e: TraceEvent) => {
      const dur = e.dur ?? 0;
      if (!dur) return 0;
      const inside = Math.max(0, Math.min(to, e.ts + dur) - Math.max(from, e.ts));
      return ((e.tdur ?? dur) * inside) / dur / 1000;
    };
    const overlaps = (e: TraceEvent) => e.ts < to && e.ts + (e.dur ?? 0) > from;
    const cpu = tasks.filter(overlaps).reduce((sum, e) => sum + share(e), 0);
    const inFrame = onMain.filter(overlaps).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const parts = PARTS.map(([label, names]) => {
      // Events of one thread nest: after an outermost one, skip those that start before it ends.
      let end = -Infinity;
      let sum = 0;
      for (const e of inFrame) {
        if (!named(names, e.name) || e.ts < end) continue;
        end = e.ts + (e.dur ?? 0);
        sum += share(e);
      }
      return [label, sum] as const;
    }).filter(([, v]) => v >= 1);
    // Blink's low-priority sweep of its heap traces only its first millisecond or so: the rest
    // of such a task (270-990 ms of CPU, finalizing a dropped page's DOM) showed as "nothing
    // traced". Named by the task it is in.
    const sweep = tasks
      .filter((t) => overlaps(t) && inFrame.some((e) => e.name === 'CppGC.SweepInLowPriorityTask' && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0)))
      .reduce((sum, t) => sum + share(t), 0);
    if (sweep >= 1) parts.push(['tasks of Blink heap sweeping', sweep]);
    return `CPU ${Math.round(cpu)} of ${Math.round(ms)} ms: ${parts.map(([label, v]) => `${label} ${Math.round(v)}`).join(', ') || 'nothing traced'}`;
  });
}
