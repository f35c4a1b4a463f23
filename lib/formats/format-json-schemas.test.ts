import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { evaluate } from '@/lib/placement/evaluate';
import { parsePlacementProblem } from '@/lib/placement/problem-schema';
import { placementResultSchema } from '@/lib/placement/result-schema';
import { parseScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { FORMAT_SCHEMAS, formatJsonSchemaText, type FormatName } from './format-json-schemas';

const docs = path.resolve(import.meta.dirname, '..', '..', 'docs');

for (const name of Object.keys(FORMAT_SCHEMAS) as FormatName[]) {
  test(`docs/${name}.schema.json is what the code generates (regenerate: npm run docs:schemas)`, () => {
    const checkedIn = fs.readFileSync(path.join(docs, `${name}.schema.json`), 'utf8');
    expect(checkedIn).toBe(formatJsonSchemaText(name));
  });
}

test('the problem schema lists exactly the fields the engine accepts, per version', () => {
  type Variant = { properties: { version: { const: number } }; required: string[]; additionalProperties: boolean };
  const schema = JSON.parse(formatJsonSchemaText('placement-problem')) as { oneOf: Variant[] };
  const [v1, v2] = schema.oneOf;
  expect(v1.properties.version.const).toBe(1);
  expect(Object.keys(v1.properties).sort()).toEqual(['containers', 'layers', 'objective', 'policies', 'servers', 'version']);
  expect(v2.properties.version.const).toBe(2);
  expect(Object.keys(v2.properties).sort()).toEqual(['containers', 'current', 'dependencies', 'layers', 'network', 'objective', 'policies', 'servers', 'version', 'weights']);
  for (const variant of [v1, v2]) {
    expect(variant.required.sort()).toEqual(['containers', 'layers', 'servers', 'version']);
    expect(variant.additionalProperties).toBe(false);
  }
});

// The examples in docs/placement-format.md are real documents: the problem passes the engine's
// own gate and the result is the evaluator's verdict on its assignment.
test('the examples of docs/placement-format.md parse, and the result example is correct', () => {
  const text = fs.readFileSync(path.join(docs, 'placement-format.md'), 'utf8');
  const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m): unknown => JSON.parse(m[1]));
  expect(blocks).toHaveLength(3);
  const parsed = parsePlacementProblem(blocks[0]);
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  const result = placementResultSchema.parse(blocks[2]);
  const verdict = evaluate(parsed.problem, result.assignment!, 'sharing');
  expect(verdict.violations).toEqual([]);
  expect(verdict.cost).toBe(result.cost);
  expect(verdict.noSharingCost).toBe(result.noSharingCost);
  expect(Object.fromEntries(Object.entries(verdict.serverLayers).map(([k, v]) => [k, [...v].sort()]))).toEqual(
    Object.fromEntries(Object.entries(result.serverLayers!).map(([k, v]) => [k, [...v].sort()])),
  );

  // The version-2 example's figures, as the text works them out.
  const v2 = parsePlacementProblem(blocks[1]);
  expect(v2.ok ? [] : v2.errors).toEqual([]);
  if (!v2.ok) return;
  const networked = evaluate(v2.problem, result.assignment!, 'sharing');
  expect(networked.terms).toMatchObject({ storageBytes: 129_000_000, trafficCost: 160 });
  expect(networked.terms.startupSeconds).toBeCloseTo(3.38, 9);
  expect(networked.terms.startupSumSeconds).toBeCloseTo(3.38 + 0.52 + 2.32, 9);
  expect(networked.cost).toBeCloseTo(178_800_000, 3);
  expect(evaluate(v2.problem, { ...result.assignment!, 'api-0': 'edge-a' }).terms.startupSeconds).toBeCloseTo(6.98, 9);
});

test('the example of docs/scenario-format.md is a valid scenario document', () => {
  const text = fs.readFileSync(path.join(docs, 'scenario-format.md'), 'utf8');
  const [example] = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
  const parsed = parseScenarioDocument(example);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
});
