// Image references as written in manifests ("redis", "mongo:4.4.6", "busybox:1.38@sha256:…",
// "us-central1-docker.pkg.dev/proj/repo/adservice:v0.10.6"), normalised to the catalog's key:
// Docker Hub official images are "library/<name>", other Docker Hub images "<user>/<name>",
// images on other registries keep their host ("ghcr.io/org/name").

export type ImageReference = { registry: string; repository: string; tag: string; digest: string | null };

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

export function parseImageReference(raw: string): ImageReference | null {
  let ref = raw.trim();
  if (!ref || /\s/.test(ref) || ref.length > 300) return null;
  let digest: string | null = null;
  const at = ref.indexOf('@');
  if (at >= 0) {
    digest = ref.slice(at + 1);
    ref = ref.slice(0, at);
    if (!/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest)) return null;
  }
  let tag = 'latest';
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = ref.slice(colon + 1);
    ref = ref.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return null;
  }
  const parts = ref.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) registry = parts.shift()!;
  if (DOCKER_HUB.has(registry)) registry = 'docker.io';
  if (parts.length === 0 || parts.some((p) => !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(p))) return null;
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  return { registry, repository: registry === 'docker.io' ? path : `${registry}/${path}`, tag, digest };
}

/** "library/nginx" → "nginx", for display. */
export function displayRepository(repository: string): string {
  return repository.startsWith('library/') ? repository.slice('library/'.length) : repository;
}

/** The Go architecture of an OCI platform ("linux/arm64/v8" → arm64), null for other systems. */
export function archOfPlatform(platform: { os?: string; architecture?: string } | string): { os: string; arch: string } {
  if (typeof platform === 'string') {
    const [os = 'linux', architecture = 'amd64'] = platform.trim().split(/[\s/]+/);
    return { os: os.toLowerCase(), arch: normaliseArch(architecture) };
  }
  return { os: (platform.os ?? 'linux').toLowerCase(), arch: normaliseArch(platform.architecture ?? 'amd64') };
}

function normaliseArch(a: string): string {
  const arch = a.toLowerCase();
  return ({ x86_64: 'amd64', aarch64: 'arm64', armhf: 'arm', armv7: 'arm', armv7l: 'arm', i386: '386', x86: '386' } as Record<string, string>)[arch] ?? arch;
}
