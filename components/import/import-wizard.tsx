'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FieldErrors } from '@/components/ui/field';
import type { ActionErrors } from '@/lib/actions/action-result';
import { previewImportAction, runImportAction, type ImportPreview } from '@/lib/actions/import-actions';
import type { FileFacts } from '@/lib/importers/plan-import';
import { ImportOptions, type Options } from './import-options';

const KINDS = {
  topology: { label: 'Network topology (GraphML, Topology Zoo GML)', accept: '.graphml,.xml,.gml' },
  images: { label: 'Image manifests (OCI manifest or index, docker manifest inspect -v, layers.json list)', accept: '.json' },
  services: { label: 'Services (Kubernetes manifests, docker-compose)', accept: '.yaml,.yml,.json' },
  sites: { label: 'Edge sites (CSV)', accept: '.csv,.txt' },
  nodes: { label: 'Edge servers (Kubernetes NodeList YAML/JSON, or CSV inventory)', accept: '.yaml,.yml,.json,.csv' },
} as const;
type Kind = keyof typeof KINDS;

const ENTITY_LABELS: Record<string, string> = {
  sites: 'Sites',
  edgeServers: 'Edge servers',
  networkNodes: 'Network nodes',
  links: 'Links',
  layers: 'Layers',
  images: 'Images',
  services: 'Services',
  dependencies: 'Dependencies',
  cachedLayers: 'Cached layers',
};

function Facts({ facts }: { facts: FileFacts }) {
  if (facts.kind === 'topology')
    return (
      <p data-testid="import-facts">
        {facts.format === 'gml' ? 'GML' : 'GraphML'} topology{facts.network ? ` “${facts.network}”` : ''}: <strong>{facts.nodes} nodes</strong> ·{' '}
        <strong>{facts.edges} edges</strong> · {facts.nodesWithCoordinates} nodes with coordinates
      </p>
    );
  if (facts.kind === 'images')
    return (
      <p data-testid="import-facts">
        {{ 'bulk-list': 'Bulk image list', manifest: 'Image manifest', index: 'Image index (platforms only)', 'docker-inspect': 'docker manifest inspect -v output' }[facts.format]}
        {facts.facets &&
          ` · snapshots: ${Object.entries(facts.facets.snapshots)
            .map(([s, n]) => `${s} (${n})`)
            .join(', ')}`}
      </p>
    );
  if (facts.kind === 'services')
    return <p data-testid="import-facts">{facts.format === 'compose' ? 'docker-compose file' : `Kubernetes manifests (${facts.documents} documents)`}</p>;
  if (facts.kind === 'nodes' && facts.format === 'nodelist') return <p data-testid="import-facts">Kubernetes node list: {facts.nodes} nodes</p>;
  return (
    <p data-testid="import-facts">
      CSV with {facts.rows} rows and columns {facts.headers.join(', ')}
    </p>
  );
}

function Counts({ preview }: { preview: ImportPreview }) {
  const rows = Object.entries(preview.counts).filter(([, c]) => c.created + c.updated + c.unchanged > 0);
  if (rows.length === 0) return <p className="text-sm text-slate-600">Nothing to import.</p>;
  return (
    <table className="min-w-72 text-sm" aria-label={preview.dryRun ? 'What the import will do' : 'What the import did'}>
      <thead className="text-left text-xs text-slate-500 uppercase">
        <tr>
          <th className="py-1 pr-4">Entity</th>
          <th className="py-1 pr-4 text-right">{preview.dryRun ? 'New' : 'Created'}</th>
          <th className="py-1 pr-4 text-right">Updated</th>
          <th className="py-1 text-right">Already there</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([kind, c]) => (
          <tr key={kind} className="border-t border-slate-100" data-testid={`count-${kind}`}>
            <td className="py-1 pr-4">{ENTITY_LABELS[kind] ?? kind}</td>
            <td className="py-1 pr-4 text-right tabular-nums">{c.created}</td>
            <td className="py-1 pr-4 text-right tabular-nums">{c.updated}</td>
            <td className="py-1 text-right tabular-nums">{c.unchanged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WithoutLayers({ preview }: { preview: ImportPreview }) {
  if (preview.imagesWithoutLayerData.length === 0) return null;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="images-without-layers">
      <p className="font-medium text-amber-900">
        {preview.imagesWithoutLayerData.length} image{preview.imagesWithoutLayerData.length === 1 ? '' : 's'} without layer data
      </p>
      <p className="text-amber-900">Placement will not count these as zero bytes: import their manifests, or enter a size on the Images page.</p>
      <ul className="mt-1 list-disc pl-5 font-mono text-xs">
        {preview.imagesWithoutLayerData.map((i) => (
          <li key={`${i.reference} ${i.arch}`}>
            {i.reference} ({i.arch}) — used by {i.services.join(', ')}{' '}
            <Link className="font-sans text-blue-700 underline" href={`/import?kind=images&reference=${encodeURIComponent(i.reference)}&arch=${i.arch}`}>
              import manifest
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ImportWizard({ current, initialKind, initialOptions }: { current: { id: string; name: string } | null; initialKind: Kind; initialOptions: Options }) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>(initialKind);
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<'current' | 'new'>(current ? 'current' : 'new');
  const [newName, setNewName] = useState('');
  const [options, setOptions] = useState<Options>(initialOptions);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [facts, setFacts] = useState<FileFacts | null>(null);
  const [errors, setErrors] = useState<ActionErrors>({});
  const [done, setDone] = useState<ImportPreview | null>(null);
  const [pending, startTransition] = useTransition();

  const form = () => {
    const data = new FormData();
    data.set('kind', kind);
    if (file) data.set('file', file);
    data.set('options', JSON.stringify(options));
    data.set('target', target);
    data.set('newScenarioName', newName);
    if (current) data.set('scenarioId', current.id);
    return data;
  };
  const reset = () => {
    setPreview(null);
    setDone(null);
    setErrors({});
  };
  const runPreview = () =>
    startTransition(async () => {
      setDone(null);
      const result = await previewImportAction(form());
      if (result.ok) {
        setPreview(result.preview);
        setFacts(result.preview.facts);
        setErrors({});
      } else {
        setPreview(null);
        if (result.facts) setFacts(result.facts);
        setErrors(result.errors);
      }
    });
  const confirm = () =>
    startTransition(async () => {
      const result = await runImportAction(form());
      if (result.ok) {
        setDone(result.preview);
        setPreview(null);
        setErrors({});
        router.refresh();
      } else setErrors(result.errors);
    });
  const set = (key: string, value: unknown) => {
    setOptions((o) => ({ ...o, [key]: value }));
    setPreview(null);
  };
  const allErrors = Object.entries(errors).flatMap(([field, messages]) => messages.map((m) => (field === '_form' || field === 'file' ? m : `${field}: ${m}`)));

  return (
    <div className="space-y-6">
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">What the file holds</span>
          <select
            className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setOptions({});
              setFacts(null);
              reset();
            }}
          >
            {Object.entries(KINDS).map(([k, v]) => (
              <option key={k} value={k}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">File (up to 20 MiB)</span>
          <input
            type="file"
            accept={KINDS[kind].accept}
            className="block w-full text-sm"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFacts(null);
              reset();
            }}
          />
        </label>
        <fieldset className="text-sm md:col-span-2">
          <legend className="mb-1 font-medium text-slate-700">Import into</legend>
          <div className="flex flex-wrap items-center gap-4">
            <label className="flex items-center gap-2">
              <input type="radio" name="target" checked={target === 'current'} disabled={!current} onChange={() => (setTarget('current'), reset())} />
              {current ? `the current scenario, ${current.name}` : 'the current scenario (there is none)'}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="target" checked={target === 'new'} onChange={() => (setTarget('new'), reset())} />a new scenario
            </label>
            {target === 'new' && (
              <label className="flex items-center gap-2">
                <span>New scenario name</span>
                <input className="rounded-md border border-slate-300 px-2 py-1" value={newName} onChange={(e) => (setNewName(e.target.value), reset())} />
              </label>
            )}
          </div>
        </fieldset>
        <div className="md:col-span-2">
          <Button variant="primary" disabled={!file || pending} onClick={runPreview}>
            {pending && !preview ? 'Reading…' : 'Preview'}
          </Button>
        </div>
      </section>

      {allErrors.length > 0 && (
        <div className="rounded-md border border-red-200 bg-red-50 p-3">
          <FieldErrors errors={[`Nothing was imported.`, ...allErrors]} />
        </div>
      )}

      {facts && (
        <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-preview" aria-label="Preview">
          <h2 className="text-base font-semibold">Preview of {file?.name}</h2>
          <Facts facts={facts} />
          <div className="grid gap-4 md:grid-cols-3">
            <ImportOptions kind={kind} facts={facts} options={options} set={set} />
          </div>
          {!preview && (
            <Button disabled={pending || !file} onClick={runPreview}>
              Update preview
            </Button>
          )}
          {preview && (
            <>
              <p className="text-sm text-slate-700" data-testid="import-summary">
                {preview.summary}
              </p>
              <Counts preview={preview} />
              {preview.notes.length > 0 && (
                <ul className="list-disc pl-5 text-sm text-slate-600">
                  {preview.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
              <WithoutLayers preview={preview} />
              <Button variant="primary" disabled={pending} onClick={confirm}>
                {pending ? 'Importing…' : 'Import'}
              </Button>
            </>
          )}
        </section>
      )}

      {done && (
        <section role="status" className="space-y-3 rounded-lg border border-green-300 bg-green-50 p-4" data-testid="import-result">
          <p className="font-medium text-green-900">{done.summary}</p>
          <Counts preview={done} />
          <WithoutLayers preview={done} />
          <p className="flex gap-3 text-sm">
            <Link className="text-blue-700 underline" href="/architecture">
              Open the Architecture page
            </Link>
            <Link className="text-blue-700 underline" href={kind === 'images' ? '/images' : kind === 'services' ? '/services' : kind === 'topology' ? '/network' : '/servers'}>
              See the catalog
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}
