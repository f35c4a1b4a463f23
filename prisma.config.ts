import { defineConfig } from 'prisma/config';

// The Prisma CLI is only used for `prisma generate` here (see package.json "db:generate");
// migrations are applied by lib/db/migrate.ts. The URL is read by CLI commands that talk to a
// database, which this project does not run.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/edgestack' },
});
