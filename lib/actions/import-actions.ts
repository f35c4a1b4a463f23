'use server';

import { asRole } from '@/lib/auth/require-role';
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { DomainError, isDomainError } from '@/lib/errors';
import { parseCsv } from '@/lib/importers/csv/parse-csv';
import { bulkListFacets, parseJsonText } from '@/lib/importers/images/plan-images-import';
import { guessNodeColumns } from '@/lib/importers/nodes/plan-nodes-import';
import { guessSiteColumns } from '@/lib/importers/sites/plan-sites-import';
import { MAX_IMPORT_BYTES } from '@/lib/importers/import-input';
import { IMPORT_KINDS, type ImportKind } from '@/lib/importers/import-plan';
import { runImport, type FileFacts } from '@/lib/importers/plan-import';
import { summarizeImport } from '@/lib/importers/summarize-import';
import type { ImportResult, ImportTarget } from '@/lib/importers/write-import-plan';
import { scenarioNameSchema } from '@/lib/scenarios/scenario-schema';
import { FORM, runAction, toActionErrors, type ActionErrors, type ActionResult } from './action-result';
import { SCENARIO_COOKIE } from './scenario-cookie';
import { readFormText } from './read-form-text';

export type ImportPreview = Omit<ImportResult, 'stats'> & { stats: Record<string, number>; facts: FileFacts; summary: string };
export type PreviewResult = { ok: true; preview: ImportPreview } | { ok: false; errors: ActionErrors; facts?: FileFacts };

async function readRequest(form: FormData) {
  const kind = readFormText(form, 'kind') ?? '';
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new DomainError('INVALID_INPUT', 'Choose what the file holds.', 'kind');
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) throw new DomainError('INVALID_INPUT', 'Choose a file to import.', 'file');
  if (file.size > MAX_IMPORT_BYTES) {
    throw new DomainError('TOO_LARGE', `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MiB; the import limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.`, 'file');
  }
  let options: Record<string, unknown>;
  try {
    options = z.record(z.string(), z.unknown()).parse(JSON.parse(readFormText(form, 'options') || '{}'));
  } catch {
    throw new DomainError('INVALID_INPUT', 'The import options could not be read.', FORM);
  }
  const content = new Uint8Array(await file.arrayBuffer());
  return { kind: kind as ImportKind, content, fileName: file.name, options };
}

async function readTarget(form: FormData): Promise<ImportTarget> {
  const target = readFormText(form, 'target') ?? 'current';
  if (target === 'new') {
    const name = scenarioNameSchema.safeParse(readFormText(form, 'newScenarioName') ?? '');
    if (!name.success) throw new DomainError('INVALID_INPUT', name.error.issues[0].message, 'newScenarioName');
    const db = await getDb();
    const clash = await db.scenario.findFirst({ where: { name: { equals: name.data, mode: 'insensitive' } }, select: { name: true } });
    if (clash)
      throw new DomainError('NAME_TAKEN', `A scenario named "${clash.name}" already exists; import into it by selecting it first, or choose another name.`, 'newScenarioName');
    return { scenarioName: name.data, createIfMissing: true };
  }
  const scenarioId = readFormText(form, 'scenarioId') ?? '';
  if (!scenarioId) throw new DomainError('INVALID_INPUT', 'There is no current scenario: import into a new one.', 'target');
  return { scenarioId };
}

/** Facts that can still be shown when the import as configured fails (so the options can be fixed). */
function factsDespiteError(kind: ImportKind, content: Uint8Array, options: Record<string, unknown>): FileFacts | undefined {
  try {
    const text = new TextDecoder().decode(content);
    if (kind === 'images') {
      const data = parseJsonText(text);
      return Array.isArray(data) ? { kind: 'images', format: 'bulk-list', facets: bulkListFacets(data) } : undefined;
    }
    if (kind === 'sites' || (kind === 'nodes' && !/^\s*[{[]|^(apiVersion|kind|items)\s*:/m.test(text))) {
      // A CSV whose columns could not be mapped: show them, so the planner can map them.
      const table = parseCsv(text);
      const guessed = kind === 'sites' ? guessSiteColumns(table.headers) : guessNodeColumns(table.headers);
      const columns = { ...guessed, ...((options.columns as Record<string, string>) ?? {}) };
      const sample = table.rows.slice(0, 5).map((r) => r.cells);
      return kind === 'sites'
        ? { kind: 'sites', headers: table.headers, columns, sample, rows: table.rows.length }
        : { kind: 'nodes', format: 'csv', headers: table.headers, columns, sample, rows: table.rows.length };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Parses the file, rehearses the import in a transaction that is rolled back, and reports. */
export async function previewImportAction(form: FormData): Promise<PreviewResult> {
  let request: Awaited<ReturnType<typeof readRequest>> | undefined;
  try {
    return await asRole('planner', async () => {
      request = await readRequest(form);
      const target = await readTarget(form);
      const result = await runImport(await getDb(), target, request, { dryRun: true });
      return { ok: true as const, preview: { ...result, summary: summarizeImport(result) } };
    });
  } catch (error) {
    return { ok: false, errors: toActionErrors(error), facts: request && isDomainError(error) ? factsDespiteError(request.kind, request.content, request.options) : undefined };
  }
}

export async function runImportAction(form: FormData): Promise<ActionResult<{ preview: ImportPreview }>> {
  return runAction(() =>
    asRole('planner', async () => {
      const request = await readRequest(form);
      const target = await readTarget(form);
      const result = await runImport(await getDb(), target, request);
      (await cookies()).set(SCENARIO_COOKIE, result.scenario.id, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
      revalidatePath('/', 'layout');
      return { preview: { ...result, summary: summarizeImport(result) } };
    }),
  );
}

const declareSchema = z.object({
  imageId: z.string().min(1),
  sizeMiB: z.coerce
    .number({ error: 'Enter a size in MiB' })
    .positive('Enter a size above 0 MiB')
    .max(1024 * 1024, 'At most 1 TiB'),
});

/** The planner's size for an image nobody has layer data for, so placement can count it. */
export async function declareImageSizeAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(() =>
    asRole('planner', async () => {
      const input = declareSchema.parse({ imageId: form.get('imageId'), sizeMiB: form.get('sizeMiB') });
      const db = await getDb();
      const image = await db.image.findUnique({ where: { id: input.imageId }, include: { _count: { select: { layers: true } } } });
      if (!image) throw new DomainError('NOT_FOUND', 'This image no longer exists.');
      if (image._count.layers > 0) throw new DomainError('INVALID_INPUT', 'This image has layer data; its size is the sum of its layers.', 'sizeMiB');
      await db.$transaction([
        db.image.update({ where: { id: image.id }, data: { declaredSizeBytes: BigInt(Math.round(input.sizeMiB * 2 ** 20)) } }),
        db.scenario.update({ where: { id: image.scenarioId }, data: { version: { increment: 1 } } }),
      ]);
      revalidatePath('/', 'layout');
      return {};
    }),
  );
}
