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

test('the problem schema lists exactly the fields the engine accepts', () => {
  const schema = JSON.parse(formatJsonSchemaText('placement-problem')) as { properties: object; required: string[]; additionalProperties: boolean };
  expect(Object.keys(schema.properties).sort()).toEqual(['containers', 'layers', 'objective', 'policies', 'servers', 'version']);
  expect(schema.required.sort()).toEqual(['containers', 'layers', 'servers', 'version']);
  expect(schema.additionalProperties).toBe(false);
});

// The examples in docs/placement-format.md are real documents: the problem passes the engine's
// own gate and the result is the evaluator's verdict on its assignment.
test('the examples of docs/placement-format.md parse, and the result example is correct', () => {
  const text = fs.readFileSync(path.join(docs, 'placement-format.md'), 'utf8');
  const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m): unknown => JSON.parse(m[1]));
  expect(blocks).toHaveLength(2);
  const parsed = parsePlacementProblem(blocks[0]);
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  const result = placementResultSchema.parse(blocks[1]);
  const verdict = evaluate(parsed.problem, result.assignment!, 'sharing');
  expect(verdict.violations).toEqual([]);
  expect(verdict.cost).toBe(result.cost);
  expect(verdict.noSharingCost).toBe(result.noSharingCost);
  expect(Object.fromEntries(Object.entries(verdict.serverLayers).map(([k, v]) => [k, [...v].sort()]))).toEqual(
    Object.fromEntries(Object.entries(result.serverLayers!).map(([k, v]) => [k, [...v].sort()])),
  );
});

test('the example of docs/scenario-format.md is a valid scenario document', () => {
  const text = fs.readFileSync(path.join(docs, 'scenario-format.md'), 'utf8');
  const [example] = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
  const parsed = parseScenarioDocument(example);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
});
