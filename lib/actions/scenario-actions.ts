'use server';

import { asRole } from '@/lib/auth/require-role';
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { getDb } from '@/lib/db';
import { seedDemoScenario } from '@/lib/demo/seed-demo-scenario';
import { DomainError } from '@/lib/errors';
import { importScenarioDocumentText, MAX_DOCUMENT_BYTES } from '@/lib/scenario-document/import-scenario-document';
import { cloneScenario } from '@/lib/scenarios/clone-scenario';
import { createScenario } from '@/lib/scenarios/create-scenario';
import { deleteScenario } from '@/lib/scenarios/delete-scenario';
import { renameScenario } from '@/lib/scenarios/rename-scenario';
import { cloneScenarioSchema, createScenarioSchema, renameScenarioSchema, scenarioNameSchema } from '@/lib/scenarios/scenario-schema';
import { runAction, type ActionResult } from './action-result';
import { SCENARIO_COOKIE } from './scenario-cookie';
import { readFormText } from './read-form-text';

async function selectScenarioCookie(id: string) {
  (await cookies()).set(SCENARIO_COOKIE, id, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
}

function refreshEverything() {
  revalidatePath('/', 'layout');
}

export async function selectScenarioAction(id: string): Promise<ActionResult> {
  return runAction(() =>
    asRole('viewer', async () => {
      const db = await getDb();
      const exists = await db.scenario.findUnique({ where: { id }, select: { id: true } });
      if (!exists) throw new DomainError('NOT_FOUND', 'This scenario no longer exists.');
      await selectScenarioCookie(id);
      refreshEverything();
      return {};
    }),
  );
}

export async function createScenarioAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(() =>
    asRole('planner', async () => {
      const input = createScenarioSchema.parse({ name: form.get('name') ?? '', description: form.get('description') ?? '' });
      const scenario = await createScenario(await getDb(), input);
      await selectScenarioCookie(scenario.id);
      refreshEverything();
      return { id: scenario.id };
    }),
  );
}

export async function renameScenarioAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(() =>
    asRole('planner', async () => {
      const input = renameScenarioSchema.parse({ id: form.get('id') ?? '', name: form.get('name') ?? '' });
      const scenario = await renameScenario(await getDb(), input);
      refreshEverything();
      return { id: scenario.id };
    }),
  );
}

export async function cloneScenarioAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(() =>
    asRole('planner', async () => {
      const input = cloneScenarioSchema.parse({ id: form.get('id') ?? '', name: form.get('name') ?? '' });
      const clone = await cloneScenario(await getDb(), input);
      await selectScenarioCookie(clone.id);
      refreshEverything();
      return { id: clone.id };
    }),
  );
}

export async function deleteScenarioAction(_prev: unknown, form: FormData): Promise<ActionResult<{ name: string }>> {
  return runAction(() =>
    asRole('planner', async () => {
      const id = readFormText(form, 'id') ?? '';
      const deleted = await deleteScenario(await getDb(), id);
      const jar = await cookies();
      if (jar.get(SCENARIO_COOKIE)?.value === id) jar.delete(SCENARIO_COOKIE);
      refreshEverything();
      return deleted;
    }),
  );
}

export async function importScenarioAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string; name: string }>> {
  return runAction(() =>
    asRole('planner', async () => {
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0) throw new DomainError('INVALID_INPUT', 'Choose a scenario JSON file to import.', 'file');
      if (file.size > MAX_DOCUMENT_BYTES) {
        throw new DomainError('TOO_LARGE', `The file is ${(file.size / 1024 / 1024).toFixed(1)} MiB; the limit is ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB.`, 'file');
      }
      const rawName = (readFormText(form, 'name') ?? '').trim();
      const name = rawName ? scenarioNameSchema.parse(rawName) : undefined;
      const imported = await importScenarioDocumentText(await getDb(), new Uint8Array(await file.arrayBuffer()), { name, source: file.name });
      await selectScenarioCookie(imported.id);
      refreshEverything();
      return imported;
    }),
  );
}

export async function seedDemoAction(): Promise<ActionResult<{ id: string }>> {
  return runAction(() =>
    asRole('planner', async () => {
      const seeded = await seedDemoScenario(await getDb());
      await selectScenarioCookie(seeded!.id);
      refreshEverything();
      return { id: seeded!.id };
    }),
  );
}
