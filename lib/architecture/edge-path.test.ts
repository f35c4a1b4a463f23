import { Position } from '@xyflow/system';
import { describe, expect, test } from 'vitest';
import { distanceToPath, edgePath, findEdgeAt } from './edge-path';

const ends = { sourceX: 0, sourceY: 0, targetX: 300, targetY: 200, sourcePosition: Position.Bottom, targetPosition: Position.Top };

describe('edgePath and distanceToPath', () => {
  test('a link is a straight line: its distance is the distance to the segment', () => {
    const [path] = edgePath('link', ends);
    expect(distanceToPath(path, 150, 100)).toBeCloseTo(0, 6);
    // (300, 0) is as far from the line through (0, 0) and (300, 200) as 300 * 200 / |(300, 200)|.
    expect(distanceToPath(path, 300, 0)).toBeCloseTo(60000 / Math.hypot(300, 200), 6);
    // Beyond an end: the distance to that end.
    expect(distanceToPath(path, -30, -40)).toBeCloseTo(50, 6);
  });

  test('a relation is a curve: its ends and its label point are on it, its chord is not', () => {
    const [path, labelX, labelY] = edgePath('dependency', ends);
    expect(path).toContain('C');
    expect(distanceToPath(path, 0, 0)).toBeCloseTo(0, 6);
    expect(distanceToPath(path, 300, 200)).toBeCloseTo(0, 6);
    expect(distanceToPath(path, labelX, labelY)).toBeLessThan(0.5);
    // Leaving downwards and arriving from above, the curve bends away from the straight chord.
    expect(distanceToPath(path, 60, 40)).toBeGreaterThan(10);
  });

  test('a path in another form is never hit', () => {
    expect(distanceToPath('M 0,0 Q 10,10 20,0', 10, 5)).toBe(Infinity);
    expect(distanceToPath('', 0, 0)).toBe(Infinity);
  });
});

describe('findEdgeAt', () => {
  const straight = { id: 'straight', data: { kind: 'link' as const } };
  const curved = { id: 'curved', data: { kind: 'dependency' as const } };
  const unmeasured = { id: 'unmeasured', data: { kind: 'link' as const } };
  const endsOf = (e: { id: string }) => (e.id === 'straight' ? { ...ends, targetX: 300, targetY: 0 } : e.id === 'curved' ? { ...ends, sourceY: 50, targetY: 250 } : null);

  test('the nearest edge within the tolerance, or none', () => {
    const edges = [unmeasured, straight, curved];
    expect(findEdgeAt(edges, endsOf, 150, 3, 5)?.id).toBe('straight');
    expect(findEdgeAt(edges, endsOf, 300, 250, 5)?.id).toBe('curved');
    expect(findEdgeAt(edges, endsOf, 150, 20, 5)).toBeNull();
    // A wider tolerance reaches it, and of two within reach the nearer wins.
    expect(findEdgeAt(edges, endsOf, 150, 20, 25)?.id).toBe('straight');
    expect(findEdgeAt(edges, endsOf, 0, 45, 50)?.id).toBe('curved');
  });
});
