import { z } from 'zod';

export const scenarioNameSchema = z
  .string({ error: 'Enter a name' })
  .trim()
  .min(1, 'Enter a name')
  .max(80, 'Use at most 80 characters')
  .regex(/^(?:[\p{L}\p{N}][\p{L}\p{N} ._()'&+-]*)?$/u, "Start with a letter or digit; use letters, digits, spaces and . _ - ( ) ' & +");

export const createScenarioSchema = z.object({
  name: scenarioNameSchema,
  description: z.string().trim().max(2000, 'Use at most 2000 characters').default(''),
});

export const renameScenarioSchema = z.object({
  id: z.string().min(1),
  name: scenarioNameSchema,
});

export const cloneScenarioSchema = z.object({
  id: z.string().min(1),
  name: scenarioNameSchema,
});

export type CreateScenarioInput = z.input<typeof createScenarioSchema>;
