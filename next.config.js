// Packages that must stay real Node modules at run time instead of being bundled: PGlite
// resolves its WASM and data files relative to itself (bundled, it fails with "path argument …
// Received an instance of URL"), and the solvers load WASM or run in worker threads.
// Next's production pages bootstrap with inline scripts and inline styles, hence 'unsafe-inline';
// `next dev` also evaluates code for fast refresh. Nothing is loaded from other origins, and no
// other site may frame the dashboard.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'glpk.js', 'highs', 'pg', 'tsx'],
  experimental: {
    // Scenario and topology uploads go through server actions; the domain refuses more than 20 MiB.
    serverActions: { bodySizeLimit: '21mb' },
  },
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
  // Types are checked once, by `npm run typecheck` at the start of `npm test` (and so in CI),
  // over the whole project including tests and scripts; `npm start` does not pay for it again.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
