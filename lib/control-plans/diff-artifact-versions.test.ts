import { expect, test } from 'vitest';
import { artifactText, diffArtifactVersions } from './diff-artifact-versions';

const rule = (node: string, src: string, out: number) => ({
  node,
  priority: 40000,
  inPort: null,
  srcAddress: src,
  dstAddress: '10.64.0.9',
  tcpDst: 8080,
  outPort: out,
  outLink: `l${out}`,
  demands: [],
});
const flows = (rules: ReturnType<typeof rule>[]) => ({
  switches: [{ node: 's1', deviceId: 'of:1', controllers: ['onos'], rules, onos: { flows: [] }, ofctl: [] }],
  ports: {},
  addresses: { replicas: {}, ports: {} },
});

test('a flow table diff shows the rule that changed, not the ones that stayed', () => {
  const before = flows([rule('s1', '10.64.0.1', 1), rule('s1', '10.64.0.2', 1)]);
  const after = flows([rule('s1', '10.64.0.1', 1), rule('s1', '10.64.0.2', 2)]);
  const diff = diffArtifactVersions('flows', before, after);
  expect(diff.added).toBe(1);
  expect(diff.removed).toBe(1);
  expect(diff.lines.filter((l) => l.type === 'removed').map((l) => l.text)).toEqual(['s1  priority 40000  10.64.0.2 → 10.64.0.9:8080  output 1 (l1)']);
  expect(diff.lines.filter((l) => l.type === 'added').map((l) => l.text)).toEqual(['s1  priority 40000  10.64.0.2 → 10.64.0.9:8080  output 2 (l2)']);
});

test('the first version is all additions; long unchanged runs are folded', () => {
  const rules = Array.from({ length: 20 }, (_, i) => rule('s1', `10.64.0.${i + 10}`, 1));
  expect(diffArtifactVersions('flows', null, flows(rules)).added).toBe(20);
  const changed = [...rules.slice(0, 19), rule('s1', '10.64.0.29', 3)];
  const diff = diffArtifactVersions('flows', flows(rules), flows(changed), 2);
  expect(diff.lines[0].text).toMatch(/… 17 unchanged lines …/);
  expect(diff.lines.length).toBeLessThan(8);
  expect(artifactText('mesh', { services: [], objects: [], yaml: 'kind: VirtualService\n' })).toBe('kind: VirtualService\n');
});
