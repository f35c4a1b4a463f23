// Packages that must stay real Node modules at run time instead of being bundled: PGlite
// resolves its WASM and data files relative to itself (bundled, it fails with "path argument …
// Received an instance of URL"), and the solvers load WASM or run in worker threads.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'glpk.js', 'highs', 'pg', 'tsx'],
  experimental: {
    // Scenario and topology uploads go through server actions; the domain refuses more than 20 MiB.
    serverActions: { bodySizeLimit: '21mb' },
  },
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` at the start of `npm test` (and so in CI),
  // over the whole project including tests and scripts; `npm start` does not pay for it again.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
