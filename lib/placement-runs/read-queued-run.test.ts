import { expect, test } from 'vitest';
import { generateProblem } from '@/lib/placement/generate-problem';
import { readQueuedRun } from './read-queued-run';

const problem = generateProblem({ servers: 2, containers: 3, seed: 1 });

test('a run as the queue wrote it is read back whole', () => {
  expect(readQueuedRun({ problem, algorithm: 'greedy', engine: 'auto' })).toEqual({ ok: true, run: { problem, algorithm: 'greedy', engine: 'auto' } });
});

test('a problem changed by hand is refused with the path that is wrong', () => {
  const broken = { ...problem, servers: [{ ...problem.servers[0], storage: -1 }] };
  const read = readQueuedRun({ problem: broken, algorithm: 'greedy', engine: 'auto' });
  expect(read).toMatchObject({ ok: false, message: expect.stringMatching(/servers\[0\]\.storage: must be ≥ 0/) as unknown });
});

test('a missing problem or an unknown algorithm is refused, not solved', () => {
  expect(readQueuedRun({ problem: null, algorithm: 'greedy', engine: 'auto' })).toMatchObject({ ok: false, message: expect.stringMatching(/no stored problem/) as unknown });
  expect(readQueuedRun({ problem, algorithm: 'simulated-annealing', engine: 'auto' })).toMatchObject({
    ok: false,
    message: expect.stringMatching(/unknown algorithm “simulated-annealing”/) as unknown,
  });
});
