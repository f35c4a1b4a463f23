import { POLICY_TYPES } from '@/lib/vocabulary/kinds-and-labels';
import type { ValidPolicy } from './policy-schema';

/** The Policy row's own columns; the database CHECK allows a fraction only on utilisation caps. */
export function policyColumns(policy: ValidPolicy) {
  return {
    name: policy.name,
    type: POLICY_TYPES[policy.type].db,
    fraction: policy.type === 'max-utilisation' ? (policy.fraction ?? null) : null,
  };
}
