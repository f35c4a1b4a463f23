// zod schemas of the MANO actions (VNF lifecycle, service function chains), shared by the forms
// on the Network page and the server actions (which validate again).

import { z } from 'zod';
import { VNF_KINDS } from '@/lib/vocabulary/kinds-and-labels';

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const uuid = (what: string) => z.string({ error: `Choose ${what}.` }).uuid(`Choose ${what}.`);
const cores = z.coerce
  .number({ error: 'Enter the cores as a number.' })
  .refine(Number.isFinite, 'Enter the cores as a number.')
  .refine((v) => v > 0, 'Cores must be more than 0.')
  .refine((v) => v <= 1024, 'At most 1,024 cores.');
const memory = z.coerce
  .number({ error: 'Enter the memory in MiB as a number.' })
  .refine(Number.isInteger, 'Memory must be a whole number of MiB.')
  .refine((v) => v > 0, 'Memory must be at least 1 MiB.')
  .refine((v) => v <= 2 ** 31 - 1, 'Memory is too large.');

export const instantiateVnfSchema = z.object({
  scenarioId: uuid('a scenario'),
  name: z.string().trim().min(1, 'Enter a name.').max(100, 'At most 100 characters.'),
  kind: z.enum(keys(VNF_KINDS), 'Choose a kind.'),
  hostServerId: uuid('the edge server to run it on'),
  cpuCores: cores,
  memoryMiB: memory,
  /** The MANO controller that will manage it. */
  controllerId: uuid('the MANO controller').nullable().default(null),
});

export const scaleVnfSchema = z.object({ vnfId: uuid('a VNF'), cpuCores: cores, memoryMiB: memory });

export const terminateVnfSchema = z.object({ vnfId: uuid('a VNF') });

export type InstantiateVnf = z.input<typeof instantiateVnfSchema>;
export type ScaleVnf = z.input<typeof scaleVnfSchema>;

/** A service function chain: the VNFs one dependency's traffic crosses, first to last. */
export const setServiceChainSchema = z.object({
  scenarioId: uuid('a scenario'),
  fromServiceId: uuid('the calling service'),
  toServiceId: uuid('the called service'),
  vnfIds: z.array(uuid('a VNF')).max(32, 'At most 32 VNFs in a chain.'),
  /** The dependency's version the editor loaded; a chain saved over someone else's newer one is refused. */
  version: z.coerce.number().int().positive().nullable().default(null),
});

export type SetServiceChain = z.input<typeof setServiceChainSchema>;
