import { z } from 'zod';
import { placementProblemSchema } from '../placement/problem-schema';
import { placementResultSchema } from '../placement/result-schema';
import { scenarioDocumentSchema } from '../scenario-document/scenario-document-schema';

// JSON Schemas of the formats the project reads and writes, generated from the zod schemas
// that validate them, so the published schema cannot say something the code does not check.
// Refinements that JSON Schema cannot express (unknown digests, duplicate ids) are described
// in the docs and enforced by the zod schema alone.

export const FORMAT_SCHEMAS = {
  'placement-problem': {
    title: 'PlacementProblem v1',
    description: 'The input of the layer-sharing-aware placement engine (docs/placement-format.md).',
    schema: placementProblemSchema,
    // A reader may omit the fields that have defaults, so the schema describes the input side.
    io: 'input',
  },
  'placement-result': {
    title: 'PlacementResult',
    description: 'What a placement solve answers (docs/placement-format.md).',
    schema: placementResultSchema,
    io: 'output',
  },
  'scenario-document': {
    title: 'edgestack scenario document, version 1',
    description: 'The lossless JSON form of a scenario that Export writes and Import reads (docs/scenario-format.md).',
    schema: scenarioDocumentSchema,
    io: 'input',
  },
} as const satisfies Record<string, { title: string; description: string; schema: z.ZodType; io: 'input' | 'output' }>;

export type FormatName = keyof typeof FORMAT_SCHEMAS;

function formatJsonSchema(name: FormatName): Record<string, unknown> {
  const format = FORMAT_SCHEMAS[name];
  const generated = z.toJSONSchema(format.schema, { io: format.io, target: 'draft-2020-12', unrepresentable: 'any' });
  return { ...generated, title: format.title, description: format.description };
}

/** The text checked in under docs/: stable key order as generated, two-space indent, final newline. */
export function formatJsonSchemaText(name: FormatName): string {
  return `${JSON.stringify(formatJsonSchema(name), null, 2)}\n`;
}
