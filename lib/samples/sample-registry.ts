import { DomainError } from '@/lib/errors';
import { demoSample } from './demo-sample';
import { geantSample } from './geant-sample';
import type { Sample } from './sample-types';
import { socialNetworkSample } from './social-network-sample';

/** The gallery, in the order the page and `edgestack samples list` show it. */
export const SAMPLES: readonly Sample[] = [socialNetworkSample, geantSample, demoSample];

export function findSample(name: string): Sample {
  const sample = SAMPLES.find((s) => s.name === name);
  if (!sample) throw new DomainError('NOT_FOUND', `There is no sample named "${name}" (samples: ${SAMPLES.map((s) => s.name).join(', ')}).`, 'sample');
  return sample;
}

/** What the page and the command line show of a sample: everything but the builder. */
export type SampleSummary = Omit<Sample, 'build' | 'buildSteps'>;

export function summarizeSamples(): SampleSummary[] {
  return SAMPLES.map(({ name, title, summary, defaultScenarioName, sources }) => ({ name, title, summary, defaultScenarioName, sources }));
}
