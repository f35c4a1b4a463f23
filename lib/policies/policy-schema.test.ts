import { describe, expect, test } from 'vitest';
import { policyInputSchema } from './policy-schema';

const fieldErrors = (input: unknown) => {
  const parsed = policyInputSchema.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('policy input', () => {
  test('form strings become a typed policy; a single checkbox value becomes a list', () => {
    const parsed = policyInputSchema.parse({ name: ' cap ', type: 'max-utilisation', services: '', edgeServers: 'north-1', fraction: '0.8' });
    expect(parsed).toEqual({ name: 'cap', type: 'max-utilisation', services: [], edgeServers: ['north-1'], fraction: 0.8 });
    expect(policyInputSchema.parse({ name: 'apart', type: 'spread', services: ['web', 'web'] }).services).toEqual(['web']);
  });

  test('a utilisation cap needs a fraction in (0, 1]', () => {
    expect(fieldErrors({ name: 'c', type: 'max-utilisation', fraction: '' })).toHaveProperty('fraction');
    expect(fieldErrors({ name: 'c', type: 'max-utilisation', fraction: '0' })).toHaveProperty('fraction');
    expect(fieldErrors({ name: 'c', type: 'max-utilisation', fraction: '1.2' })).toHaveProperty('fraction');
    expect(fieldErrors({ name: 'c', type: 'max-utilisation', fraction: 'lots' })).toHaveProperty('fraction');
    expect(fieldErrors({ name: 'c', type: 'max-utilisation', fraction: '1' })).toEqual({});
  });

  test('a pin needs services and edge servers; other relations take no edge servers and no fraction', () => {
    expect(fieldErrors({ name: 'p', type: 'pin', services: ['web'] })).toEqual({ edgeServers: 'A pin needs at least one edge server to pin to' });
    expect(fieldErrors({ name: 'p', type: 'pin', edgeServers: ['north-1'] })).toHaveProperty('services');
    expect(fieldErrors({ name: 'a', type: 'affinity', services: ['web'], edgeServers: ['north-1'] })).toHaveProperty('edgeServers');
    expect(fieldErrors({ name: 'a', type: 'anti-affinity', services: ['web'], fraction: '0.5' })).toHaveProperty('fraction');
    expect(fieldErrors({ name: '', type: 'nonsense' })).toMatchObject({ name: 'Enter a name', type: 'Choose a policy type' });
  });
});
