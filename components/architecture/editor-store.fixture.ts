import fs from 'node:fs';
import path from 'node:path';
import { loadArchitecture } from '@/lib/architecture/load-architecture';
import { runArchitectureEdit } from '@/lib/architecture/run-architecture-edit';
import type { TestDatabase } from '@/lib/db/test-database';
import { scenarioDocumentSchema } from '@/lib/scenario-document/scenario-document-schema';
import type { EditorBackend } from './editor-store';

// Shared by the store's tests: the e2e specs' small edge scenario, and a backend that is what the
// server actions call, with the test database instead of the app's.

export const SMALL_EDGE_DOCUMENT = scenarioDocumentSchema.parse(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../e2e/fixtures/small-edge.json'), 'utf8')));

export const databaseBackend = (db: TestDatabase): EditorBackend => ({
  applyEdit: (id, edit) => runArchitectureEdit(db.prisma, id, edit),
  load: async (id) => ({ ok: true, snapshot: await loadArchitecture(db.prisma, id) }),
});
