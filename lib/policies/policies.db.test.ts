import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listPolicies } from '@/lib/catalog/list-policies';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { DomainError } from '@/lib/errors';
import { buildPlacementProblem } from '@/lib/placement-runs/build-placement-problem';
import { importScenarioDocument, parseScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { createPolicy } from './create-policy';
import { deletePolicy } from './delete-policy';
import { updatePolicy } from './update-policy';

let db: TestDatabase;
let scenarioId: string;
let otherScenarioId: string;

const fixture = path.join(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'small-edge.json');

beforeAll(async () => {
  db = await createTestDatabase();
  const parsed = parseScenarioDocument(readFileSync(fixture, 'utf8'));
  if (!parsed.ok) throw new Error('fixture');
  scenarioId = (await importScenarioDocument(db.prisma, parsed.document, { name: 'Policies' })).id;
  otherScenarioId = (await importScenarioDocument(db.prisma, parsed.document, { name: 'Other' })).id;
});
afterAll(async () => db?.drop());

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}:${error.field ?? ''}: ${error.message}`;
    return `other: ${(error as Error).name}`;
  }
  return 'resolved';
}

const version = async () => (await db.prisma.scenario.findUniqueOrThrow({ where: { id: scenarioId } })).version;

describe('policies', () => {
  test('a save based on an older version is refused: two people editing one policy never lose a change', async () => {
    const policy = await createPolicy(db.prisma, scenarioId, { name: 'both edit', type: 'affinity', services: ['web'] });
    const read = (await listPolicies(db.prisma, scenarioId)).find((p) => p.id === policy.id)!;
    expect(read.version).toBe(1);
    // Alice and Bob both loaded version 1. Alice saves first.
    await updatePolicy(db.prisma, scenarioId, policy.id, { name: 'both edit', type: 'affinity', services: ['web', 'api'], version: read.version });
    const bob = await refusal(updatePolicy(db.prisma, scenarioId, policy.id, { name: 'both edit', type: 'anti-affinity', services: ['web'], version: read.version }));
    expect(bob).toMatch(/^STALE_VERSION:.*someone else changed this policy.*reload/i);
    const now = (await listPolicies(db.prisma, scenarioId)).find((p) => p.id === policy.id)!;
    expect(now).toMatchObject({ type: 'affinity', services: ['api', 'web'], version: 2 });
    // An update that names no version is refused too: it could only ever overwrite blindly.
    expect(await refusal(updatePolicy(db.prisma, scenarioId, policy.id, { name: 'both edit', type: 'affinity', services: ['web'] }))).toMatch(/^STALE_VERSION|^INVALID_INPUT/);
    await deletePolicy(db.prisma, scenarioId, policy.id);
  });

  test('create, edit and delete; the placement problem follows', async () => {
    const before = await version();
    const pin = await createPolicy(db.prisma, scenarioId, { name: 'api north', type: 'pin', services: ['api'], edgeServers: ['north-1', 'north-2'] });
    expect(await version()).toBe(before + 1);
    let listed = await listPolicies(db.prisma, scenarioId);
    expect(listed.find((p) => p.id === pin.id)).toMatchObject({ type: 'pin', services: ['api'], edgeServers: ['north-1', 'north-2'], fraction: null });

    let built = await buildPlacementProblem(db.prisma, scenarioId);
    expect(built.ok && built.problem.policies).toContainEqual({ type: 'pin', container: 'api-0', servers: ['north-1', 'north-2'] });

    // Changing the type replaces members wholesale: the pin's edge servers do not linger.
    await updatePolicy(db.prisma, scenarioId, pin.id, { name: 'web together', type: 'affinity', services: ['web'], version: 1 });
    listed = await listPolicies(db.prisma, scenarioId);
    expect(listed.find((p) => p.id === pin.id)).toMatchObject({ name: 'web together', type: 'affinity', services: ['web'], edgeServers: [] });
    built = await buildPlacementProblem(db.prisma, scenarioId);
    expect(built.ok && built.problem.policies).toContainEqual({ type: 'affinity', containers: ['web-0', 'web-1'] });

    await updatePolicy(db.prisma, scenarioId, pin.id, { name: 'cap', type: 'max-utilisation', edgeServers: [], fraction: 0.75, version: 2 });
    built = await buildPlacementProblem(db.prisma, scenarioId);
    expect(built.ok && built.problem.policies).toContainEqual({ type: 'max-utilisation', fraction: 0.75 });

    expect(await deletePolicy(db.prisma, scenarioId, pin.id)).toEqual({ name: 'cap' });
    expect((await listPolicies(db.prisma, scenarioId)).map((p) => p.name)).toEqual(['web apart']);
    expect(await db.prisma.policyEdgeServer.count({ where: { policyId: pin.id } })).toBe(0);
  });

  test('refusals name the problem and its field; nothing is written', async () => {
    const count = () => db.prisma.policy.count({ where: { scenarioId } });
    const before = await count();
    expect(await refusal(createPolicy(db.prisma, scenarioId, { name: 'x', type: 'spread', services: ['web', 'cache'] }))).toBe(
      'INVALID_INPUT:services: This scenario has no service “cache”.',
    );
    expect(await refusal(createPolicy(db.prisma, scenarioId, { name: 'x', type: 'pin', services: ['api'], edgeServers: ['east-9'] }))).toBe(
      'INVALID_INPUT:edgeServers: This scenario has no edge server “east-9”.',
    );
    expect(await refusal(createPolicy(db.prisma, scenarioId, { name: 'WEB APART', type: 'spread', services: ['web'] }))).toBe(
      'NAME_TAKEN:name: A policy named “web apart” already exists in this scenario.',
    );
    // Schema refusals (pin without servers, fraction outside (0, 1]) are zod errors the action maps to fields.
    expect(await refusal(createPolicy(db.prisma, scenarioId, { name: 'x', type: 'pin', services: ['api'] }))).toBe('other: ZodError');
    expect(await refusal(createPolicy(db.prisma, scenarioId, { name: 'x', type: 'max-utilisation', fraction: 1.5 }))).toBe('other: ZodError');
    expect(await count()).toBe(before);
  });

  test('a policy of another scenario cannot be edited or deleted from this one', async () => {
    const theirs = await createPolicy(db.prisma, otherScenarioId, { name: 'theirs', type: 'spread', services: ['web'] });
    expect(await refusal(updatePolicy(db.prisma, scenarioId, theirs.id, { name: 'mine', type: 'spread', services: ['web'], version: 1 }))).toMatch(/^NOT_FOUND/);
    expect(await refusal(deletePolicy(db.prisma, scenarioId, theirs.id))).toMatch(/^NOT_FOUND/);
    // The same name is free in another scenario, and renaming to one's own name is not a clash.
    await createPolicy(db.prisma, scenarioId, { name: 'theirs', type: 'spread', services: ['web'] });
    expect(await refusal(updatePolicy(db.prisma, otherScenarioId, theirs.id, { name: 'Theirs', type: 'anti-affinity', services: ['api'], version: 1 }))).toBe('resolved');
  });

  test('the database refuses a fraction on anything but a utilisation cap', async () => {
    await expect(db.prisma.policy.create({ data: { scenarioId, name: 'bad', type: 'spread', fraction: 0.5 } })).rejects.toThrow();
  });
});
