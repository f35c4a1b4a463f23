import type { Metadata } from 'next';
import { SampleGallery } from '@/components/samples/sample-gallery';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/require-role';
import { summarizeSamples } from '@/lib/samples/sample-registry';

export const metadata: Metadata = { title: 'Start from a sample' };

export default async function SamplesPage() {
  await requirePageActor('/samples');
  return (
    <>
      <PageHeader title="Start from a sample" layer="Data" />
      <p className="-mt-4 mb-6 max-w-3xl text-sm text-slate-600">
        Each sample builds a whole scenario in one step from public data shipped with edgestack (credited in <code>datasets/SOURCES.md</code>). What the data lacks is stated under
        each sample. The same samples are on the command line: <code>npx edgestack samples list</code>.
      </p>
      <SampleGallery samples={summarizeSamples()} />
    </>
  );
}
