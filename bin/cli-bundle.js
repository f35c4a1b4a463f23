// The command line compiled into one file, so that a command starts in a fraction of a second
// instead of tsx transpiling hundreds of sources at every start. It is built on first use and
// rebuilt when a source it was built from changes (the same freshness idea as `npm start`'s
// build): the manifest beside it lists every input with its modification time. Packages stay
// outside the bundle and load from node_modules as usual.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ENTRY = path.join('lib', 'cli', 'entry.ts');

function cacheDir(root) {
  if (process.env.EDGESTACK_CLI_CACHE) {
    fs.mkdirSync(process.env.EDGESTACK_CLI_CACHE, { recursive: true });
    return process.env.EDGESTACK_CLI_CACHE;
  }
  const inRepo = path.join(root, '.cache', 'cli');
  try {
    fs.mkdirSync(inRepo, { recursive: true });
    fs.accessSync(inRepo, fs.constants.W_OK);
    return inRepo;
  } catch {
    // A checkout we may not write to (installed for all users): keep the build per user.
    const dir = path.join(os.tmpdir(), `edgestack-cli-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }
}

// Packages stay outside the bundle and load from node_modules, except imports that only a
// bundler resolves (a CommonJS package's subpath without its extension): those are bundled.
const externalWhereNodeResolves = {
  name: 'external-where-node-resolves',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@/')) return undefined;
      try {
        const url = import.meta.resolve(args.path);
        // Node 20 resolves a subpath to a URL without checking that the file is there.
        if (!url.startsWith('file:') || fs.statSync(fileURLToPath(url)).isFile()) return { path: args.path, external: true };
      } catch {
        // not resolvable by Node: bundle it
      }
      return undefined;
    });
  },
};

function isFresh(root, manifestFile, entry) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {
    return false;
  }
  if (manifest.node !== process.version || !fs.existsSync(entry)) return false;
  for (const [file, mtimeMs] of Object.entries(manifest.inputs)) {
    try {
      if (fs.statSync(path.join(root, file)).mtimeMs !== mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return true;
}

async function build(root, bundleDir, manifestFile) {
  const esbuild = await import('esbuild');
  // Built into a new folder, then swapped in: commands load their own chunk when they run.
  const temp = `${bundleDir}.${process.pid}.tmp`;
  fs.rmSync(temp, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { edgestack: ENTRY },
    outdir: temp,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [externalWhereNodeResolves],
    tsconfig: path.join(root, 'tsconfig.json'),
    sourcemap: 'inline',
    metafile: true,
    logLevel: 'silent',
    // Bundled into one ES module, packages that expect CommonJS globals still find them.
    banner: { js: "import { createRequire as __edgestackRequire } from 'node:module'; const require = __edgestackRequire(import.meta.url);" },
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), 'tsconfig.json', 'package.json']) {
    inputs[file] = fs.statSync(path.join(root, file)).mtimeMs;
  }
  // Renames are atomic: a command started meanwhile sees the old build or the new, never half.
  // (A directory cannot replace a non-empty one, so the old build moves aside first.)
  const old = `${bundleDir}.old.${process.pid}`;
  try {
    fs.renameSync(bundleDir, old);
  } catch {
    // no earlier build
  }
  fs.renameSync(temp, bundleDir);
  fs.rmSync(old, { recursive: true, force: true });
  const manifestTemp = `${manifestFile}.${process.pid}.tmp`;
  fs.writeFileSync(manifestTemp, JSON.stringify({ node: process.version, builtAt: new Date().toISOString(), inputs }));
  fs.renameSync(manifestTemp, manifestFile);
}

/** The path of a current build of the command line, building it first if needed. */
export async function ensureCliBundle(root, { onBuild = () => {} } = {}) {
  const dir = cacheDir(root);
  const bundleDir = path.join(dir, 'build');
  const manifestFile = path.join(dir, 'manifest.json');
  const entry = path.join(bundleDir, 'edgestack.mjs');
  if (!isFresh(root, manifestFile, entry)) {
    onBuild();
    await build(root, bundleDir, manifestFile);
  }
  return entry;
}
