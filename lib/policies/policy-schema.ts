import { z } from 'zod';
import { POLICY_TYPES, type PolicyType } from '@/lib/vocabulary/kinds-and-labels';

const POLICY_TYPE_KEYS = Object.keys(POLICY_TYPES) as [PolicyType, ...PolicyType[]];

/** Form fields arrive as strings, a checkbox group as one or several values; both become arrays. */
const nameList = z.preprocess(
  (value): unknown => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string().trim().min(1)).transform((names) => [...new Set(names)]),
);

/** An empty fraction field means "not given": only a utilisation cap needs one. */
const optionalFraction = z.preprocess(
  (value) => (value === '' || value === null || value === undefined ? undefined : value),
  z.coerce.number({ error: 'Enter a number such as 0.8' }).finite('Enter a number such as 0.8').optional(),
);

/**
 * One policy as a person writes it: over service names (every replica of each) and, for pins and
 * utilisation caps, edge server names. Shared by the form (checked before sending) and the action.
 */
export const policyInputSchema = z
  .object({
    name: z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(80, 'Use at most 80 characters'),
    type: z.enum(POLICY_TYPE_KEYS, { error: 'Choose a policy type' }),
    services: nameList,
    edgeServers: nameList,
    fraction: optionalFraction,
    /** The version the person edited (updates only): a save based on an older one is refused. */
    version: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.coerce.number().int().positive().optional()),
  })
  .superRefine((p, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.type === 'max-utilisation') {
      if (p.fraction === undefined) problem('fraction', 'Enter the cap as a fraction of capacity, e.g. 0.8 for 80 %');
      else if (!(p.fraction > 0 && p.fraction <= 1)) problem('fraction', 'The cap must be greater than 0 and at most 1 (0.8 means 80 %)');
      if (p.services.length) problem('services', 'A utilisation cap applies to edge servers, not services; clear the services');
      return;
    }
    if (p.fraction !== undefined) problem('fraction', 'Only a utilisation cap takes a fraction');
    if (p.services.length === 0) problem('services', 'Choose at least one service');
    if (p.type === 'pin') {
      if (p.edgeServers.length === 0) problem('edgeServers', 'A pin needs at least one edge server to pin to');
    } else if (p.edgeServers.length) {
      problem('edgeServers', `${POLICY_TYPES[p.type].label} does not take edge servers; clear them`);
    }
  });

/** What callers hand the domain before validation; lists default to empty. */
export type PolicyInput = { name: string; type: PolicyType; services?: string[]; edgeServers?: string[]; fraction?: number | string | null; version?: number | string | null };
export type ValidPolicy = z.output<typeof policyInputSchema>;

/** What the form and the domain both need to know about a type's fields. */
export function policyFieldsFor(type: PolicyType): { services: boolean; edgeServers: 'required' | 'optional' | 'none'; fraction: boolean } {
  switch (type) {
    case 'pin':
      return { services: true, edgeServers: 'required', fraction: false };
    case 'max-utilisation':
      return { services: false, edgeServers: 'optional', fraction: true };
    default:
      return { services: true, edgeServers: 'none', fraction: false };
  }
}
