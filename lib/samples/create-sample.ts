import type { Db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { importScenarioDocument } from '@/lib/scenario-document/import-scenario-document';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import { scenarioNameSchema } from '@/lib/scenarios/scenario-schema';
import { findSample } from './sample-registry';
import type { SampleProgress } from './sample-types';

export type CreatedSample = { id: string; name: string; counts: { sites: number; edgeServers: number; networkNodes: number; links: number; images: number; services: number } };

/**
 * Builds a sample's scenario in one step: reads its data, validates the document as an import
 * would, and writes it in one transaction (a failure writes nothing). `onProgress` hears each
 * step before it starts and once more at the end.
 */
export async function createSample(db: Db, sampleName: string, options: { scenarioName?: string; onProgress?: (progress: SampleProgress) => void } = {}): Promise<CreatedSample> {
  const sample = findSample(sampleName);
  const name = scenarioNameSchema.safeParse(options.scenarioName ?? sample.defaultScenarioName);
  if (!name.success) throw new DomainError('INVALID_INPUT', name.error.issues[0].message, 'name');
  const total = sample.buildSteps + 3;
  let done = 0;
  const report = (label: string) => options.onProgress?.({ done: done++, total, label });

  const built = sample.build(report);
  report('Checking the scenario document');
  const parsed = scenarioDocumentSchema.safeParse(built);
  // The sample's own data failed the import rules: a defect of the sample, not of the caller.
  if (!parsed.success)
    throw new Error(
      `sample "${sample.name}" builds an invalid document: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  const document = parsed.data;
  report(
    `Writing ${document.edgeServers.length} edge servers, ${document.networkNodes.length} network nodes, ${document.links.length} links, ${document.services.length} services`,
  );
  const created = await importScenarioDocument(db, document, { name: name.data });
  report('Done');
  return {
    ...created,
    counts: {
      sites: document.sites.length,
      edgeServers: document.edgeServers.length,
      networkNodes: document.networkNodes.length,
      links: document.links.length,
      images: document.images.length,
      services: document.services.length,
    },
  };
}
