import { z } from 'zod';
import { ARCHS } from '@/lib/vocabulary/kinds-and-labels';
import { emptyPlan, type ImportPlan, type PlannedImage } from '../import-plan';
import { importError } from '../import-input';
import { jsonErrorOffset } from '../json-error-position';
import { archOfPlatform, displayRepository, parseImageReference } from './image-reference';
import { scalarText } from '../scalar-text';

// Image manifests in, catalog images and layers out. Accepted shapes:
//  - an OCI image manifest or a Docker v2 manifest (`layers[]`), named with the `reference` option;
//  - an OCI image index or Docker manifest list (`manifests[]`): one image per platform, listed
//    without layer data until their manifests are imported;
//  - `docker manifest inspect -v` output: one object or a list of {Ref, Descriptor, SchemaV2Manifest|OCIManifest};
//  - a bulk list shaped like datasets/images/layers.json: [{image, tag, platform, layers:[{digest,size}]}].

export const imageOptionsSchema = z.object({
  /** The image a bare manifest or index describes, e.g. "nginx:1.27" or "ghcr.io/org/app:v1". */
  reference: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v) => v || undefined),
  /** Architecture of a bare manifest (a manifest does not say). */
  arch: z.enum(ARCHS).default('amd64'),
  /** Bulk lists: import only this snapshot. Required when snapshots overlap. */
  snapshot: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((v) => v || undefined),
  /** Bulk lists: import only this platform ("linux/amd64", "linux/arm64"). */
  platform: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((v) => v || undefined),
});

const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export type ImageFileKind = 'bulk-list' | 'manifest' | 'index' | 'docker-inspect';

/** What the preview shows about a bulk list before choosing a snapshot and platform. */
export type BulkListFacets = { snapshots: Record<string, number>; platforms: Record<string, number> };

export function detectImageFile(data: unknown): ImageFileKind {
  if (Array.isArray(data)) {
    if (data.length === 0) throw importError(null, 'the list is empty');
    if (isObject(data[0]) && 'image' in data[0] && 'layers' in data[0]) return 'bulk-list';
    if (isObject(data[0]) && ('Descriptor' in data[0] || 'Ref' in data[0])) return 'docker-inspect';
    throw importError('[0]', 'not an image list: expected {image, tag, platform, layers} or docker manifest inspect -v entries');
  }
  if (!isObject(data)) throw importError(null, 'not an image manifest: expected a JSON object or list');
  if ('Descriptor' in data || 'Ref' in data) return 'docker-inspect';
  if (Array.isArray(data.manifests)) return 'index';
  if (Array.isArray(data.layers)) return 'manifest';
  if (Array.isArray(data.fsLayers)) throw importError('fsLayers', 'Docker schema 1 manifests have no layer sizes; fetch the schema 2 or OCI manifest');
  throw importError(null, 'not an image manifest: it has neither "layers" nor "manifests"');
}

export function bulkListFacets(data: unknown): BulkListFacets {
  const facets: BulkListFacets = { snapshots: {}, platforms: {} };
  if (!Array.isArray(data)) return facets;
  for (const e of data) {
    if (!isObject(e)) continue;
    const s = scalarText(e.snapshot ?? '(none)');
    const p = scalarText(e.platform ?? 'linux/amd64');
    facets.snapshots[s] = (facets.snapshots[s] ?? 0) + 1;
    facets.platforms[p] = (facets.platforms[p] ?? 0) + 1;
  }
  return facets;
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message
      .split('\n')[0]
      .replace(/, ("|\.\.\.)[\s\S]*$/, '')
      .replace(/ in JSON at position.*$/, '');
    const offset = jsonErrorOffset(text);
    const line = text.slice(0, offset).split('\n').length;
    const column = offset - text.lastIndexOf('\n', offset - 1);
    throw importError(`line ${line}, column ${column}`, `not valid JSON: ${message}`);
  }
}

export function planImagesImport(data: unknown, input: Partial<z.input<typeof imageOptionsSchema>> = {}): ImportPlan {
  const o = imageOptionsSchema.parse(input);
  const kind = detectImageFile(data);
  const plan = emptyPlan();
  const layers = new Map<string, bigint>();
  const images = new Map<string, { image: PlannedImage; path: string; snapshot?: string }>();
  const skipped = new Map<string, number>();
  const skip = (why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);

  const addLayers = (list: unknown, path: string): string[] => {
    if (!Array.isArray(list)) throw importError(path, 'must be a list of layers');
    return list.map((l, i) => {
      const at = `${path}[${i}]`;
      if (!isObject(l)) throw importError(at, 'must be an object with digest and size');
      const digest = l.digest;
      if (typeof digest !== 'string' || !DIGEST.test(digest)) throw importError(`${at}.digest`, 'must be a digest like sha256:…');
      const size = l.size;
      if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw importError(`${at}.size`, 'must be a whole number of bytes ≥ 0');
      const known = layers.get(digest);
      if (known !== undefined && known !== BigInt(size)) throw importError(`${at}.size`, `layer ${digest} appears with two sizes (${known} and ${size})`);
      layers.set(digest, BigInt(size));
      return digest;
    });
  };
  const addImage = (image: PlannedImage, path: string, snapshot?: string) => {
    const key = `${image.repository}:${image.tag} (${image.arch})`;
    const clash = images.get(key);
    if (clash) {
      if (snapshot !== clash.snapshot) {
        throw importError(
          path,
          `${displayRepository(image.repository)}:${image.tag} (${image.arch}) is in both snapshot "${clash.snapshot}" and "${snapshot}"; ` +
            'sharing is only meaningful inside one snapshot: choose one (--snapshot NAME)',
        );
      }
      throw importError(path, `${displayRepository(image.repository)}:${image.tag} (${image.arch}) appears twice (also at ${clash.path})`);
    }
    images.set(key, { image, path, snapshot });
  };
  const platformOk = (os: string, arch: string, label: string) => {
    if (os !== 'linux') return (skip(`${label}: not a Linux image`), false);
    if (!(ARCHS as readonly string[]).includes(arch)) return (skip(`${label}: architecture ${arch} is not modelled`), false);
    return true;
  };
  const reference = (raw: string | undefined, path: string) => {
    if (!raw) throw importError(path, 'name the image this manifest describes (for example nginx:1.27)');
    const ref = parseImageReference(raw);
    if (!ref) throw importError(path, `"${raw}" is not an image reference`);
    return ref;
  };

  if (kind === 'bulk-list') {
    (data as unknown[]).forEach((e, i) => {
      const at = `[${i}]`;
      if (!isObject(e)) throw importError(at, 'must be an object');
      const snapshot = e.snapshot === undefined ? undefined : scalarText(e.snapshot);
      if (o.snapshot && snapshot !== o.snapshot) return;
      const platform = typeof e.platform === 'string' ? e.platform : 'linux/amd64';
      if (o.platform && platform !== o.platform && !platform.startsWith(`${o.platform}/`)) return;
      if (typeof e.image !== 'string') throw importError(`${at}.image`, 'must be an image name');
      const tag = e.tag === undefined || e.tag === null ? 'latest' : scalarText(e.tag);
      const ref = reference(`${e.image}:${tag}`, `${at}.image`);
      const { os, arch } = archOfPlatform(platform);
      if (!platformOk(os, arch, platform.replace(/\s*\(.*\)$/, ''))) return;
      const digests = addLayers(e.layers, `${at}.layers`);
      const manifestDigest = typeof e.manifest_digest === 'string' && DIGEST.test(e.manifest_digest) ? e.manifest_digest : null;
      addImage({ repository: ref.repository, tag: ref.tag, arch, manifestDigest, layers: digests }, at, snapshot);
    });
    if (o.snapshot && images.size === 0 && skipped.size === 0) throw importError(null, `no entry has snapshot "${o.snapshot}"${o.platform ? ` and platform "${o.platform}"` : ''}`);
  } else if (kind === 'manifest') {
    const m = data as Json;
    const annotations = isObject(m.annotations) ? m.annotations : {};
    const ref = reference(o.reference ?? (annotations['org.opencontainers.image.ref.name'] as string | undefined), 'reference');
    addImage({ repository: ref.repository, tag: ref.tag, arch: o.arch, manifestDigest: ref.digest, layers: addLayers(m.layers, 'layers') }, '');
  } else if (kind === 'index') {
    const m = data as Json;
    const ref = reference(o.reference, 'reference');
    (m.manifests as unknown[]).forEach((d, i) => {
      const at = `manifests[${i}]`;
      if (!isObject(d)) throw importError(at, 'must be a descriptor');
      if (!isObject(d.platform)) throw importError(`${at}.platform`, 'missing: an index entry needs its platform');
      const { os, arch } = archOfPlatform(d.platform);
      if (os === 'unknown') return skip('attestation manifests');
      if (!platformOk(os, arch, `${os}/${arch}`)) return;
      const digest = typeof d.digest === 'string' && DIGEST.test(d.digest) ? d.digest : null;
      if (!digest) throw importError(`${at}.digest`, 'must be a digest like sha256:…');
      addImage({ repository: ref.repository, tag: ref.tag, arch, manifestDigest: digest, layers: [] }, at);
    });
    plan.notes.push("an index lists platforms but not layers: import each platform's manifest (or enter a size) before placing");
  } else {
    const entries = Array.isArray(data) ? data : [data];
    entries.forEach((e, i) => {
      const at = Array.isArray(data) ? `[${i}]` : '';
      if (!isObject(e)) throw importError(at || null, 'must be an object');
      const p = (s: string) => (at ? `${at}.${s}` : s);
      const descriptor = isObject(e.Descriptor) ? e.Descriptor : {};
      const manifest = (isObject(e.SchemaV2Manifest) && e.SchemaV2Manifest) || (isObject(e.OCIManifest) && e.OCIManifest) || null;
      if (!manifest) throw importError(p('SchemaV2Manifest'), 'missing: run docker manifest inspect with -v');
      const ref = reference(o.reference ?? (typeof e.Ref === 'string' ? e.Ref : undefined), p('Ref'));
      const platform = isObject(descriptor.platform) ? (descriptor.platform as { os?: string; architecture?: string }) : { os: 'linux', architecture: o.arch };
      const { os, arch } = archOfPlatform(platform);
      if (os === 'unknown') return skip('attestation manifests');
      if (!platformOk(os, arch, `${os}/${arch}`)) return;
      const digest = typeof descriptor.digest === 'string' && DIGEST.test(descriptor.digest) ? descriptor.digest : ref.digest;
      addImage({ repository: ref.repository, tag: ref.tag, arch, manifestDigest: digest, layers: addLayers(manifest.layers, p('SchemaV2Manifest.layers')) }, at);
    });
  }

  plan.layers = [...layers].map(([digest, sizeBytes]) => ({ digest, sizeBytes }));
  plan.images = [...images.values()].map((v) => v.image);
  const refs = plan.images.reduce((n, i) => n + i.layers.length, 0);
  plan.stats = {
    entries: Array.isArray(data) ? data.length : 1,
    images: plan.images.length,
    layerReferences: refs,
    distinctLayers: plan.layers.length,
    skipped: [...skipped.values()].reduce((a, b) => a + b, 0),
  };
  for (const [why, n] of skipped) plan.notes.push(`skipped ${n} × ${why}`);
  return plan;
}
